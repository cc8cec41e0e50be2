import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceKind } from '../../core/calendar/sourceKind';
import { isFeedUrl } from '../../core/calendar/feedUrl';
import { errorText } from '../../core/errorText';
import { fetchFeed, type FetchOptions } from './fetchFeed';
import { readCalendarFile, readCalendarFolder, type CalendarText } from './fileSource';
import { redactText, redactUrl } from './redact';

/**
 * A calendar: an .ics file, a folder of them, or a feed. The one place a spec becomes an id, a kind and a label,
 * is read, and has its errors told without secrets; the extension and the CLI both use it.
 */
export interface CalendarSource {
  /** Stable id for the cache; for a feed a random id, so the URL is not derivable from file names. */
  id: string;
  kind: SourceKind;
  /** A path or, for a feed, the secret URL: never shown, logged or stored in settings. */
  spec: string;
  /** Safe to show: a file name, a folder name ending in `/`, or a feed's host. */
  label: string;
}

const FEED_ID = 'feed:';
const PATH_ID = 'path:';

/** A feed saved under `id` (see FeedStore). */
export function feedSource(feed: { id: string; url: string }): CalendarSource {
  return { id: `${FEED_ID}${feed.id}`, kind: 'url', spec: feed.url, label: redactUrl(feed.url) };
}

/** A file or folder, told apart by what is on disk now; a missing path is a file (reading it says it is missing). */
export function pathSource(path: string): CalendarSource {
  const folder = isFolder(path);
  const trimmed = path.replace(/[\\/]+$/, '');
  const name = basename(trimmed) || trimmed || path;
  return { id: `${PATH_ID}${path}`, kind: folder ? 'folder' : 'file', spec: path, label: folder ? `${name}/` : name };
}

/** FILE | FOLDER | URL, as the command line takes it; a URL given there is not a saved feed and has no saved id. */
export function calendarSource(spec: string): CalendarSource {
  return isFeedUrl(spec) ? feedSource({ id: 'unsaved', url: spec }) : pathSource(spec);
}

/** The FeedStore id of a saved feed's source; undefined for a file or folder. */
export function savedFeedId(source: CalendarSource): string | undefined {
  return source.kind === 'url' && source.id.startsWith(FEED_ID) ? source.id.slice(FEED_ID.length) : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What a failure to read or parse a calendar says, for a message or a log line: never a feed's secret address. */
export function sourceErrorText(error: unknown): string {
  return redactText(errorText(error));
}

/**
 * The texts behind a source, each with a label that never contains a secret. Given the validators of the last
 * good feed response, a feed that did not change answers 304 and this returns `'unchanged'`.
 */
export async function refreshSourceTexts(source: CalendarSource, fetchOptions: FetchOptions = {}): Promise<CalendarText[] | 'unchanged'> {
  switch (source.kind) {
    case 'url': {
      const result = await fetchFeed(source.spec, fetchOptions);
      if (result.status === 'not-modified') return 'unchanged';
      return [{ name: source.label, text: result.text, etag: result.etag, lastModified: result.lastModified }];
    }
    case 'folder':
      return readCalendarFolder(source.spec);
    case 'file':
      return [await readCalendarFile(source.spec)];
  }
}

/** The texts behind a source, read unconditionally. */
export async function loadSourceTexts(source: CalendarSource, fetchOptions: FetchOptions = {}): Promise<CalendarText[]> {
  const texts = await refreshSourceTexts(source, { ...fetchOptions, etag: undefined, lastModified: undefined });
  if (texts === 'unchanged') throw new Error(`${source.label}: the server answered "not modified" to an unconditional request`);
  return texts;
}
