import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import { CHARACTER_BUCKET_MS, latestBuckets, type WriterBucket } from '../../core/activity/characterCounts';
import { union, type Interval } from '../../core/time/interval';
import { DAY_MS } from '../../core/time/clock';
import { decodeDay, type DayContents } from './dayFile';
import type { UnreadableFile } from './journalReader';
import { journalPaths, parseDayFileName, parseJournalFileName, utcDayStart } from './layout';
import { JOURNAL_SCHEMA_VERSION, parseJournalText } from './records';

/**
 * Skills reads months and years of history; decoding every day file is most of that time. So each UTC month of
 * compacted days has a derived aggregate in `journal/skills/<YYYY-MM>.<key>.json`: per language, the union of the
 * user's spans and of agents' spans, and each writer's typed characters per quarter hour. `key` is a hash of the names
 * of the month's day files, which are hashes of their content: an aggregate is valid exactly as long as that set of
 * day files is the same, two machines write the same bytes under the same name, and any aggregate can be deleted and
 * is rebuilt on the next read. Live journals are read as they are. The month's logged meetings are kept too (the
 * monthly hands-on share counts them as the balance does), so a year of Skills never decodes a year of day files.
 */

/** Agent spans in the aggregate carry no agent name: Skills needs only that it is agent time. */
const AGENT = 'agent';

interface MonthJson {
  v: number;
  month: string;
  t0: number;
  /** Writer ids, sorted, for `c`. */
  w: string[];
  /** Per language (`""`: recorded without one): hands-on `h` and agent `g` unions as flat offsets, typed `c` as [writer, offset, typed]. */
  l: Record<string, { h: number[]; g: number[]; c: [number, number, number][] }>;
  /** Logged meetings as flat offsets, their union (meeting time counts each minute once). */
  m: number[];
}

export interface SkillsMonth {
  spans: ActivitySpan[];
  /** Typed characters as [writer, quarter hour start, typed, language or ''], each writer's bucket once. */
  typed: TypedBucket[];
  /** The meetings the user logged. */
  meetings: Interval[];
}

export type TypedBucket = readonly [writer: string, start: number, typed: number, language: string];

const monthStartMs = (month: string): number => Date.parse(`${month}-01T00:00:00Z`);

export function encodeSkillsMonth(month: string, days: readonly DayContents[]): string {
  const t0 = monthStartMs(month);
  const hands = new Map<string, Interval[]>();
  const agents = new Map<string, Interval[]>();
  for (const day of days) {
    for (const span of day.spans) {
      const groups = span.agent === undefined ? hands : agents;
      const key = span.language ?? '';
      const group = groups.get(key);
      if (group) group.push(span);
      else groups.set(key, [span]);
    }
  }
  const typed = latestBuckets(days.flatMap((day) => day.characters)).filter((b) => b.counts.typed > 0);
  const writers = [...new Set(typed.map((b) => b.writer))].sort();
  const writerIndex = new Map(writers.map((w, i) => [w, i]));
  const languages = [...new Set([...hands.keys(), ...agents.keys(), ...typed.map((b) => b.language ?? '')])].sort();
  const flat = (intervals: Interval[] | undefined) => union(intervals ?? []).flatMap((i) => [i.start - t0, i.end - t0]);
  const l: MonthJson['l'] = {};
  for (const language of languages) {
    l[language] = {
      h: flat(hands.get(language)),
      g: flat(agents.get(language)),
      c: typed.filter((b) => (b.language ?? '') === language).map((b) => [writerIndex.get(b.writer)!, b.start - t0, b.counts.typed]),
    };
  }
  const m = flat(days.flatMap((day) => day.meetings.map(({ start, end }) => ({ start, end }))));
  const json: MonthJson = { v: JOURNAL_SCHEMA_VERSION, month, t0, w: writers, l, m };
  return JSON.stringify(json);
}

