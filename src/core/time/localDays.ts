import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { clip, durationMs, type Interval } from './interval';

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

export function localDateOf(epochMs: number, zone: string): LocalDate {
  return format(new TZDate(epochMs, zone), 'yyyy-MM-dd');
}

export function startOfLocalDay(epochMs: number, zone: string): number {
  return startOfDay(new TZDate(epochMs, zone)).getTime();
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

/** Minutes of a union of intervals that fall on each local day from `from` to `to` inclusive. */
export function minutesPerLocalDay(union: readonly Interval[], from: LocalDate, to: LocalDate, zone: string): DayTotal[] {
  return localDatesBetween(from, to).map((date) => ({
    date,
    minutes: durationMs(clip(union, localDayInterval(date, zone))) / 60_000,
  }));
}
