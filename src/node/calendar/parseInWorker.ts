import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import type { CalendarVerdicts } from '../../core/calendar/types';
import type { ReadOptions } from '../../core/calendar/readCalendar';
import type { CalendarText } from './fileSource';
import { readCalendars } from './loadCalendar';
import { CalendarParseError } from './parseError';

type Reply = { ok: true; result: CalendarVerdicts } | { ok: false };

/** What one parse may take before the worker is stopped: far above any real calendar (20k events take under 1 s). */
export interface ParseLimits {
  timeMs: number;
  heapMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeMs: 20_000, heapMb: 512 };

function failed(): CalendarParseError {
  return new CalendarParseError('failed', 'could not be read because of an internal error in Hands-On; please report it, with the file if you can share it');
}

/** readCalendars, with any failure turned into a CalendarParseError. */
export function readCalendarsSafely(texts: readonly CalendarText[], options: Omit<ReadOptions, 'source'>): CalendarVerdicts {
  try {
    return readCalendars(texts, options);
  } catch {
    throw failed();
  }
}

/** A parse worker started before its texts are known, with what ends it early (an error, or its exit) already caught. */
export interface StartedWorker {
  readonly worker: Worker;
  /** Rejects with a CalendarParseError once the worker fails or exits; never resolves. */
  readonly failure: Promise<never>;
}

/**
 * Starts a parse worker (dist/calendarWorker.js) under `limits`; undefined when the file is missing or the worker
 * cannot start, and parsing runs in-process instead. A worker started ahead does not keep the process alive until
 * a parse uses it: its start-up (a fresh isolate compiling the bundle) runs while the caller reads its files.
 */
export function startParseWorker(workerFile: string | undefined, limits: ParseLimits = DEFAULT_PARSE_LIMITS): StartedWorker | undefined {
  if (!workerFile || !existsSync(workerFile)) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
  } catch {
    return undefined;
  }
  worker.unref();
  const failure = new Promise<never>((_, reject) => {
    worker.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new CalendarParseError('too-large', `needed more than ${limits.heapMb} MB to read: it is too large or an event in it defeats the parser; report the file if it is an ordinary calendar`));
      else reject(failed());
    });
    worker.once('exit', () => reject(failed()));
  });
  // Also the end of every worker once its parse is done (it is terminated), which nobody waits for then.
  failure.catch(() => undefined);
  return { worker, failure };
}

/**
 * Parses the texts of one source (a feed, a file, or every file of a folder) in one worker thread, so a 50 MB
 * feed never freezes the extension host, and an event that defeats the parser costs at most `limits`: past them
 * the worker is terminated and this rejects with a CalendarParseError. `workerFile` is the bundled parseWorker
 * (dist/calendarWorker.js); when it is missing, or the worker cannot start, parsing runs in-process instead:
 * still correct, only blocking and unbounded. `started` is a worker started ahead with the same limits.
 */
export async function parseInWorker(
  texts: readonly CalendarText[],
  options: Omit<ReadOptions, 'source'>,
  workerFile: string | undefined,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  started: StartedWorker | undefined = startParseWorker(workerFile, limits),
): Promise<CalendarVerdicts> {
  if (!started) return readCalendarsSafely(texts, options);
  const { worker, failure } = started;
  worker.ref();
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      failure,
      new Promise<Reply>((resolve, reject) => {
        timer = setTimeout(() => {
          reject(new CalendarParseError('too-slow', `took too long to read (over ${Math.round(limits.timeMs / 1000)} s), so reading it was stopped; if it is an ordinary calendar, please report it`));
        }, limits.timeMs);
        worker.once('message', resolve);
        worker.postMessage({ texts, options });
      }),
    ]);
    if (!reply.ok) throw failed();
    return reply.result;
  } finally {
    clearTimeout(timer);
    void worker.terminate();
  }
}
