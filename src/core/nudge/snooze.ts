import { addLocalDays, localDateOf, startOfLocalDate } from '../time/localDays';
import type { WeekStart } from '../settings/settings';
import { weekRange } from '../balance/periods';

/** "Snooze until tomorrow": the next local midnight (working hours then decide when the nudge may come back). */
export function snoozeEndTomorrow(now: number, zone: string): number {
  return startOfLocalDate(addLocalDays(localDateOf(now, zone), 1), zone);
}

/** "Snooze until next week": local midnight at the start of the next week, per `weekStartsOn`. */
export function snoozeEndNextWeek(now: number, zone: string, weekStartsOn: WeekStart): number {
  return weekRange(now, zone, weekStartsOn).end;
}
