import type { Interval } from '../time/interval';
import type { Occurrence } from './types';

export const MANUAL_SOURCE = 'Logged by you';

/** Meetings the user logged by hand count like calendar meetings; they have no attendees to check. */
export function manualOccurrences(meetings: readonly (Interval & { note?: string })[]): Occurrence[] {
  return meetings.map((meeting) => ({
    start: meeting.start,
    end: meeting.end,
    title: meeting.note || 'Logged meeting',
    uid: `manual-${meeting.start}-${meeting.end}`,
    allDay: false,
    counted: true,
    reason: 'counted',
    source: MANUAL_SOURCE,
  }));
}
