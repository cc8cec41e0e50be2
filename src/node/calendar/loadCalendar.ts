import { mergeCalendars } from '../../core/calendar/mergeCalendars';
import type { CalendarVerdicts } from '../../core/calendar/types';
import type { ReadOptions } from '../../core/calendar/readCalendar';
import { readCalendar } from '../../core/calendar/readCalendar';
import { loadSourceTexts, type CalendarSource } from './calendarSource';
import type { FetchOptions } from './fetchFeed';
import type { CalendarText } from './fileSource';
import { CalendarParseError } from './parseError';

/** Every part's warnings, each named by its part when there are several. */
export function partWarnings(parts: readonly { name: string; verdicts: CalendarVerdicts }[]): string[] {
  return parts.flatMap(({ name, verdicts }) => verdicts.warnings.map((w) => (parts.length > 1 ? `${name}: ${w}` : w)));
}

/** Merges the verdicts of several calendar texts (a folder, say): warnings name their file when there are several. */
export function mergeVerdicts(parts: readonly { name: string; verdicts: CalendarVerdicts }[]): CalendarVerdicts {
  return { ...mergeCalendars(parts.map((part) => part.verdicts)), warnings: partWarnings(parts) };
}

/** Parses several texts for one window and merges their occurrences, days off and warnings. */
export function readCalendars(texts: readonly CalendarText[], options: Omit<ReadOptions, 'source'>): CalendarVerdicts {
  return mergeVerdicts(texts.map(({ name, text }) => ({ name, verdicts: readCalendar(text, { ...options, source: name }) })));
}

export type ParseTexts = (texts: readonly CalendarText[], options: Omit<ReadOptions, 'source'>) => CalendarVerdicts | Promise<CalendarVerdicts>;

/**
 * A calendar source → judged occurrences in the window: what `hands-on meetings` and `report` use. `parse` is
 * in-process by default; the CLI passes the bounded worker. A parse failure names the calendar it happened to.
 */
export async function loadCalendar(source: CalendarSource, options: Omit<ReadOptions, 'source'>, fetchOptions: FetchOptions = {}, parse: ParseTexts = readCalendars): Promise<CalendarVerdicts> {
  const texts = await loadSourceTexts(source, fetchOptions);
  try {
    return await parse(texts, options);
  } catch (error) {
    if (error instanceof CalendarParseError) throw new CalendarParseError(error.kind, `${source.label} ${error.message}`);
    throw error;
  }
}
