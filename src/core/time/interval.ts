/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The smallest interval that holds every one of `spans` (at least one). */
export function spanOf(spans: readonly Interval[]): Interval {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** Orders by start, then by end: the order every list of spans and occurrences is kept in. */
export function byStartThenEnd(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

export function durationMs(intervals: readonly Interval[]): number {
  let total = 0;
  for (const interval of intervals) total += Math.max(0, interval.end - interval.start);
  return total;
}

/** Sorted, non-overlapping cover of the input: overlapping or touching intervals merge, so time counts once. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort(byStartThenEnd);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) {
      if (next.end > last.end) merged[merged.length - 1] = { start: last.start, end: next.end };
    } else {
      merged.push({ start: next.start, end: next.end });
    }
  }
  return merged;
}

export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  const clipped: Interval[] = [];
  for (const interval of intervals) {
    const start = Math.max(interval.start, window.start);
    const end = Math.min(interval.end, window.end);
    if (end > start) clipped.push({ start, end });
  }
  return clipped;
}

/** Intersection of two unions (both must be sorted and disjoint, as `union` returns them). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** The parts of `window` not covered by `busy` (sorted and disjoint). */
export function gaps(busy: readonly Interval[], window: Interval): Interval[] {
  const free: Interval[] = [];
  let cursor = window.start;
  for (const interval of clip(busy, window)) {
    if (interval.start > cursor) free.push({ start: cursor, end: interval.start });
    cursor = Math.max(cursor, interval.end);
  }
  if (window.end > cursor) free.push({ start: cursor, end: window.end });
  return free;
}
