import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, union, type Interval } from '../time/interval';
import { localDayIntervals, minutesPerDay, type DayTotal, type LocalDate } from '../time/localDays';
import { readStore, type UnreadableFile } from './journalReader';
import type { ManualMeeting } from './records';

export interface History {
  /** Coding time in the range: sorted, disjoint, counted once across windows and machines. */
  union: Interval[];
  /** Minutes per workspace folder name over the breakdown range (spans recorded with a name only), each its own union. */
  minutesByWorkspace: Record<string, number>;
  minutesByLanguage: Record<string, number>;
  /** Logged meetings overlapping the range, exact duplicates removed (a retried write may repeat one). */
  meetings: ManualMeeting[];
  corruptLines: number;
  /** History files that exist but could not be read (permissions, I/O errors). */
  unreadableFiles: UnreadableFile[];
}

function minutesByKey(spans: readonly { start: number; end: number }[], keys: readonly (string | undefined)[], range: Interval): Record<string, number> {
  const groups = new Map<string, Interval[]>();
  spans.forEach((span, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  });
  const result: Record<string, number> = {};
  for (const [key, group] of groups) {
    const minutes = durationMs(clip(union(group), range)) / MINUTE_MS;
    if (minutes > 0) result[key] = minutes;
  }
  return result;
}

/**
 * Everything the store holds for the range, read once: coding time, logged meetings, and coding by workspace and
 * language over `breakdownRange` (a part of `range`; the whole range by default).
 */
export function readHistory(root: string, range: Interval, breakdownRange: Interval = range): History {
  const store = readStore(root, range);
  return {
    union: clip(union(store.spans), range),
    minutesByWorkspace: minutesByKey(store.spans, store.spans.map((s) => s.workspace), breakdownRange),
    minutesByLanguage: minutesByKey(store.spans, store.spans.map((s) => s.language), breakdownRange),
    meetings: distinctMeetings(store.meetings),
    corruptLines: store.corruptLines,
    unreadableFiles: store.unreadableFiles,
  };
}

function distinctMeetings(meetings: readonly ManualMeeting[]): ManualMeeting[] {
  const seen = new Set<string>();
  const distinct: ManualMeeting[] = [];
  for (const meeting of [...meetings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${meeting.start}/${meeting.end}/${meeting.note ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(meeting);
  }
  return distinct;
}

export interface DailyActivity {
  days: DayTotal[];
  totalMinutes: number;
  corruptLines: number;
  unreadableFiles: UnreadableFile[];
}

/** Coding minutes per local day from `from` to `to` (both inclusive) in `zone`. */
export function readActivityPerLocalDay(root: string, from: LocalDate, to: LocalDate, zone: string): DailyActivity {
  const days = localDayIntervals(from, to, zone);
  if (days.length === 0) return { days: [], totalMinutes: 0, corruptLines: 0, unreadableFiles: [] };
  const range = { start: days[0]!.interval.start, end: days[days.length - 1]!.interval.end };
  const store = readStore(root, range);
  const totals = minutesPerDay(union(store.spans), days);
  return { days: totals, totalMinutes: totals.reduce((sum, day) => sum + day.minutes, 0), corruptLines: store.corruptLines, unreadableFiles: store.unreadableFiles };
}
