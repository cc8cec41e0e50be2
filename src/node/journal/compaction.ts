import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import { latestBuckets, type WriterBucket } from '../../core/activity/characterCounts';
import { union } from '../../core/time/interval';
import { decodeDay, encodeDay, type DayContents } from './dayFile';
import { fsyncDirectory, writeFileDurably } from './durableFile';
import { classifyJournalName, dayFileName, journalPaths, journalWriterKeys, utcDateOf, utcDayStart } from './layout';
import { DAY_MS } from '../../core/time/clock';
import { listNames, PLACEHOLDER_REASON, unreadableReason, type UnreadableFile } from './journalReader';
import { parseJournalText, type ManualMeeting } from './records';

/*
 * Compaction protocol (safe with any number of processes, on any machine sharing the folder, running at once):
 *
 * 1. Only journals named with a UTC date at least two days before now are touched. Writers name their file by
 *    the date of each write, so no writer with a sane clock appends to such a file again: nobody rewrites or
 *    removes a file another process is still writing.
 * 2. For every UTC day those journals touch (and every day with more than one day file), the new day file is the
 *    union of every existing day file of that day and every record of those journals on that day. Its name is a
 *    hash of its content, so two compactions of the same inputs rename identical bytes onto the same name; two
 *    machines that compacted different inputs leave two day files, which readers union and the next compaction
 *    folds into one. Sync tools' conflict copies of journals and day files (layout.ts) are inputs like any other.
 * 3. The day file is written durably (temp, fsync, rename, fsync folder), then read back and checked to hold every
 *    span, meeting and character count merged into it, before anything is removed.
 * 4. A process removes only files it has read in full and merged into day files that are durable and verified,
 *    and only when the file still holds what it read (a late append keeps it for the next compaction). So every
 *    record is always in some file: whoever removes a file has written a superset of it first. A file that
 *    vanished before we read it was merged by someone else; we skip it and remove nothing on its behalf.
 * 5. Journals or day files with corrupt lines are merged (their intact records) but never removed.
 * 6. A day any of whose files cannot be read (permissions, EIO, a cloud placeholder that is not downloaded, or
 *    reads as empty while its size says otherwise) is left alone: not written, none of its inputs removed. An
 *    unreadable file is never taken for an empty one.
 *
 * A writer whose clock is two days behind could append to a closed journal while it is being compacted; the
 * re-read before removal keeps such a file unless the append lands in the microseconds between that re-read and
 * the removal. On another machine, the sync tool keeps the append: Syncthing 1.x restores a modified file that
 * another device deleted, 2.x and others keep it as a conflict copy, which the next compaction merges.
 */

export interface CompactionResult {
  daysWritten: number;
  journalsRemoved: number;
  dayFilesRemoved: number;
  /** Intact records merged from files kept because of their corrupt lines. */
  filesKeptForCorruption: number;
  corruptLines: number;
  /** Conflict copies of sync tools merged into a day (and removed once it was verified). */
  copiesMerged: number;
  /** Days left alone because one of their files could not be read; `unreadableFiles` says which and why. */
  daysSkipped: number;
  unreadableFiles: UnreadableFile[];
  /** Files kept because they changed after they were read (a late append): merged by the next compaction. */
  filesChangedMeanwhile: number;
  /** Days whose written file did not read back with everything merged into it: their inputs were kept. */
  daysNotVerified: number;
}

/** UTC days strictly before this are closed. Two days of margin: a local "yesterday" is never still open anywhere. */
export function firstOpenUtcDay(now: number): number {
  return utcDayStart(utcDateOf(now)) - DAY_MS;
}

interface DayWork {
  contents: DayContents;
  /** Day files of this day read in full (their text, to check nothing changed before removal). */
  dayFiles: InputFile[];
}

interface InputFile {
  path: string;
  text: string;
  copy: boolean;
}

interface JournalInput extends InputFile {
  /** The UTC date in its name: while that day is left alone, so is the journal. */
  utcDate: string;
  /** The UTC days its records went to: it is removed once each of them is verified. */
  days: Set<string>;
  removable: boolean;
}

/** What a compaction read and will write: `planCompaction` reads, `applyCompaction` writes, verifies and removes. */
export interface CompactionPlan {
  readonly root: string;
  readonly now: number;
  readonly work: ReadonlyMap<string, DayWork>;
  readonly journals: readonly JournalInput[];
  /** Days not to touch: one of their files could not be read. */
  readonly blocked: ReadonlySet<string>;
  readonly result: CompactionResult;
}

const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

export function compact(root: string, now: number): CompactionResult {
  return applyCompaction(planCompaction(root, now));
}

