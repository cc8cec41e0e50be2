/**
 * Runs fuzz cases one after another in a worker thread and reports each one as it finishes, so that the parent can
 * stop it and name the case when one does not return within the bound.
 */
import { parentPort } from 'node:worker_threads';
import { readCalendar } from '../../src/core/calendar/readCalendar';
import { DEFAULT_RULES } from '../../src/core/calendar/types';
import { fuzzCases, RAW_ERROR } from './icsMutations';

export interface CaseReport {
  index: number;
  file: string;
  mutations: string[];
  ms: number;
  /** What was wrong with the result, if anything: an exception, a non-finite time, a raw error in a warning. */
  problem?: string;
  heapUsedBytes: number;
}

parentPort?.once('message', ({ seed, count }: { seed: number; count: number }) => {
  for (const fuzz of fuzzCases(seed, count)) {
    const started = performance.now();
    let problem: string | undefined;
    try {
      const result = readCalendar(fuzz.text, { ...fuzz.window, zone: 'Europe/Berlin', rules: DEFAULT_RULES });
      if (result.occurrences.some((o) => !Number.isFinite(o.start) || !Number.isFinite(o.end) || o.end < o.start)) problem = 'an occurrence without finite times';
      const raw = result.warnings.find((w) => RAW_ERROR.test(w));
      if (raw) problem = `a raw error reached a warning: ${raw}`;
    } catch (error) {
      problem = `threw ${error instanceof Error ? error.message : String(error)}`;
    }
    const report: CaseReport = { index: fuzz.index, file: fuzz.file, mutations: fuzz.mutations, ms: performance.now() - started, heapUsedBytes: process.memoryUsage().heapUsed };
    if (problem) report.problem = problem;
    parentPort?.postMessage(report);
  }
  parentPort?.close();
});
