import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import { CHARACTER_BUCKET_MS, type WriterBucket } from '../../core/activity/characterCounts';
import type { Interval } from '../../core/time/interval';
import { decodeDay } from './dayFile';
import { fileVersion, type DecodedFiles } from './decodedFiles';
import { classifyJournalName, journalPaths, journalWriterKeys, utcDayStart, type JournalEntry, type JournalFolder } from './layout';
import { DAY_MS } from '../../core/time/clock';
import { MAX_MEETING_MS, parseJournalText, type ManualMeeting } from './records';

/** Raw records overlapping a range, from every journal and day file; spans may overlap (readers take the union). */
export interface StoreContents {
  spans: ActivitySpan[];
  meetings: ManualMeeting[];
  /** Character counts of every writer; a writer's bucket may appear more than once (take the latest: latestBuckets). */
  characters: WriterBucket[];
  /** Lines or day files that held no valid record: skipped, never deleted; the host logs the count once. */
  corruptLines: number;
  /** Files that exist but could not be read (permissions, I/O errors): skipped and reported, never deleted. */
  unreadableFiles: UnreadableFile[];
  /** Files in the journal folders that are neither history nor a sync tool's own (sorted paths): not read; the host lists them once. */
  unknownFiles: string[];
}

export interface UnreadableFile {
  path: string;
  /** Why, in words: "permission denied", "I/O error", or the system's error code. */
  reason: string;
}

/** A file whose name is listed but whose content is not on this machine (a cloud placeholder). */
export const PLACEHOLDER_REASON = 'not downloaded to this machine (a cloud placeholder): make the data folder available offline';

export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EIO') return 'I/O error';
  // macOS answers EDEADLK for a file iCloud or another file provider could not download; Windows' cloud files give
  // errors Node maps to UNKNOWN or EIO.
  if (code === 'EDEADLK' || code === 'UNKNOWN' || code === 'ETIMEDOUT') return `${PLACEHOLDER_REASON} (${code})`;
  if (code === 'EISDIR') return 'a folder is in the way';
  return code;
}

const ATTEMPTS = 3;

// The callback versions, promisified: fs.promises.readFile opens, stats, reads and closes in separate round trips
// to the thread pool, and read a year of history 45% slower (npm run bench, activity.year_read_ms).
const readFile = promisify(fs.readFile);
const stat = promisify(fs.stat);

/** The names in a folder, sorted; none when it is missing or unreadable (compaction, which writes, lists synchronously). */
export function listNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

async function listNamesAsync(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir)).sort();
  } catch {
    return [];
  }
}

class VanishedFile extends Error {}

/** Files read at once: enough to hide the latency of a synced or network folder, few enough for any file limit. */
const READS_IN_FLIGHT = 32;

/** A history file and how its text becomes records. */
interface FileToRead<T> {
  path: string;
  decode(text: string): T;
}

/**
 * Each file's decoded text, in order, read a few at a time; `undefined` for a file that is gone or unreadable.
 * With `cache`, a file whose version did not change since the last read is neither read nor decoded again.
 */
async function readDecoded<T>(files: readonly FileToRead<T>[], lastAttempt: boolean, unreadable: UnreadableFile[], cache: DecodedFiles | undefined): Promise<(T | undefined)[]> {
  const readOne = async ({ path: file, decode }: FileToRead<T>): Promise<T | undefined> => {
    try {
      const version = cache && fileVersion(await stat(file));
      const cached = version === undefined ? undefined : cache?.get<T>(file, version);
      if (cached !== undefined) return cached;
      const text = await readFile(file, 'utf8');
      // A placeholder may read as nothing while its size says otherwise: unreadable, never empty.
      if (text === '' && (await stat(file)).size > 0) {
        unreadable.push({ path: file, reason: PLACEHOLDER_REASON });
        return undefined;
      }
      const value = decode(text);
      if (version !== undefined) cache?.set(file, version, value);
      return value;
    } catch (error) {
      // A compaction elsewhere removed it after merging it into a day file we have not listed: list again.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !lastAttempt) throw new VanishedFile(file);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ path: file, reason: unreadableReason(error) });
      return undefined;
    }
  };
  const values: (T | undefined)[] = [];
  for (let i = 0; i < files.length; i += READS_IN_FLIGHT) values.push(...(await Promise.all(files.slice(i, i + READS_IN_FLIGHT).map(readOne))));
  return values;
}

/** An empty day file (a write cut short before its first byte) holds nothing; any other undecodable one is corrupt. */
const decodeDayOrNull = (text: string) => (text === '' ? { spans: [], meetings: [], characters: [] } : (decodeDay(text) ?? null));

