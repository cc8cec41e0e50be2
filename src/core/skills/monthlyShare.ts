import { handsOnShare } from '../balance/computeBalance';
import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, union, type Interval } from '../time/interval';

/** One calendar month of the Skills period: the user's own coding against meetings, as the balance weighs them. */
export interface MonthShare {
  /** `YYYY-MM` in the zone. */
  readonly month: string;
  readonly handsOnMinutes: number;
  /** Counted meeting time of the month that has happened by `now`, each minute once. */
  readonly meetingMinutes: number;
  /** handsOn / (handsOn + meetings) × 100, as the balance's hands-on share; null when both are zero. */
  readonly handsOnShare: number | null;
}

/**
 * The hands-on share of each month, with the balance's rule (computeBalance): hands-on time and counted meetings
 * clipped to the month and to the past, overlapping meetings once, a minute coded in a meeting in both figures.
 * `hands` is the union of the user's own spans; `meetings` are meetingIntervals of the calendars and the logged meetings.
 */
export function monthlyShare(hands: readonly Interval[], meetings: readonly Interval[], months: readonly { month: string; interval: Interval }[], now: number): MonthShare[] {
  const meetingTime = union(meetings);
  return months.map(({ month, interval }) => {
    const counted = { start: interval.start, end: Math.max(interval.start, Math.min(interval.end, now)) };
    const handsMs = durationMs(clip(hands, counted));
    const meetingMs = durationMs(clip(meetingTime, counted));
    return { month, handsOnMinutes: handsMs / MINUTE_MS, meetingMinutes: meetingMs / MINUTE_MS, handsOnShare: handsOnShare(handsMs, meetingMs) ?? null };
  });
}
