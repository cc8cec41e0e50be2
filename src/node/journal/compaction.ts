import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import { decodeDay, encodeDay, type DayContents } from './dayFile';
import { fsyncDirectory, writeFileDurably } from './durableFile';
import { dayFileName, journalPaths, parseDayFileName, parseJournalFileName, utcDateOf, utcDayStart } from './layout';
import { DAY_MS } from '../../core/time/clock';
import { listNames } from './journalReader';
import { parseJournalText } from './records';

/*
 * Compaction protocol (safe with any number of processes, on any machine sharing the folder, running at once):
 *
 * 1. Only journals named with a UTC date at least two days before now are touched. Writers name their file by
 *    the date of each write, so no writer with a sane clock appends to such a file again: nobody rewrites or
 *    removes a file another process is still writing.
 * 2. For every UTC day those journals touch (and every day with more than one day file), the new day file is the
 *    union of every existing day file of that day and every record of those journals on that day. Its name is a
 *    hash of its content, so two compactions of the same inputs rename identical bytes onto the same name.
 * 3. The day file is written durably (temp, fsync, rename, fsync folder) before anything is removed.
 * 4. A process removes only files it has read in full and merged into a day file that is durable. So every
 *    record is always in some file: whoever removes a day file has written a superset of it first. A file that
 *    vanished before we read it was merged by someone else; we skip it and remove nothing on its behalf.
 * 5. Journals or day files with corrupt lines are merged (their intact records) but never removed.
 *
 * A writer whose clock is two days behind could append to a closed journal while it is being compacted; its
 * records are then picked up by the next compaction unless the append lands between our read and our removal.
 * That needs a clock off by days and a race of milliseconds; we accept it and say so here.
 */

export interface CompactionResult {
  daysWritten: number;
  journalsRemoved: number;
  dayFilesRemoved: number;
  /** Intact records merged from files kept because of their corrupt lines. */
  filesKeptForCorruption: number;
  corruptLines: number;
}

/** UTC days strictly before this are closed. Two days of margin: a local "yesterday" is never still open anywhere. */
export function firstOpenUtcDay(now: number): number {
  return utcDayStart(utcDateOf(now)) - DAY_MS;
}

interface DayWork {
  contents: DayContents;
  inputs: string[];
}

const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

export function compact(root: string, now: number): CompactionResult {
  const paths = journalPaths(root);
  const result: CompactionResult = { daysWritten: 0, journalsRemoved: 0, dayFilesRemoved: 0, filesKeptForCorruption: 0, corruptLines: 0 };
  const openFrom = firstOpenUtcDay(now);
  const work = new Map<string, DayWork>();
  const dayWork = (utcDate: string): DayWork => {
    let entry = work.get(utcDate);
    if (!entry) work.set(utcDate, (entry = { contents: { spans: [], meetings: [], characters: [] }, inputs: [] }));
    return entry;
  };

  const journalsToRemove: string[] = [];
  for (const name of listNames(paths.live)) {
    const parsed = parseJournalFileName(name);
    if (!parsed || utcDayStart(parsed.utcDate) >= openFrom) continue;
    const file = path.join(paths.live, name);
    const text = readIfPresent(file);
    if (text === undefined) continue;
    const { records, corruptLines } = parseJournalText(text);
    result.corruptLines += corruptLines;
    for (const record of records) {
      if (record.kind === 'meeting') {
        dayWork(utcDateOf(record.meeting.start)).contents.meetings.push(record.meeting);
      } else if (record.kind === 'characters') {
        dayWork(utcDateOf(record.bucket.start)).contents.characters.push({ ...record.bucket, writer: record.id ?? parsed.writerId });
      } else {
        for (const piece of splitAtUtcMidnights(record.span)) dayWork(utcDateOf(piece.start)).contents.spans.push(piece);
      }
    }
    if (corruptLines > 0) result.filesKeptForCorruption++;
    else journalsToRemove.push(file);
  }

  const dayFiles = new Map<string, string[]>();
  for (const name of listNames(paths.days)) {
    const parsed = parseDayFileName(name);
    if (parsed) dayFiles.set(parsed.utcDate, [...(dayFiles.get(parsed.utcDate) ?? []), name]);
    else if (name.startsWith('.tmp-')) removeStaleTemp(path.join(paths.days, name), now);
  }
  for (const [utcDate, names] of dayFiles) if (names.length > 1) dayWork(utcDate);

  if (work.size > 0) fs.mkdirSync(paths.days, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  for (const [utcDate, entry] of work) {
    for (const name of dayFiles.get(utcDate) ?? []) {
      const file = path.join(paths.days, name);
      const text = readIfPresent(file);
      if (text === undefined) continue;
      const day = decodeDay(text);
      if (!day) {
        result.corruptLines++;
        result.filesKeptForCorruption++;
        continue;
      }
      entry.contents.spans.push(...day.spans);
      entry.contents.meetings.push(...day.meetings);
      entry.contents.characters.push(...day.characters);
      entry.inputs.push(file);
    }
    const { text, hash } = encodeDay(utcDate, utcDayStart(utcDate), entry.contents);
    const output = path.join(paths.days, dayFileName(utcDate, hash));
    writeFileDurably(output, text, suffix);
    result.daysWritten++;
    for (const input of entry.inputs) {
      if (input !== output && removeIfPresent(input)) result.dayFilesRemoved++;
    }
  }

  // Only now is every record of these journals in a durable day file.
  for (const file of journalsToRemove) if (removeIfPresent(file)) result.journalsRemoved++;
  if (journalsToRemove.length > 0) fsyncDirectory(paths.live);
  return result;
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

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function removeIfPresent(file: string): boolean {
  try {
    fs.unlinkSync(file);
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
