import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import type { CalendarVerdicts } from '../types';
import { readCalendar, type ReadOptions } from '../readCalendar';

type Reply = { ok: true; result: CalendarVerdicts } | { ok: false; message: string };

/**
 * Parses in a worker thread so a 50 MB feed never freezes the extension host. `workerFile` is the bundled
 * parseWorker (dist/calendarWorker.js); when it is missing, or the worker cannot start, parsing runs
 * in-process instead, which is still correct, only blocking.
 */
export async function parseInWorker(text: string, options: ReadOptions, workerFile: string | undefined): Promise<CalendarVerdicts> {
  if (!workerFile || !existsSync(workerFile)) return readCalendar(text, options);
  let worker: Worker;
  try {
    worker = new Worker(workerFile);
  } catch {
    return readCalendar(text, options);
  }
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`calendar worker exited (${code})`)));
      worker.postMessage({ text, options });
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.result;
  } finally {
    void worker.terminate();
  }
}
