import type { WorkHours } from './settings';

const HH_MM = /^(\d{1,2}):(\d{2})$/;

/** Minutes after local midnight of an `H:mm`/`HH:mm` time; `24:00` only when `allowEndOfDay`. Undefined when malformed. */
export function parseClockTime(text: string, allowEndOfDay: boolean): number | undefined {
  const match = HH_MM.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0 && allowEndOfDay) return 24 * 60;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}

export function formatClockTime(minutesAfterMidnight: number): string {
  const h = Math.floor(minutesAfterMidnight / 60);
  const m = minutesAfterMidnight % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Start and end of the working day in minutes after local midnight (`end` up to 1440). Assumes validated settings. */
export function workHoursMinutes(hours: WorkHours): { start: number; end: number } {
  return { start: parseClockTime(hours.start, false) ?? 9 * 60, end: parseClockTime(hours.end, true) ?? 18 * 60 };
}
