import { union, type Interval } from '../time/interval';

/** The first of `meetings` (counted ones: the caller filters) that starts after `now` and lasts, if any. */
export function nextMeeting<T extends Interval>(meetings: readonly T[], now: number): T | undefined {
  let best: T | undefined;
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
