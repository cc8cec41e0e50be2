import { ActivityTracker, type ActivityTrackerOptions } from '../../src/core/activity/activityTracker';
import type { ActivitySpan } from '../../src/core/activity/activitySpan';
import { MINUTE_MS } from '../../src/core/time/clock';
import { FakeClock } from './fakeClock';
import { clip, durationMs, union, type Interval } from '../../src/core/time/interval';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const TICK_MS = 30_000;

/**
 * Simulated time for one or more trackers sharing a clock: events and timer ticks happen in time order,
 * like the host's event loop, and every span a tracker hands out is collected as the journal would.
 */
export class ActivitySimulation {
  readonly clock = new FakeClock(T0);
  readonly trackers: ActivityTracker[] = [];
  readonly spans: ActivitySpan[] = [];
  private nextTick = T0 + TICK_MS;

  tracker(options: Omit<ActivityTrackerOptions, 'clock'> = {}): ActivityTracker {
    const tracker = new ActivityTracker({ clock: this.clock, ...options });
    this.trackers.push(tracker);
    return tracker;
  }

  get now(): number {
    return this.clock.now();
  }

  /** Lets time pass with the timer running: ticks and a flush every minute. */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    while (this.nextTick <= target) {
      this.clock.set(this.nextTick);
      for (const tracker of this.trackers) tracker.tick();
      if ((this.nextTick - T0) % MINUTE_MS === 0) this.flush();
      this.nextTick += TICK_MS;
    }
    this.clock.set(target);
  }

  /** The machine sleeps: the wall clock jumps and no timer runs meanwhile. */
  sleep(ms: number): void {
    this.clock.advance(ms);
    this.nextTick = this.clock.now() + TICK_MS;
  }

  /** `tracker` sees an event every `everyMs` for `durationMs`, the first one now and the last one at the end. */
  eventsFor(tracker: ActivityTracker | ActivityTracker[], everyMs: number, durationMs: number): void {
    const all = Array.isArray(tracker) ? tracker : [tracker];
    const end = this.clock.now() + durationMs;
    for (;;) {
      for (const t of all) t.record();
      if (this.clock.now() + everyMs > end) break;
      this.advance(everyMs);
    }
  }

  flush(): void {
    for (const tracker of this.trackers) this.spans.push(...tracker.takeSpans());
  }

  /** Disposes every tracker and returns the union of everything they produced. */
  finish(): Interval[] {
    this.advance(2 * 60 * MINUTE_MS);
    for (const tracker of this.trackers) this.spans.push(...tracker.dispose());
    return union(this.spans);
  }
}

export function minutes(intervals: readonly Interval[], window?: Interval): number {
  return durationMs(window ? clip(intervals, window) : intervals) / MINUTE_MS;
}
