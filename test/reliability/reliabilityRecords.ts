import { MINUTE_MS } from '../../src/core/time/clock';

/** Writers pretend it is this moment, so their journals have a known date. */
export const WRITE_DAY = Date.UTC(2026, 0, 15, 12);
export const RECORD_BASE = Date.UTC(2025, 0, 1);
const PER_CHILD = 100_000;

/** Record `i` of writer `child`: one minute, disjoint from every other record, so the union counts each once. */
export function recordOf(child: number, i: number): { start: number; end: number } {
  const start = RECORD_BASE + (child * PER_CHILD + i) * 2 * MINUTE_MS;
  return { start, end: start + MINUTE_MS };
}
