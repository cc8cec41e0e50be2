import { DAY_MS } from '../time/clock';
import type { Interval } from '../time/interval';

/**
 * How far back and ahead the extension expands calendars: back over the Skills tab's 12 calendar months (its monthly
 * hands-on share; at most 366 days and a zone's offset), which hold the dashboard's 12 weeks and the 12 before them
 * (its comparison) too, and two weeks ahead.
 */
const PAST_MS = 53 * 7 * DAY_MS;
const FUTURE_MS = 15 * DAY_MS;

/** The window the extension keeps every calendar expanded for at `now`. */
export function keptCalendarWindow(now: number): Interval {
  return { start: now - PAST_MS, end: now + FUTURE_MS };
}
