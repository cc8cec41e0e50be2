import type { Interval } from '../../src/core/time/interval';

/** Epoch ms of an ISO time with offset, so every fixture says which wall clock it means. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad time ${iso}`);
  return ms;
}

export function span(startIso: string, endIso: string): Interval {
  return { start: at(startIso), end: at(endIso) };
}