export function decodeSkillsMonth(text: string): SkillsMonth | undefined {
  try {
    const raw = JSON.parse(text) as MonthJson;
    // An aggregate without `m` predates logged meetings in it: rebuilt like any stale one.
    if (raw.v !== JOURNAL_SCHEMA_VERSION || typeof raw.t0 !== 'number' || !Array.isArray(raw.w) || typeof raw.l !== 'object' || raw.l === null || !Array.isArray(raw.m)) return undefined;
    const t0 = raw.t0;
    const spans: ActivitySpan[] = [];
    const typed: TypedBucket[] = [];
    for (const [language, entry] of Object.entries(raw.l)) {
      const { h, g, c } = entry;
      if (!Array.isArray(h) || !Array.isArray(g) || !Array.isArray(c)) return undefined;
      // Built without spreads: five years are tens of thousands of spans.
      for (let i = 0; i + 1 < h.length; i += 2) spans.push(language === '' ? { start: t0 + h[i]!, end: t0 + h[i + 1]! } : { start: t0 + h[i]!, end: t0 + h[i + 1]!, language });
      for (let i = 0; i + 1 < g.length; i += 2) {
        spans.push(language === '' ? { start: t0 + g[i]!, end: t0 + g[i + 1]!, agent: AGENT } : { start: t0 + g[i]!, end: t0 + g[i + 1]!, language, agent: AGENT });
      }
      for (const [w, s, y] of c) {
        const writer = raw.w[w];
        if (typeof writer !== 'string' || typeof s !== 'number' || typeof y !== 'number') return undefined;
        typed.push([writer, t0 + s, y, language]);
      }
    }
    const meetings: Interval[] = [];
    for (let i = 0; i + 1 < raw.m.length; i += 2) meetings.push({ start: t0 + raw.m[i]!, end: t0 + raw.m[i + 1]! });
    return { spans, typed, meetings };
  } catch {
    return undefined;
  }
}

export function skillsFolder(root: string): string {
  return path.join(path.dirname(journalPaths(root).days), 'skills');
}

const MONTH_FILE = /^(\d{4}-\d{2})\.([0-9a-f]{16})\.json$/;

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The month's aggregate, from its file when the day files are the same, else built from them and written (best effort). */
async function readMonth(root: string, month: string, dayNames: readonly string[], existing: readonly string[], unreadable: UnreadableFile[]): Promise<SkillsMonth & { corrupt: number }> {
  const key = createHash('sha256').update(dayNames.join('\n')).digest('hex').slice(0, 16);
  const name = `${month}.${key}.json`;
  const folder = skillsFolder(root);
  if (existing.includes(name)) {
    try {
      const decoded = decodeSkillsMonth(await fs.promises.readFile(path.join(folder, name), 'utf8'));
      if (decoded) return { ...decoded, corrupt: 0 };
    } catch {
      // Derived data: rebuild it.
    }
  }
  const days: DayContents[] = [];
  let corrupt = 0;
  const daysDir = journalPaths(root).days;
  await Promise.all(
    dayNames.map(async (dayName) => {
      let text: string;
      try {
        text = await fs.promises.readFile(path.join(daysDir, dayName), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ChangedWhileReading();
        unreadable.push({ path: path.join(daysDir, dayName), reason: code ?? 'unknown error' });
        return;
      }
      const day = text === '' ? undefined : decodeDay(text);
      if (day) days.push(day);
      else if (text !== '') corrupt++;
    }),
  );
  const text = encodeSkillsMonth(month, days);
  const result = decodeSkillsMonth(text)!;
  // Only a complete month is worth keeping: with a file unreadable or corrupt, the next read tries again.
  if (corrupt === 0 && unreadable.length === 0) {
    try {
      fs.mkdirSync(folder, { recursive: true });
      const temporary = path.join(folder, `.${name}.${process.pid}.tmp`);
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, path.join(folder, name));
      for (const old of existing) if (old.startsWith(`${month}.`) && old !== name) fs.rmSync(path.join(folder, old), { force: true });
    } catch {
      // A read-only or full folder: Skills still works, only slower.
    }
  }
  return { ...result, corrupt };
}

class ChangedWhileReading extends Error {}

export interface SkillsStore {
  spans: ActivitySpan[];
  /** Typed characters of compacted months, each writer's bucket once. */
  typed: TypedBucket[];
  /** Character counts of live journals; a writer's bucket may appear more than once, and also in `typed`. */
  characters: WriterBucket[];
  /** Logged meetings overlapping the range (a meeting may appear twice: they are united where counted). */
  meetings: Interval[];
  corruptLines: number;
  unreadableFiles: UnreadableFile[];
}

