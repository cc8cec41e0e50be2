import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { DAY_MS, MINUTE_MS } from './clock';
import type { Interval } from './interval';

/** A calendar date in the user's zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(text: string): text is LocalDate {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Midnight at the start of `date` in `zone`, as epoch ms (DST-safe: a local day may last 23 or 25 hours). */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, zone).getTime();
}

/** The instant a wall-clock time of a local date is, in `zone`. */
export function wallClock(date: LocalDate, minutesAfterMidnight: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // TZDate resolves wall-clock times in the zone; a time skipped by DST moves forward, 24:00 rolls to the next midnight.
  return new TZDate(y, m - 1, d, Math.floor(minutesAfterMidnight / 60), minutesAfterMidnight % 60, zone).getTime();
}

export function localDateOf(epochMs: number, zone: string): LocalDate {
  return format(new TZDate(epochMs, zone), 'yyyy-MM-dd');
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
}

/** The local day as an interval [midnight, next midnight). */
export function localDayInterval(date: LocalDate, zone: string): Interval {
  return { start: startOfLocalDate(date, zone), end: startOfLocalDate(addLocalDays(date, 1), zone) };
}

/** Every date from `from` to `to`, both inclusive. */
export function localDatesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = addLocalDays(date, 1)) dates.push(date);
  return dates;
}

export interface DayTotal {
  date: LocalDate;
  minutes: number;
}

/**
 * The local days from `from` to `to` inclusive as intervals. Each midnight is computed once and shared by the
 * two days it separates: zone conversions dominate reading a year of history.
 */
export function localDayIntervals(from: LocalDate, to: LocalDate, zone: string): { date: LocalDate; interval: Interval }[] {
  const days: { date: LocalDate; interval: Interval }[] = [];
  const last = Date.parse(`${to}T00:00:00Z`);
  let start = startOfLocalDate(from, zone);
  // Dates are stepped as UTC midnights, which never meet a DST change; only the boundaries are zoned.
  for (let utcMidnight = Date.parse(`${from}T00:00:00Z`); utcMidnight <= last; utcMidnight += DAY_MS) {
    const end = startOfLocalDate(new Date(utcMidnight + DAY_MS).toISOString().slice(0, 10), zone);
    days.push({ date: new Date(utcMidnight).toISOString().slice(0, 10), interval: { start, end } });
    start = end;
  }
  return days;
}

/**
 * Minutes of a sorted, disjoint union on each day, in one pass (a year of history is thousands of spans and
 * hundreds of days). Days are real local days, so DST days last 23 or 25 hours.
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

/** Minutes of a sorted, disjoint union that fall on each local day from `from` to `to` inclusive. */
export function minutesPerLocalDay(union: readonly Interval[], from: LocalDate, to: LocalDate, zone: string): DayTotal[] {
  return minutesPerDay(union, localDayIntervals(from, to, zone));
}