/** Reads every closed journal and the day files of the days they touch; writes nothing but stale temp files' removal. */
export function planCompaction(root: string, now: number): CompactionPlan {
  const paths = journalPaths(root);
  const result: CompactionResult = {
    daysWritten: 0,
    journalsRemoved: 0,
    dayFilesRemoved: 0,
    filesKeptForCorruption: 0,
    corruptLines: 0,
    copiesMerged: 0,
    daysSkipped: 0,
    unreadableFiles: [],
    filesChangedMeanwhile: 0,
    daysNotVerified: 0,
  };
  const openFrom = firstOpenUtcDay(now);
  const work = new Map<string, DayWork>();
  const blocked = new Set<string>();
  const dayWork = (utcDate: string): DayWork => {
    let entry = work.get(utcDate);
    if (!entry) work.set(utcDate, (entry = { contents: { spans: [], meetings: [], characters: [] }, dayFiles: [] }));
    return entry;
  };
  const unreadable = (file: string, utcDate: string, reason: string) => {
    result.unreadableFiles.push({ path: file, reason });
    blocked.add(utcDate);
  };

  const liveEntries: { name: string; utcDate: string; writerId: string; copy: boolean }[] = [];
  for (const name of listNames(paths.live)) {
    const entry = classifyJournalName('live', name);
    if (entry.kind === 'placeholder' && utcDayStart(entry.utcDate) < openFrom) unreadable(path.join(paths.live, entry.name), entry.utcDate, PLACEHOLDER_REASON);
    if (entry.kind !== 'journal' || utcDayStart(entry.utcDate) >= openFrom) continue;
    liveEntries.push({ name, utcDate: entry.utcDate, writerId: entry.writerId, copy: entry.copyBy !== undefined });
  }
  const writerKeys = journalWriterKeys(liveEntries);
  const journals: JournalInput[] = [];
  liveEntries.forEach(({ name, utcDate, copy }, i) => {
    const file = path.join(paths.live, name);
    const read = readHistoryFile(file);
    if (read.kind === 'gone') return;
    if (read.kind === 'unreadable') return unreadable(file, utcDate, read.reason);
    const { records, corruptLines } = parseJournalText(read.text);
    result.corruptLines += corruptLines;
    const input: JournalInput = { path: file, text: read.text, copy, utcDate, days: new Set(), removable: corruptLines === 0 && read.text !== '' };
    const add = (day: string) => (input.days.add(day), dayWork(day).contents);
    for (const record of records) {
      if (record.kind === 'meeting') {
        add(utcDateOf(record.meeting.start)).meetings.push(record.meeting);
      } else if (record.kind === 'characters') {
        add(utcDateOf(record.bucket.start)).characters.push({ ...record.bucket, writer: record.id ?? writerKeys[i]! });
      } else {
        for (const piece of splitAtUtcMidnights(record.span)) add(utcDateOf(piece.start)).spans.push(piece);
      }
    }
    if (corruptLines > 0) result.filesKeptForCorruption++;
    journals.push(input);
  });

  const dayFiles = new Map<string, { name: string; copy: boolean }[]>();
  for (const name of listNames(paths.days)) {
    const entry = classifyJournalName('days', name);
    if (entry.kind === 'day') dayFiles.set(entry.utcDate, [...(dayFiles.get(entry.utcDate) ?? []), { name, copy: entry.copyBy !== undefined }]);
    else if (entry.kind === 'placeholder') unreadable(path.join(paths.days, entry.name), entry.utcDate, PLACEHOLDER_REASON);
    else if (name.startsWith('.tmp-')) removeStaleTemp(path.join(paths.days, name), now);
  }
  for (const [utcDate, names] of dayFiles) if (names.length > 1) dayWork(utcDate);

  for (const [utcDate, entry] of work) {
    if (blocked.has(utcDate)) continue;
    for (const { name, copy } of dayFiles.get(utcDate) ?? []) {
      const file = path.join(paths.days, name);
      const read = readHistoryFile(file);
      if (read.kind === 'gone') continue;
      if (read.kind === 'unreadable') {
        unreadable(file, utcDate, read.reason);
        break;
      }
      const day = decodeDay(read.text);
      if (!day) {
        result.corruptLines++;
        result.filesKeptForCorruption++;
        continue;
      }
      entry.contents.spans.push(...day.spans);
      entry.contents.meetings.push(...day.meetings);
      entry.contents.characters.push(...day.characters);
      entry.dayFiles.push({ path: file, text: read.text, copy });
    }
  }
  return { root, now, work, journals, blocked, result };
}

