import { DAY_MS } from '../time/clock';
import type { Interval } from '../time/interval';

/** How far back and ahead the extension expands calendars: the dashboard's 12 weeks and the 12 before them (its comparison), and two weeks ahead. */
const PAST_MS = 25 * 7 * DAY_MS;
const FUTURE_MS = 15 * DAY_MS;

/** The window the extension keeps every calendar expanded for at `now`. */
export function keptCalendarWindow(now: number): Interval {
  return { start: now - PAST_MS, end: now + FUTURE_MS };
}
