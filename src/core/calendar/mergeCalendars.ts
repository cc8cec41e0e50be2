import { byStartThenEnd } from '../time/interval';
import type { LocalDate } from '../time/localDays';
import type { Occurrence } from './types';

/** One calendar's judged occurrences and days off (a source, or one file of a folder). */
export interface CalendarPart {
  readonly occurrences: readonly Occurrence[];
  readonly daysOff: readonly LocalDate[];
}

/** Several calendars as one: every occurrence ordered by time, each day off once, in date order. */
export function mergeCalendars(parts: readonly CalendarPart[]): { occurrences: Occurrence[]; daysOff: LocalDate[] } {
  return {
    occurrences: parts.flatMap((part) => part.occurrences).sort(byStartThenEnd),
    daysOff: [...new Set(parts.flatMap((part) => part.daysOff))].sort(),
  };
}