/** Writes each day of the plan, reads it back and checks it, then removes the inputs it now holds. */
export function applyCompaction(plan: CompactionPlan): CompactionResult {
  const paths = journalPaths(plan.root);
  const { result } = plan;
  const verified = new Set<string>();
  const days = [...plan.work].filter(([utcDate]) => !plan.blocked.has(utcDate));
  result.daysSkipped = plan.blocked.size;
  if (days.length > 0) fs.mkdirSync(paths.days, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  for (const [utcDate, entry] of days) {
    const { text, hash } = encodeDay(utcDate, utcDayStart(utcDate), entry.contents);
    const output = path.join(paths.days, dayFileName(utcDate, hash));
    writeFileDurably(output, text, suffix);
    result.daysWritten++;
    const back = readHistoryFile(output);
    const written = back.kind === 'read' ? decodeDay(back.text) : undefined;
    if (!written || !holdsAll(written, entry.contents)) {
      result.daysNotVerified++;
      continue;
    }
    verified.add(utcDate);
    for (const input of entry.dayFiles) {
      if (input.path === output) continue;
      if (removeIfUnchanged(input, result)) {
        result.dayFilesRemoved++;
        if (input.copy) result.copiesMerged++;
      }
    }
  }

  // Only now is every record of these journals in a durable, verified day file.
  let removedJournal = false;
  for (const journal of plan.journals) {
    if (!journal.removable || plan.blocked.has(journal.utcDate) || ![...journal.days].every((day) => verified.has(day))) continue;
    if (removeIfUnchanged(journal, result)) {
      removedJournal = true;
      result.journalsRemoved++;
      if (journal.copy) result.copiesMerged++;
    }
  }
  if (removedJournal) fsyncDirectory(paths.live);
  return result;
}

/** Every span, meeting and character count of `merged` is in `written` (the day file as it reads back). */
function holdsAll(written: DayContents, merged: DayContents): boolean {
  const byContext = (spans: readonly ActivitySpan[]) => {
    const map = new Map<string, ActivitySpan[]>();
    for (const span of spans) {
      const key = JSON.stringify([span.workspace ?? null, span.language ?? null, span.agent ?? null, span.source ?? null]);
      map.set(key, [...(map.get(key) ?? []), span]);
    }
    return map;
  };
  const have = byContext(written.spans);
  for (const [key, spans] of byContext(merged.spans)) {
    const cover = union(have.get(key) ?? []);
    if (!union(spans).every((piece) => cover.some((c) => c.start <= piece.start && piece.end <= c.end))) return false;
  }
  const meetingKey = (m: ManualMeeting) => `${m.start}/${m.end}/${m.note ?? ''}`;
  const meetings = new Set(written.meetings.map(meetingKey));
  if (!merged.meetings.every((m) => meetings.has(meetingKey(m)))) return false;
  const bucketKey = (b: WriterBucket) => `${b.writer}/${b.start}/${b.agent ?? ''}`;
  const counts = new Map(latestBuckets(written.characters).map((b) => [bucketKey(b), b] as const));
  return latestBuckets(merged.characters).every((b) => {
    const got = counts.get(bucketKey(b));
    return got !== undefined && (Object.keys(b.counts) as (keyof typeof b.counts)[]).every((k) => got.counts[k] >= b.counts[k]) && (b.lines ?? 0) <= (got.lines ?? 0);
  });
}

function splitAtUtcMidnights(span: ActivitySpan): ActivitySpan[] {
  const pieces: ActivitySpan[] = [];
  let start = span.start;
  while (start < span.end) {
    const end = Math.min(span.end, utcDayStart(utcDateOf(start)) + DAY_MS);
    pieces.push({ ...span, start, end });
    start = end;
  }
  return pieces;
}

type HistoryRead = { kind: 'read'; text: string } | { kind: 'gone' } | { kind: 'unreadable'; reason: string };

/** A file's text; a placeholder (reads empty while its size says otherwise) or a failed read is unreadable, never empty. */
function readHistoryFile(file: string): HistoryRead {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text === '' && fs.statSync(file).size > 0) return { kind: 'unreadable', reason: PLACEHOLDER_REASON };
    return { kind: 'read', text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'unreadable', reason: unreadableReason(error) };
  }
}

/** Removes `input` if it still holds what was merged; false when it is gone or changed (kept for the next compaction). */
function removeIfUnchanged(input: InputFile, result: CompactionResult): boolean {
  const now = readHistoryFile(input.path);
  if (now.kind !== 'read') return false;
  if (now.text !== input.text) {
    result.filesChangedMeanwhile++;
    return false;
  }
  try {
    fs.unlinkSync(input.path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A temp file an hour old belongs to a compaction that died; its inputs are untouched, so it holds nothing unique. */
function removeStaleTemp(file: string, now: number): void {
  try {
    if (now - fs.statSync(file).mtimeMs > TEMP_MAX_AGE_MS) fs.unlinkSync(file);
  } catch {
    // Someone else cleaned it up.
  }
}
