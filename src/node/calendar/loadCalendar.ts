import { isFeedUrl } from '../../core/calendar/feedUrl';
import { mergeCalendars } from '../../core/calendar/mergeCalendars';
import { promises as fs } from 'node:fs';
import type { CalendarVerdicts } from '../../core/calendar/types';
import type { ReadOptions } from '../../core/calendar/readCalendar';
import { readCalendar } from '../../core/calendar/readCalendar';
import { fetchFeed, type FetchOptions } from './fetchFeed';
import { readCalendarFile, readCalendarFolder, type CalendarText } from './fileSource';
import { redactUrl } from './redact';
import { CalendarParseError } from './parseError';

export type SourceKind = 'url' | 'file' | 'folder';

/**
 * The texts behind FILE | FOLDER | URL, each with a label that never contains a secret. Given the validators of
 * the last good feed response, a feed that did not change answers 304 and this returns `'unchanged'`.
 */
export async function refreshCalendarTexts(spec: string, fetchOptions: FetchOptions = {}): Promise<CalendarText[] | 'unchanged'> {
  if (isFeedUrl(spec)) {
    const result = await fetchFeed(spec, fetchOptions);
    if (result.status === 'not-modified') return 'unchanged';
    return [{ name: redactUrl(spec), text: result.text, etag: result.etag, lastModified: result.lastModified }];
  }
  let isFolder = false;
  try {
    isFolder = (await fs.stat(spec)).isDirectory();
  } catch {
    throw new Error(`no such file or folder: ${spec}`);
  }
  return isFolder ? readCalendarFolder(spec) : [await readCalendarFile(spec)];
}

/** The texts behind FILE | FOLDER | URL, read unconditionally. */
export async function loadCalendarTexts(spec: string, fetchOptions: FetchOptions = {}): Promise<CalendarText[]> {
  const texts = await refreshCalendarTexts(spec, { ...fetchOptions, etag: undefined, lastModified: undefined });
  if (texts === 'unchanged') throw new Error(`${redactUrl(spec)}: the server answered "not modified" to an unconditional request`);
  return texts;
}

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
 * FILE | FOLDER | URL → judged occurrences in the window: what `hands-on meetings` and `report` use. `parse` is
 * in-process by default; the CLI passes the bounded worker. A parse failure names the calendar it happened to.
 */
export async function loadCalendar(spec: string, options: Omit<ReadOptions, 'source'>, fetchOptions: FetchOptions = {}, parse: ParseTexts = readCalendars): Promise<CalendarVerdicts> {
  const texts = await loadCalendarTexts(spec, fetchOptions);
  try {
    return await parse(texts, options);
  } catch (error) {
    if (error instanceof CalendarParseError) throw new CalendarParseError(error.kind, `${redactUrl(spec)} ${error.message}`);
    throw error;
  }
}
