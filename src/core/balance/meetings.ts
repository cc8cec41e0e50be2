import { union, type Interval } from '../time/interval';

/** The first counted meeting that starts after `now`, if any. */
export function nextMeeting(meetings: readonly Interval[], now: number): Interval | undefined {
  let best: Interval | undefined;
  for (const meeting of meetings) {
    if (meeting.start > now && meeting.end > meeting.start && (!best || meeting.start < best.start)) best = meeting;
  }
  return best;
}

/** The counted meeting time going on at `now` (back-to-back and overlapping meetings merged), if any. */
export function meetingAt(meetings: readonly Interval[], now: number): Interval | undefined {
  return union(meetings).find((m) => m.start <= now && now < m.end);
}

export function isInMeeting(meetings: readonly Interval[], now: number): boolean {
  return meetingAt(meetings, now) !== undefined;
}
