import type { CalendarVerdicts, ExpandedCalendar, MeetingRules, Occurrence } from './types';
import type { Interval } from '../time/interval';
import { union } from '../time/interval';
import { addLocalDays, localDateOf, minutesPerLocalDay, type DayTotal, type LocalDate } from '../time/localDays';
import { classify, isDayOff, prepareRules } from './meetingRules';

/**
 * Applies the meeting rules to expanded occurrences and collects the days off in the user's zone. Days off are
 * clipped to `window`: an all-day event that runs for centuries costs the days asked for, not millions.
 */
export function judgeCalendar(calendar: ExpandedCalendar, rules: MeetingRules, zone: string, window: Interval, source?: string): CalendarVerdicts {
  const occurrences: Occurrence[] = [];
  const daysOff = new Set<LocalDate>();
  const prepared = prepareRules(rules);
  for (const raw of calendar.occurrences) {
    const reason = classify(raw, prepared, calendar);
    occurrences.push({
      start: raw.start,
      end: raw.end,
      title: raw.facts.title,
      uid: raw.uid,
      allDay: raw.allDay,
      counted: reason === 'counted',
      reason,
      ...(source === undefined ? {} : { source }),
    });
    if (isDayOff(raw, prepared, calendar.calendarName)) {
      const last = localDateOf(Math.min(raw.end, window.end) - 1, zone);
      for (let day = localDateOf(Math.max(raw.start, window.start), zone); day <= last; day = addLocalDays(day, 1)) daysOff.add(day);
    }
  }
  return { occurrences, daysOff: [...daysOff].sort(), warnings: [...calendar.warnings] };
}

/** Meeting time: the union of counted occurrences, so overlapping meetings count once. */
export function meetingIntervals(occurrences: readonly Occurrence[]): Interval[] {
  return union(occurrences.filter((o) => o.counted).map((o) => ({ start: o.start, end: o.end })));
}

/** A break: busy, not a meeting, and free time neither (a break keyword, or a timed out-of-office event). */
export function isBreak(occurrence: Occurrence): boolean {
  return !occurrence.allDay && (occurrence.reason === 'break' || occurrence.reason === 'out-of-office');
}

/** Break time: the union of breaks, which focus blocks go around. */
export function breakIntervals(occurrences: readonly Occurrence[]): Interval[] {
  return union(occurrences.filter(isBreak).map((o) => ({ start: o.start, end: o.end })));
}

/** Meeting minutes per local day, `from` and `to` inclusive. */
export function meetingMinutesPerDay(occurrences: readonly Occurrence[], from: LocalDate, to: LocalDate, zone: string): DayTotal[] {
  return minutesPerLocalDay(meetingIntervals(occurrences), from, to, zone);
}
