import type { ActivitySpan } from '../activity/activitySpan';

/** Bumped when a record's meaning changes; readers skip (and count) records of versions they do not know. */
export const JOURNAL_SCHEMA_VERSION = 1;

/** A meeting the user logged by hand ("Log a Meeting", "I'm in a meeting now"): [start, end) in epoch ms. */
export interface ManualMeeting {
  readonly start: number;
  readonly end: number;
  readonly note?: string;
}

export type JournalRecord = { readonly kind: 'activity'; readonly span: ActivitySpan } | { readonly kind: 'meeting'; readonly meeting: ManualMeeting };

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

/** One journal line, without the newline. Short keys: a year of history has hundreds of thousands of them. */
export function encodeActivityLine(span: ActivitySpan): string {
  const record: Record<string, unknown> = { v: JOURNAL_SCHEMA_VERSION, k: 'a', s: span.start, e: span.end };
  if (span.workspace !== undefined) record.w = span.workspace;
  if (span.language !== undefined) record.l = span.language;
  return JSON.stringify(record);
}

export function encodeMeetingLine(meeting: ManualMeeting): string {
  const record: Record<string, unknown> = { v: JOURNAL_SCHEMA_VERSION, k: 'm', s: meeting.start, e: meeting.end };
  if (meeting.note !== undefined) record.n = meeting.note;
  return JSON.stringify(record);
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

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
  if (r.k === 'a') {
    if (!optionalString(r.w) || !optionalString(r.l)) return undefined;
    const span: { start: number; end: number; workspace?: string; language?: string } = { start, end };
    if (r.w !== undefined) span.workspace = r.w;
    if (r.l !== undefined) span.language = r.l;
    return { kind: 'activity', span };
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
