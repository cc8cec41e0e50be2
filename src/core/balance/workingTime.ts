import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, type Interval } from '../time/interval';
import { localDateOf, localDatesBetween, wallClock, type LocalDate } from '../time/localDays';
import type { Weekday, WorkHours } from '../settings/settings';
import { workHoursMinutes } from '../settings/workHours';
import { weekdayOf } from './weekdays';

export interface WorkingTimeRules {
  readonly workDays: readonly Weekday[];
  readonly workHours: WorkHours;
  /** Local dates that are not worked (all-day out-of-office, holidays), whatever the weekday. */
  readonly daysOff: readonly LocalDate[];
}

export function isWorkingDate(date: LocalDate, rules: WorkingTimeRules): boolean {
  return rules.workDays.includes(weekdayOf(date)) && !rules.daysOff.includes(date);
}

/** Working hours on a single local date, or none on days that are not worked. */
export function workingIntervalOfDate(date: LocalDate, zone: string, rules: WorkingTimeRules): Interval | undefined {
  if (!isWorkingDate(date, rules)) return undefined;
  const hours = workHoursMinutes(rules.workHours);
  const interval = { start: wallClock(date, hours.start, zone), end: wallClock(date, hours.end, zone) };
  return interval.end > interval.start ? interval : undefined;
}

/** The working time inside `range`, sorted and disjoint. */
export function workingIntervals(range: Interval, zone: string, rules: WorkingTimeRules): Interval[] {
  if (range.end <= range.start) return [];
  const result: Interval[] = [];
  for (const date of localDatesBetween(localDateOf(range.start, zone), localDateOf(range.end - 1, zone))) {
    const interval = workingIntervalOfDate(date, zone, rules);
    if (interval) result.push(...clip([interval], range));
  }
  return result;
}

export function workingMs(range: Interval, zone: string, rules: WorkingTimeRules): number {
  return durationMs(workingIntervals(range, zone, rules));
}

export function isWorkingTime(now: number, zone: string, rules: WorkingTimeRules): boolean {
  const interval = workingIntervalOfDate(localDateOf(now, zone), zone, rules);
  return interval !== undefined && now >= interval.start && now < interval.end;
}

/** Working time of a standard week (no days off), the denominator of the weekly coding pace. */
export function standardWeekWorkingMs(rules: WorkingTimeRules): number {
  const hours = workHoursMinutes(rules.workHours);
  return rules.workDays.length * Math.max(0, hours.end - hours.start) * MINUTE_MS;
}
