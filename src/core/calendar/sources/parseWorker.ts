/**
 * Worker entry: parses and judges one calendar text off the extension host's thread.
 * Bundled on its own (esbuild entry `calendarWorker`), started by `parseInWorker`.
 */
import { parentPort } from 'node:worker_threads';
import { readCalendar, type ReadOptions } from '../readCalendar';

interface Request {
  text: string;
  options: ReadOptions;
}

parentPort?.on('message', (request: Request) => {
  try {
    parentPort?.postMessage({ ok: true, result: readCalendar(request.text, request.options) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
