import { JournalWriter } from '../../src/node/journal/journalWriter';
import { MINUTE_MS } from '../../src/core/time/clock';
import { FakeClock } from './fakeClock';
import type { ActivitySpan } from '../../src/core/activity/activitySpan';

export function writerAt(root: string, now: number, writerId = 'test-1-abc'): { writer: JournalWriter; clock: FakeClock } {
  const clock = new FakeClock(now);
  return { writer: new JournalWriter({ root, clock, writerId, createRoot: true }), clock };
}

/** `count` spans of `minutes` each, starting at `start`, `everyMinutes` apart. */
export function spans(start: number, count: number, minutes = 1, everyMinutes = 2, context: Partial<ActivitySpan> = {}): ActivitySpan[] {
  return Array.from({ length: count }, (_, i) => ({ ...context, start: start + i * everyMinutes * MINUTE_MS, end: start + (i * everyMinutes + minutes) * MINUTE_MS }));
}