async function readOnce(root: string, range: Interval): Promise<SkillsStore> {
  const paths = journalPaths(root);
  const store: SkillsStore = { spans: [], typed: [], characters: [], meetings: [], corruptLines: 0, unreadableFiles: [] };
  const overlaps = (i: Interval) => i.end > range.start && i.start < range.end;
  const byMonth = new Map<string, string[]>();
  for (const name of list(paths.days)) {
    const parsed = parseDayFileName(name);
    if (!parsed) continue;
    const start = utcDayStart(parsed.utcDate);
    if (start + DAY_MS <= range.start || start >= range.end) continue;
    const month = parsed.utcDate.slice(0, 7);
    const names = byMonth.get(month);
    if (names) names.push(name);
    else byMonth.set(month, [name]);
  }
  const existing = list(skillsFolder(root)).filter((name) => MONTH_FILE.test(name));
  const months = await Promise.all([...byMonth].map(([month, names]) => readMonth(root, month, names, existing, store.unreadableFiles)));
  for (const month of months) {
    store.corruptLines += month.corrupt;
    for (const span of month.spans) if (overlaps(span)) store.spans.push(span);
    for (const meeting of month.meetings) if (overlaps(meeting)) store.meetings.push(meeting);
    for (const bucket of month.typed) if (bucket[1] + CHARACTER_BUCKET_MS > range.start && bucket[1] < range.end) store.typed.push(bucket);
  }
  const journals = list(paths.live).flatMap((name) => {
    const parsed = parseJournalFileName(name);
    return parsed && utcDayStart(parsed.utcDate) + DAY_MS > range.start ? [{ name, writer: parsed.writerId }] : [];
  });
  const texts = await Promise.all(
    journals.map(async ({ name }) => {
      try {
        return await fs.promises.readFile(path.join(paths.live, name), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ChangedWhileReading();
        store.unreadableFiles.push({ path: path.join(paths.live, name), reason: code ?? 'unknown error' });
        return '';
      }
    }),
  );
  journals.forEach(({ writer }, i) => {
    const { records, corruptLines } = parseJournalText(texts[i]!);
    store.corruptLines += corruptLines;
    for (const record of records) {
      if (record.kind === 'activity') {
        if (overlaps(record.span)) store.spans.push(record.span);
      } else if (record.kind === 'characters') {
        const bucket = record.bucket;
        if (bucket.start + CHARACTER_BUCKET_MS > range.start && bucket.start < range.end) store.characters.push({ ...bucket, writer: record.id ?? writer });
      } else if (overlaps(record.meeting)) {
        store.meetings.push({ start: record.meeting.start, end: record.meeting.end });
      }
    }
  });
  return store;
}

/**
 * The spans and character counts Skills needs over `range`: compacted months from their aggregates, live journals
 * as they are. Retries when a compaction moves records from journals into a day file while it reads; undefined
 * when that kept happening.
 */
/**
 * Typed characters per language over the store (its months and its journals already clipped to the range), each
 * writer's quarter hour once: a live bucket that a compacted month also holds (a quarter hour flushed after UTC
 * midnight) counts with the larger of the two. One total per language, as a bucket at `at`.
 */
export function typedByLanguage(store: Pick<SkillsStore, 'typed' | 'characters'>, at: number): WriterBucket[] {
  const live = new Map<string, WriterBucket>();
  let firstLive = Number.POSITIVE_INFINITY;
  for (const bucket of latestBuckets(store.characters)) {
    if (bucket.counts.typed === 0) continue;
    live.set(`${bucket.writer}/${bucket.start}/${bucket.language ?? ''}`, bucket);
    firstLive = Math.min(firstLive, bucket.start);
  }
  const totals = new Map<string, number>();
  const add = (language: string, typed: number) => totals.set(language, (totals.get(language) ?? 0) + typed);
  for (const [writer, start, typed, language] of store.typed) {
    let count = typed;
    if (start >= firstLive) {
      const key = `${writer}/${start}/${language}`;
      const again = live.get(key);
      if (again) {
        count = Math.max(count, again.counts.typed);
        live.delete(key);
      }
    }
    add(language, count);
  }
  for (const bucket of live.values()) add(bucket.language ?? '', bucket.counts.typed);
  return [...totals].map(([language, typed]) => ({ writer: 'skills', start: at, counts: { typed, pasted: 0, aiCompletion: 0, agent: 0 }, ...(language !== '' && { language }) }));
}

export async function readSkillsStore(root: string, range: Interval): Promise<SkillsStore | undefined> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await readOnce(root, range);
    } catch (error) {
      if (!(error instanceof ChangedWhileReading)) throw error;
    }
  }
  // Compactions kept moving files: the caller reads the journal the ordinary way.
  return undefined;
}