async function readOnce(root: string, range: Interval, lastAttempt: boolean, cache: DecodedFiles | undefined): Promise<StoreContents> {
  const paths = journalPaths(root);
  const contents: StoreContents = { spans: [], meetings: [], characters: [], corruptLines: 0, unreadableFiles: [], unknownFiles: [] };
  const keep = (start: number, end: number) => end > range.start && start < range.end;
  const keepMeeting = (meeting: ManualMeeting) => keep(meeting.start, meeting.end);

  const [dayNames, journalNames] = await Promise.all([listNamesAsync(paths.days), listNamesAsync(paths.live)]);
  cache?.keepOnly(new Set([...dayNames.map((name) => path.join(paths.days, name)), ...journalNames.map((name) => path.join(paths.live, name))]));
  const classify = (folder: JournalFolder, dir: string, names: readonly string[]) =>
    names.map((name): { name: string; entry: JournalEntry } => {
      const entry = classifyJournalName(folder, name);
      if (entry.kind === 'unknown') contents.unknownFiles.push(path.join(dir, name));
      return { name, entry };
    });
  // A meeting is filed under its start day and lasts at most a day, so the day before may hold one that overlaps.
  const dayInRange = (utcDate: string) => utcDayStart(utcDate) + DAY_MS > range.start - MAX_MEETING_MS && utcDayStart(utcDate) < range.end;
  // Everything in a journal was written on its date, so it ended before that date was over.
  const journalInRange = (utcDate: string) => utcDayStart(utcDate) + DAY_MS > range.start;
  const days: string[] = [];
  for (const { name, entry } of classify('days', paths.days, dayNames)) {
    if (entry.kind === 'day' && dayInRange(entry.utcDate)) days.push(name);
    else if (entry.kind === 'placeholder' && dayInRange(entry.utcDate)) contents.unreadableFiles.push({ path: path.join(paths.days, entry.name), reason: PLACEHOLDER_REASON });
  }
  const journalEntries: { name: string; utcDate: string; writerId: string }[] = [];
  for (const { name, entry } of classify('live', paths.live, journalNames)) {
    if (entry.kind === 'journal' && journalInRange(entry.utcDate)) journalEntries.push({ name, utcDate: entry.utcDate, writerId: entry.writerId });
    else if (entry.kind === 'placeholder' && journalInRange(entry.utcDate)) contents.unreadableFiles.push({ path: path.join(paths.live, entry.name), reason: PLACEHOLDER_REASON });
  }
  // A sync tool's copy counts characters as its original's writer: a copy that repeats the original adds nothing.
  const writerKeys = journalWriterKeys(journalEntries);
  const journals = journalEntries.map(({ name }, i) => ({ name, writerId: writerKeys[i]! }));
  // undefined: a file gone or unreadable (already reported); null: a day file that does not decode.
  const [dayContents, journalContents] = await Promise.all([
    readDecoded(days.map((name) => ({ path: path.join(paths.days, name), decode: decodeDayOrNull })), lastAttempt, contents.unreadableFiles, cache),
    readDecoded(journals.map(({ name }) => ({ path: path.join(paths.live, name), decode: parseJournalText })), lastAttempt, contents.unreadableFiles, cache),
  ]);

  for (const day of dayContents) {
    if (day === undefined) continue;
    if (day === null) {
      contents.corruptLines++;
      continue;
    }
    for (const span of day.spans) if (keep(span.start, span.end)) contents.spans.push(span);
    for (const meeting of day.meetings) if (keepMeeting(meeting)) contents.meetings.push(meeting);
    for (const bucket of day.characters) if (keep(bucket.start, bucket.start + CHARACTER_BUCKET_MS)) contents.characters.push(bucket);
  }

  journals.forEach(({ writerId: writer }, i) => {
    const { records, corruptLines } = journalContents[i] ?? { records: [], corruptLines: 0 };
    contents.corruptLines += corruptLines;
    for (const record of records) {
      if (record.kind === 'activity') {
        if (keep(record.span.start, record.span.end)) contents.spans.push(record.span);
      } else if (record.kind === 'characters') {
        if (keep(record.bucket.start, record.bucket.start + CHARACTER_BUCKET_MS)) contents.characters.push({ ...record.bucket, writer: record.id ?? writer });
      } else if (keepMeeting(record.meeting)) {
        contents.meetings.push(record.meeting);
      }
    }
  });
  return contents;
}

/**
 * Reads everything overlapping `range`, without blocking the extension host (the folder may be synced or on a
 * network). Never throws for missing folders or corrupt data; retries when a
 * concurrent compaction removes a file between listing and reading (its records are then in a day file).
 */
export async function readStore(root: string, range: Interval, cache?: DecodedFiles): Promise<StoreContents> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(root, range, attempt >= ATTEMPTS, cache);
    } catch (error) {
      if (!(error instanceof VanishedFile)) throw error;
    }
  }
}
