import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, union, type Interval } from '../time/interval';
import { startOfLocalDate, type DayTotal, type LocalDate } from '../time/localDays';
import { readStore } from './journalReader';
import type { ManualMeeting } from './records';

export interface ActivityHistory {
  /** Coding time in the range: sorted, disjoint, counted once across windows and machines. */
  union: Interval[];
  /** Minutes per workspace folder name (spans recorded with a name only), each its own union. */
  minutesByWorkspace: Record<string, number>;
  minutesByLanguage: Record<string, number>;
  corruptLines: number;
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
  for (const [key, group] of groups) result[key] = durationMs(clip(union(group), range)) / MINUTE_MS;
  return result;
}

export function readActivity(root: string, range: Interval): ActivityHistory {
  const store = readStore(root, range);
  return {
    union: clip(union(store.spans), range),
    minutesByWorkspace: minutesByKey(store.spans, store.spans.map((s) => s.workspace), range),
    minutesByLanguage: minutesByKey(store.spans, store.spans.map((s) => s.language), range),
    corruptLines: store.corruptLines,
  };
}

/** Logged meetings overlapping the range, exact duplicates removed (a retried write may repeat one). */
export function readManualMeetings(root: string, range: Interval): { meetings: ManualMeeting[]; corruptLines: number } {
  const store = readStore(root, range);
  const seen = new Set<string>();
  const meetings: ManualMeeting[] = [];
  for (const meeting of store.meetings.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${meeting.start}/${meeting.end}/${meeting.note ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    meetings.push(meeting);
  }
  return { meetings, corruptLines: store.corruptLines };
}

/**
 * Minutes of a sorted, disjoint union on each local day, in one pass (a year of history is thousands of
 * spans and hundreds of days). Days are real local days, so DST days last 23 or 25 hours.
 */
export function minutesPerDay(sortedUnion: readonly Interval[], days: readonly { date: LocalDate; interval: Interval }[]): DayTotal[] {
  const totals: DayTotal[] = [];
  let i = 0;
  for (const { date, interval } of days) {
    while (i < sortedUnion.length && sortedUnion[i]!.end <= interval.start) i++;
    let ms = 0;
    for (let j = i; j < sortedUnion.length && sortedUnion[j]!.start < interval.end; j++) {
      const span = sortedUnion[j]!;
      ms += Math.min(span.end, interval.end) - Math.max(span.start, interval.start);
    }
    totals.push({ date, minutes: ms / MINUTE_MS });
  }
  return totals;
}

export interface DailyActivity {
  days: DayTotal[];
  totalMinutes: number;
  corruptLines: number;
}

/**
 * The local days from `from` to `to` inclusive as intervals. Each midnight is computed once and shared by the
 * two days it separates: zone conversions dominate reading a year of history.
 */
export function localDayIntervals(from: LocalDate, to: LocalDate, zone: string): { date: LocalDate; interval: Interval }[] {
  const days: { date: LocalDate; interval: Interval }[] = [];
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  let start = startOfLocalDate(from, zone);
  for (let utcMidnight = first; utcMidnight <= last; utcMidnight += 86_400_000) {
    const date = new Date(utcMidnight).toISOString().slice(0, 10);
    const end = startOfLocalDate(new Date(utcMidnight + 86_400_000).toISOString().slice(0, 10), zone);
    days.push({ date, interval: { start, end } });
    start = end;
  }
  return days;
}

/** Coding minutes per local day from `from` to `to` (both inclusive) in `zone`. */
export function readActivityPerLocalDay(root: string, from: LocalDate, to: LocalDate, zone: string): DailyActivity {
  const days = localDayIntervals(from, to, zone);
  if (days.length === 0) return { days: [], totalMinutes: 0, corruptLines: 0 };
  const range = { start: days[0]!.interval.start, end: days[days.length - 1]!.interval.end };
  const store = readStore(root, range);
  const totals = minutesPerDay(union(store.spans), days);
  return { days: totals, totalMinutes: totals.reduce((sum, day) => sum + day.minutes, 0), corruptLines: store.corruptLines };
}
