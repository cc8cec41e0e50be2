import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseReport } from './fuzzWorker';

export interface FuzzRun {
  reports: CaseReport[];
  /** The case that did not return within the bound, if one did not. */
  stuck?: { index: number; boundMs: number };
}

/**
 * Runs `count` cases from `seed` in one worker thread, each bounded: when a case gives no answer within `boundMs`
 * the worker is terminated and the run ends with that case named.
 */
export function runFuzz(seed: number, count: number, boundMs: number, heapMb = 512): Promise<FuzzRun> {
  const worker = new Worker(path.join(__dirname, 'fuzzWorker.js'), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const reports: CaseReport[] = [];
  return new Promise((resolve, reject) => {
    let watchdog: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        void worker.terminate();
        resolve({ reports, stuck: { index: reports.length, boundMs } });
      }, boundMs);
    };
    worker.on('message', (report: CaseReport) => {
      reports.push(report);
      arm();
    });
    worker.once('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
    worker.once('exit', () => {
      clearTimeout(watchdog);
      resolve({ reports });
    });
    arm();
    worker.postMessage({ seed, count });
  });
}
