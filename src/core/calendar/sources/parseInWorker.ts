import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import type { CalendarVerdicts } from '../types';
import type { ReadOptions } from '../readCalendar';
import type { CalendarText } from './fileSource';
import { readCalendars } from './loadCalendar';

type Reply = { ok: true; result: CalendarVerdicts } | { ok: false; message: string };

/**
 * Parses the texts of one source (a feed, a file, or every file of a folder) in one worker thread, so a 50 MB
 * feed never freezes the extension host. `workerFile` is the bundled parseWorker (dist/calendarWorker.js);
 * when it is missing, or the worker cannot start, parsing runs in-process instead: still correct, only blocking.
 */
export async function parseInWorker(texts: readonly CalendarText[], options: Omit<ReadOptions, 'source'>, workerFile: string | undefined): Promise<CalendarVerdicts> {
  if (!workerFile || !existsSync(workerFile)) return readCalendars(texts, options);
  let worker: Worker;
  try {
    worker = new Worker(workerFile);
  } catch {
    return readCalendars(texts, options);
  }
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`calendar worker exited (${code})`)));
      worker.postMessage({ texts, options });
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.result;
  } finally {
    void worker.terminate();
  }
}
