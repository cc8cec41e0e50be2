/**
 * Worker entry: parses and judges every text of one calendar source off the extension host's thread.
 * Bundled on its own (esbuild entry `calendarWorker`), started by `parseInWorker`, which bounds its time and memory.
 */
import { parentPort } from 'node:worker_threads';
import type { ReadOptions } from '../../core/calendar/readCalendar';
import type { CalendarText } from './fileSource';
import { readCalendars } from './loadCalendar';

interface Request {
  texts: CalendarText[];
  options: Omit<ReadOptions, 'source'>;
}

parentPort?.on('message', (request: Request) => {
  try {
    parentPort?.postMessage({ ok: true, result: readCalendars(request.texts, request.options) });
  } catch {
    // The parent words the failure for the user; a JavaScript message would mean nothing to them.
    parentPort?.postMessage({ ok: false });
  }
});
