import type { LocalDate } from '../time/localDays';
import type { Weekday, WeekStart } from '../settings/settings';

/** Index like Date#getDay: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // UTC so the machine's own zone never shifts the calendar date.
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const SHORT: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG: readonly WeekStart[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function weekdayOf(date: LocalDate): Weekday {
  return SHORT[dayOfWeek(date)]!;
}

export function weekStartIndex(weekStartsOn: WeekStart): number {
  return LONG.indexOf(weekStartsOn);
}
