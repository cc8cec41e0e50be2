// Small pieces several dashboard tabs (and the header) build their figures from.
import type { Reason } from '../calendar/types';
import { formatDuration } from '../report/formatDuration';
import { formatInZone, isoInZone, spanLabel } from '../report/zoned';
import { MINUTE_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import type { TimeSpanModel } from './model';

const REASONS: Record<Reason, string> = {
  counted: 'Counted',
  declined: 'Not counted: you declined it',
  cancelled: 'Not counted: cancelled',
  free: 'Not counted: shown as free',
  'out-of-office': 'Not counted: out of office',
  'all-day': 'Not counted: all-day event',
  'too-long': 'Not counted: 24 hours or longer, a block of time rather than a meeting',
  'no-other-attendees': 'Not counted: nobody else is invited',
  'excluded-keyword': 'Not counted: the title matches handsOn.calendar.excludeKeywords',
  break: 'Not counted, not free: a break (handsOn.calendar.breakKeywords)',
};

/** Why a calendar event counts or not, in the words the Today timeline and the Meetings tab show. */
export function reasonText(reason: Reason, upcoming: boolean): string {
  if (reason === 'counted' && upcoming) return 'Counted once it has happened';
  return REASONS[reason];
}

export function timeSpan(span: Interval, zone: string): TimeSpanModel {
  return {
    start: span.start,
    end: span.end,
    startIso: isoInZone(span.start, zone),
    endIso: isoInZone(span.end, zone),
    label: spanLabel(span, zone),
    durationText: formatDuration((span.end - span.start) / MINUTE_MS),
  };
}

/** `Mon 23 Mar 2026 – Sun 29 Mar 2026`. */
export function rangeLabel(interval: Interval, zone: string): string {
  const first = formatInZone(interval.start, zone, 'EEE d MMM yyyy');
  const last = formatInZone(interval.end - 1, zone, 'EEE d MMM yyyy');
  return `${first} – ${last}`;
}

/** JSON has no undefined: a figure that does not exist is null in the view-model. */
export const nullable = (value: number | undefined): number | null => (value === undefined ? null : value);
