import { DAY_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import { addLocalDays, localDateOf, localDayInterval, startOfLocalDate, type LocalDate } from '../time/localDays';
import type { PeriodKind, WeekStart } from '../settings/settings';
import { DASHBOARD_RANGES, type DashboardRange } from './dashboardRanges';
import { dayOfWeek, weekStartIndex } from './weekdays';

/** The first local date of the week that contains `date`. */
export function weekStartDate(date: LocalDate, weekStartsOn: WeekStart): LocalDate {
  const offset = (dayOfWeek(date) - weekStartIndex(weekStartsOn) + 7) % 7;
  return addLocalDays(date, -offset);
}

/** The local week containing `epochMs`: from local midnight of its first day to local midnight seven dates later (DST-safe: 167–169 h). */
export function weekRange(epochMs: number, zone: string, weekStartsOn: WeekStart): Interval {
  const first = weekStartDate(localDateOf(epochMs, zone), weekStartsOn);
  return { start: startOfLocalDate(first, zone), end: startOfLocalDate(addLocalDays(first, 7), zone) };
}

/**
 * The period the balance is computed over. `day` and `week` are whole local calendar spans (they end in the
 * future; the balance clips counted time to now); `rolling7` is the last 7 × 24 h ending at `now`.
 */
export function periodRange(kind: PeriodKind, now: number, zone: string, weekStartsOn: WeekStart): Interval {
  switch (kind) {
    case 'day':
      return localDayInterval(localDateOf(now, zone), zone);
    case 'week':
      return weekRange(now, zone, weekStartsOn);
    case 'rolling7':
      return { start: now - 7 * DAY_MS, end: now };
  }
}

/** The period just before `period`, of the same kind (the previous local day/week, or the 7 × 24 h before). */
export function previousPeriodRange(kind: PeriodKind, period: Interval, zone: string, weekStartsOn: WeekStart): Interval {
  switch (kind) {
    case 'day':
      return localDayInterval(addLocalDays(localDateOf(period.start, zone), -1), zone);
    case 'week':
      return weekRange(period.start - 1, zone, weekStartsOn);
    case 'rolling7':
      return { start: period.start - 7 * DAY_MS, end: period.start };
  }
}

/** `weeks` whole local weeks ending with the week `endOffset` weeks before the current one (0 = the current week). */
export function weeksRange(now: number, zone: string, weekStartsOn: WeekStart, weeks: number, endOffset = 0): Interval {
  const current = weekStartDate(localDateOf(now, zone), weekStartsOn);
  const lastFirst = addLocalDays(current, -7 * endOffset);
  return { start: startOfLocalDate(addLocalDays(lastFirst, -7 * (weeks - 1)), zone), end: startOfLocalDate(addLocalDays(lastFirst, 7), zone) };
}

/** The span a dashboard range shows, in whole local weeks (see `DASHBOARD_RANGES`). */
export function dashboardRange(range: DashboardRange, now: number, zone: string, weekStartsOn: WeekStart): Interval {
  const shape = DASHBOARD_RANGES[range];
  return weeksRange(now, zone, weekStartsOn, shape.weeks, shape.endOffset);
}

/** The span just before a dashboard range, of the same length in whole weeks: what its headline compares with. */
export function previousDashboardRange(range: DashboardRange, now: number, zone: string, weekStartsOn: WeekStart): Interval {
  const shape = DASHBOARD_RANGES[range];
  return weeksRange(now, zone, weekStartsOn, shape.weeks, shape.endOffset + shape.weeks);
}
