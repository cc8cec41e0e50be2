import { createHash } from 'node:crypto';
import { DEFAULT_SOURCE, type ActivitySpan } from '../../core/activity/activitySpan';
import { latestBuckets, type WriterBucket } from '../../core/activity/characterCounts';
import { union } from '../../core/time/interval';
import { DEFAULT_AGENT, isPlausibleInterval, JOURNAL_SCHEMA_VERSION, optionalCount, optionalLanguage, optionalName, parseCounts, type ManualMeeting } from './records';

/**
 * A compacted UTC day: per context (workspace, language) the union of its spans, as flat offsets in ms from
 * the day's start, plus the day's logged meetings. Merged spans only, so a year stays well under a megabyte.
 * Agent time is an entry with `"g":1` and the agent's name in `ag` (absent: VS Code edits), the writer in `src`
 * (absent: VS Code); the character counts (`c`) keep each writer's latest counts per quarter hour, with the agent's
 * name (`ag`), lines (`ln`) and language (`l`) where the writer gave them, so merging a day again is idempotent. Files written by
 * 0.1.0 have neither and read as coding only.
 *
 *   {"v":1,"day":"2026-03-02","t0":1772409600000,"a":[{"w":"shop","l":"typescript","x":[0,60000,120000,900000]},{"g":1,"x":[…]}],
 *    "m":[{"s":…,"e":…,"n":"…"}],"c":[{"id":"host-12-ab","s":900000,"y":120,"p":400,"i":0,"g":0}]}
 *
 * The encoding is deterministic (sorted contexts, sorted spans, sorted meetings): two compactions of the same
 * records produce the same bytes and the same content-addressed file name, so concurrent renames are idempotent.
 */
export interface DayContents {
  spans: ActivitySpan[];
  meetings: ManualMeeting[];
  characters: WriterBucket[];
}

interface DayJson {
  v: number;
  day: string;
  t0: number;
  a: { w?: string; l?: string; g?: 1; ag?: string; src?: string; x: number[] }[];
  m: { s: number; e: number; n?: string }[];
  c?: { id: string; s: number; y: number; p: number; i: number; g: number; ag?: string; ln?: number; l?: string }[];
}

const contextKey = (span: ActivitySpan): string => JSON.stringify([span.workspace ?? null, span.language ?? null, span.agent ?? null, span.source ?? null]);

export function encodeDay(day: string, dayStart: number, contents: DayContents): { text: string; hash: string } {
  const byContext = new Map<string, ActivitySpan[]>();
  for (const span of contents.spans) {
    const key = contextKey(span);
    const list = byContext.get(key);
    if (list) list.push(span);
    else byContext.set(key, [span]);
  }
  const a: DayJson['a'] = [];
  for (const key of [...byContext.keys()].sort()) {
    const spans = byContext.get(key)!;
    const x: number[] = [];
    for (const merged of union(spans)) x.push(merged.start - dayStart, merged.end - dayStart);
    const entry: DayJson['a'][number] = { x };
    const sample = spans[0]!;
    if (sample.workspace !== undefined) entry.w = sample.workspace;
    if (sample.language !== undefined) entry.l = sample.language;
    if (sample.agent !== undefined) entry.g = 1;
    if (sample.agent !== undefined && sample.agent !== DEFAULT_AGENT) entry.ag = sample.agent;
    if (sample.source !== undefined && sample.source !== DEFAULT_SOURCE) entry.src = sample.source;
    a.push(entry);
  }
  const seen = new Set<string>();
  const m: DayJson['m'] = [];
  for (const meeting of contents.meetings) {
    const entry = meeting.note === undefined ? { s: meeting.start, e: meeting.end } : { s: meeting.start, e: meeting.end, n: meeting.note };
    const key = JSON.stringify(entry);
    if (!seen.has(key)) {
      seen.add(key);
      m.push(entry);
    }
  }
  m.sort((p, q) => p.s - q.s || p.e - q.e || (p.n ?? '').localeCompare(q.n ?? ''));
  const c = latestBuckets(contents.characters).map((b) => ({
    id: b.writer,
    s: b.start - dayStart,
    y: b.counts.typed,
    p: b.counts.pasted,
    i: b.counts.aiCompletion,
    g: b.counts.agent,
    ...(b.agent !== undefined && { ag: b.agent }),
    ...(b.lines !== undefined && { ln: b.lines }),
    ...(b.language !== undefined && { l: b.language }),
  }));
  const json: DayJson = { v: JOURNAL_SCHEMA_VERSION, day, t0: dayStart, a, m };
  if (c.length > 0) json.c = c;
  const text = JSON.stringify(json);
  return { text, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

/** The day's records, or undefined when the file is not a valid day file (never throws). */
export function decodeDay(text: string): DayContents | undefined {
  let raw: DayJson;
  try {
    raw = JSON.parse(text) as DayJson;
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || raw.v !== JOURNAL_SCHEMA_VERSION || typeof raw.t0 !== 'number' || !Array.isArray(raw.a) || !Array.isArray(raw.m)) {
    return undefined;
  }
  const spans: ActivitySpan[] = [];
  for (const entry of raw.a) {
    if (typeof entry !== 'object' || entry === null || !Array.isArray(entry.x)) return undefined;
    const { w, l, g, ag, src, x } = entry;
    if ((w !== undefined && typeof w !== 'string') || (l !== undefined && typeof l !== 'string') || !optionalName(ag) || !optionalName(src)) return undefined;
    const agent = g === 1 ? (ag ?? DEFAULT_AGENT) : undefined;
    // One shape per entry, built without spreads: decoding is most of reading years of history.
    const context: { workspace?: string; language?: string; agent?: string; source?: string } = {};
    if (w !== undefined) context.workspace = w;
    if (l !== undefined) context.language = l;
    if (agent !== undefined) context.agent = agent;
    if (src !== undefined) context.source = src;
    const plain = w === undefined && l === undefined && agent === undefined && src === undefined;
    for (let i = 0; i + 1 < x.length; i += 2) {
      const start = raw.t0 + (x[i] as number);
      const end = raw.t0 + (x[i + 1] as number);
      if (!isPlausibleInterval(start, end)) return undefined;
      spans.push(plain ? { start, end } : { start, end, ...context });
    }
  }
  const meetings: ManualMeeting[] = [];
  for (const entry of raw.m) {
    if (typeof entry !== 'object' || entry === null || !isPlausibleInterval(entry.s, entry.e)) return undefined;
    if (entry.n !== undefined && typeof entry.n !== 'string') return undefined;
    meetings.push(entry.n === undefined ? { start: entry.s, end: entry.e } : { start: entry.s, end: entry.e, note: entry.n });
  }
  const characters: WriterBucket[] = [];
  if (raw.c !== undefined && !Array.isArray(raw.c)) return undefined;
  for (const entry of raw.c ?? []) {
    const counts = typeof entry === 'object' && entry !== null ? parseCounts(entry as unknown as Record<string, unknown>) : undefined;
    if (!counts || typeof entry.id !== 'string' || typeof entry.s !== 'number' || !Number.isFinite(entry.s) || !optionalName(entry.ag) || !optionalCount(entry.ln) || !optionalLanguage(entry.l)) return undefined;
    characters.push({
      writer: entry.id,
      start: raw.t0 + entry.s,
      counts,
      ...(entry.ag !== undefined && { agent: entry.ag }),
      ...(entry.ln !== undefined && { lines: entry.ln }),
      ...(entry.l !== undefined && { language: entry.l }),
    });
  }
  return { spans, meetings, characters };
}
