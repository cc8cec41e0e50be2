import type { Component, Duration, Period, Time } from './icalTypes';
import type { ZoneResolver } from './zoneResolver';
import { DAY_MS } from '../time/clock';
import { checkInstant, EventProblem, readProperty } from './eventProblem';

export interface EventTiming {
  allDay: boolean;
  /** DTSTART as written, and its TZID parameter. */
  startTime: Time;
  tzid: string | undefined;
  start: number;
  end: number;
  /** All-day events last whole local days; timed ones an exact number of ms. */
  days: number;
  durationMs: number;
}

export function tzidOf(component: Component, name: string): string | undefined {
  const value = component.getFirstProperty(name)?.getParameter('tzid');
  const tzid = Array.isArray(value) ? value[0] : value;
  return typeof tzid === 'string' && tzid ? tzid : undefined;
}

export function ymd(time: { year: number; month: number; day: number }): number {
  return time.year * 10_000 + time.month * 100 + time.day;
}

export function daysBetween(a: Time, b: Time): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** The instant a value denotes: DATE values are local midnights of the user, DATE-TIMEs resolve their zone. */
export function instantOf(time: Time, tzid: string | undefined, zones: ZoneResolver): number {
  return time.isDate ? zones.dateToEpoch(time) : zones.toEpoch(time, tzid);
}

export function addDays(time: Time, days: number): Time {
  const moved = time.clone();
  moved.day += days;
  moved.isDate = time.isDate;
  // Time normalizes lazily; adjust() forces day overflow into month/year.
  moved.adjust(0, 0, 0, 0);
  return moved;
}

/** Longer than this, a timed event or a repeating all-day one is an error in the feed, not a plan. */
const LONGEST_SPAN_MS = 366 * DAY_MS;

/**
 * Start and end of one VEVENT. DTEND wins over DURATION when both are present (Thunderbird writes
 * `DURATION:PT0S` next to a real DTEND); with neither, an all-day event lasts one day and a timed one no time.
 * A value that cannot be read, an end past the year 2200, or a span over a year (for a timed or repeating event)
 * throws an EventProblem naming the property:
 * the bound is checked before any date arithmetic, whose cost grows with the span.
 */
export function readTiming(component: Component, zones: ZoneResolver): EventTiming {
  const startTime = readProperty('DTSTART', () => component.getFirstPropertyValue('dtstart') as Time | null);
  if (!startTime || typeof startTime !== 'object' || typeof startTime.year !== 'number') throw new EventProblem('DTSTART', 'is missing');
  const tzid = tzidOf(component, 'dtstart');
  const allDay = startTime.isDate;
  const start = checkInstant(readProperty('DTSTART', () => instantOf(startTime, tzid, zones)), 'DTSTART');
  const endTime = readProperty('DTEND', () => component.getFirstPropertyValue('dtend') as Time | null);
  const duration = readProperty('DURATION', () => component.getFirstPropertyValue('duration') as Duration | null);
  const hasEnd = endTime !== null && typeof endTime === 'object';
  const hasDuration = duration !== null && typeof duration === 'object';
  const endProperty = hasEnd ? 'DTEND' : 'DURATION';
  if (allDay) {
    let days = 1;
    if (hasEnd) days = readProperty('DTEND', () => daysBetween(startTime, endTime));
    else if (hasDuration) days = readProperty('DURATION', () => Math.floor(duration.toSeconds() / 86_400));
    days = Math.max(1, days);
    checkInstant(start + days * DAY_MS, endProperty);
    // A long leave is one event; repeated, every instance since DTSTART would cover the window.
    if (days * DAY_MS > LONGEST_SPAN_MS && (component.hasProperty('rrule') || component.hasProperty('rdate'))) throw new EventProblem(endProperty, 'makes a repeating event last more than a year');
    return { allDay, startTime, tzid, start, end: zones.dateToEpoch(addDays(startTime, days)), days, durationMs: 0 };
  }
  let end = start;
  if (hasEnd) end = readProperty('DTEND', () => instantOf(endTime, tzidOf(component, 'dtend'), zones));
  else if (hasDuration) end = start + readProperty('DURATION', () => duration.toSeconds()) * 1000;
  end = Math.max(start, checkInstant(end, endProperty));
  if (end - start > LONGEST_SPAN_MS) throw new EventProblem(endProperty, 'makes a timed event last more than a year');
  return { allDay, startTime, tzid, start, end, days: 0, durationMs: end - start };
}

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'object' && value !== null && 'start' in value && typeof (value as Period).start === 'object';
}
