import { join } from 'node:path';
import type { ParseTexts } from '../node/calendar/loadCalendar';
import { DEFAULT_PARSE_LIMITS, parseInWorker, startParseWorker, type StartedWorker } from '../node/calendar/parseInWorker';

/** The calendar worker bundled next to the CLI (dist/calendarWorker.js); without it, parsing runs in-process. */
const WORKER_FILE = join(__dirname, 'calendarWorker.js');

let ahead: StartedWorker | undefined;

/**
 * Starts the worker of the next parseBounded call now, so its start-up overlaps the command reading its options,
 * settings and calendar files (about a tenth of `hands-on meetings` on a large calendar). Unused, it costs nothing.
 */
export function startParserAhead(): void {
  ahead ??= startParseWorker(WORKER_FILE);
}

/** Parses in the bounded worker, as the extension does: one hostile event can cost a calendar, never hang the command. */
export const parseBounded: ParseTexts = (texts, options) => {
  const started = ahead;
  ahead = undefined;
  return parseInWorker(texts, options, WORKER_FILE, DEFAULT_PARSE_LIMITS, started);
};
