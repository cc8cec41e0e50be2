import { DEFAULT_SOURCE, type ActivitySpan } from '../../core/activity/activitySpan';
import { CHARACTER_BUCKET_MS, type CharacterBucket, type CharacterCounts } from '../../core/activity/characterCounts';

/** Bumped when a record's meaning changes; readers skip (and count) records of versions they do not know. */
export const JOURNAL_SCHEMA_VERSION = 1;

/** A meeting the user logged by hand ("Log a Meeting", "I'm in a meeting now"): [start, end) in epoch ms. */
export interface ManualMeeting {
  readonly start: number;
  readonly end: number;
  readonly note?: string;
}

export type JournalRecord =
  | { readonly kind: 'activity'; readonly span: ActivitySpan }
  | { readonly kind: 'meeting'; readonly meeting: ManualMeeting }
  | { readonly kind: 'characters'; readonly bucket: CharacterBucket; readonly id?: string };

// Times outside this window are corruption, not history (2000-01-01 .. 2200-01-01).
const EARLIEST_MS = 946_684_800_000;
const LATEST_MS = 7_258_118_400_000;
export const MAX_NOTE_LENGTH = 500;
export const MAX_MEETING_MS = 24 * 60 * 60 * 1000;

export function isPlausibleInterval(start: unknown, end: unknown): start is number {
  return (
    typeof start === 'number' && typeof end === 'number' && Number.isFinite(start) && Number.isFinite(end) && start >= EARLIEST_MS && end <= LATEST_MS && end > start
  );
}

/** Agent time a record of 0.1.x (`k: "g"` without `ag`) holds: edits in VS Code. */
export const DEFAULT_AGENT = 'vscode';
/** Agent and source names are short ids; anything else in those fields is corruption. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/**
 * One journal line, without the newline. Short keys: a year of history has hundreds of thousands of them.
 * Coding is `k: "a"` (the only kind 0.1.0 wrote), agent time `k: "g"` with the agent's name in `ag` (absent: VS Code
 * edits), the writer in `src` (absent: VS Code). Readers of 0.1.x ignore `ag` and `src` and read agent time as such.
 */
export function encodeActivityLine(span: ActivitySpan): string {
  const record: Record<string, unknown> = { v: JOURNAL_SCHEMA_VERSION, k: span.agent !== undefined ? 'g' : 'a', s: span.start, e: span.end };
  if (span.workspace !== undefined) record.w = span.workspace;
  if (span.language !== undefined) record.l = span.language;
  if (span.agent !== undefined && span.agent !== DEFAULT_AGENT) record.ag = span.agent;
  if (span.source !== undefined && span.source !== DEFAULT_SOURCE) record.src = span.source;
  return JSON.stringify(record);
}

export function encodeMeetingLine(meeting: ManualMeeting): string {
  const record: Record<string, unknown> = { v: JOURNAL_SCHEMA_VERSION, k: 'm', s: meeting.start, e: meeting.end };
  if (meeting.note !== undefined) record.n = meeting.note;
  return JSON.stringify(record);
}

/**
 * A writer's character counts for a quarter hour so far: `y` typed, `p` pasted, `i` AI completion, `g` agent. A bucket
 * of one agent's characters names it in `ag` (absent: agent characters are VS Code edits) and may count the lines it
 * wrote in `ln`, and the language id of the editor they landed in `l` (absent: not known). `id` replaces the writer's id as the bucket's identity: a hook names each tool use, so the same edit
 * reported twice counts once.
 */
export function encodeCharactersLine(bucket: CharacterBucket, id?: string): string {
  const { typed, pasted, aiCompletion, agent } = bucket.counts;
  const record: Record<string, unknown> = { v: JOURNAL_SCHEMA_VERSION, k: 'c', s: bucket.start, e: bucket.start + CHARACTER_BUCKET_MS, y: typed, p: pasted, i: aiCompletion, g: agent };
  if (bucket.agent !== undefined) record.ag = bucket.agent;
  if (bucket.lines !== undefined) record.ln = bucket.lines;
  if (bucket.language !== undefined) record.l = bucket.language;
  if (id !== undefined) record.id = id;
  return JSON.stringify(record);
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The counts of a record's `y`/`p`/`i`/`g` fields, or undefined when one is not a count. */
export function parseCounts(r: Record<string, unknown>): CharacterCounts | undefined {
  return isCount(r.y) && isCount(r.p) && isCount(r.i) && isCount(r.g) ? { typed: r.y, pasted: r.p, aiCompletion: r.i, agent: r.g } : undefined;
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

export function optionalName(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && NAME.test(value));
}

/** A language id as the journal keeps it: VS Code's ids are short; anything long or with control characters is corruption. */
export function optionalLanguage(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= 100 && !/[\u0000-\u001f\u007f]/.test(value));
}

export const optionalCount = (value: unknown): value is number | undefined => value === undefined || isCount(value);

/** The record on a line, or undefined for anything else (torn, corrupt, unknown version): never throws. */
export function parseRecordLine(line: string): JournalRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== JOURNAL_SCHEMA_VERSION || !isPlausibleInterval(r.s, r.e)) return undefined;
  const start = r.s;
  const end = r.e as number;
  if (r.k === 'a' || r.k === 'g') {
    if (!optionalString(r.w) || !optionalString(r.l) || !optionalName(r.ag) || !optionalName(r.src)) return undefined;
    const span: { start: number; end: number; workspace?: string; language?: string; agent?: string; source?: string } = { start, end };
    if (r.w !== undefined) span.workspace = r.w;
    if (r.l !== undefined) span.language = r.l;
    if (r.k === 'g') span.agent = r.ag ?? DEFAULT_AGENT;
    if (r.src !== undefined) span.source = r.src;
    return { kind: 'activity', span };
  }
  if (r.k === 'c') {
    const counts = parseCounts(r);
    if (!counts || end - start !== CHARACTER_BUCKET_MS || start % CHARACTER_BUCKET_MS !== 0 || !optionalName(r.ag) || !optionalCount(r.ln) || !optionalLanguage(r.l)) return undefined;
    if (r.id !== undefined && (typeof r.id !== 'string' || !/^[A-Za-z0-9_:.-]{1,80}$/.test(r.id))) return undefined;
    const bucket: { start: number; counts: CharacterCounts; agent?: string; lines?: number; language?: string } = { start, counts };
    if (r.ag !== undefined) bucket.agent = r.ag;
    if (r.ln !== undefined) bucket.lines = r.ln;
    if (r.l !== undefined) bucket.language = r.l;
    return { kind: 'characters', bucket, ...(r.id !== undefined && { id: r.id }) };
  }
  if (r.k === 'm') {
    if (!optionalString(r.n)) return undefined;
    return { kind: 'meeting', meeting: r.n === undefined ? { start, end } : { start, end, note: r.n } };
  }
  return undefined;
}

export interface ParsedText {
  records: JournalRecord[];
  /** Non-empty lines that held no valid record. */
  corruptLines: number;
}

/** Every intact record of a journal's text; empty lines (left by recovery after a failed write) are not corrupt. */
export function parseJournalText(text: string): ParsedText {
  const records: JournalRecord[] = [];
  let corruptLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    const record = parseRecordLine(line);
    if (record) records.push(record);
    else corruptLines++;
  }
  return { records, corruptLines };
}
