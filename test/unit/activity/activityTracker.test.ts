import * as assert from 'node:assert/strict';
import { ActivityTracker, EVENT_CREDIT_MS } from '../../../src/core/activity/activityTracker';
import { MINUTE_MS } from '../../../src/core/time/clock';
import { FakeClock } from '../../builders/fakeClock';
import { union } from '../../../src/core/time/interval';
import { T0 } from '../../builders/activitySimulation';

function setup(options: { idleTimeoutMinutes?: number; recordProjectNames?: boolean } = {}) {
  const clock = new FakeClock(T0);
  const tracker = new ActivityTracker({ clock, ...options });
  return { clock, tracker };
}

describe('ActivityTracker', () => {
  it('hands out an open span in increments that join without overlap', () => {
    const { clock, tracker } = setup();
    tracker.record();
    clock.advance(20_000);
    tracker.record();
    clock.advance(10_000);
    const first = tracker.takeSpans();
    assert.deepEqual(first, [{ start: T0, end: T0 + 30_000 }]);
    clock.advance(10_000);
    tracker.record();
    clock.advance(5_000);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0 + 30_000, end: T0 + 45_000 }]);
    assert.deepEqual(tracker.takeSpans(), [], 'nothing new, nothing handed out twice');
  });

  it('never hands out time in the future', () => {
    const { clock, tracker } = setup();
    tracker.record();
    clock.advance(1_000);
    const [span] = tracker.takeSpans();
    assert.equal(span?.end, T0 + 1_000);
  });

  it('a gap longer than the timeout starts a new span and adds nothing', () => {
    const { clock, tracker } = setup({ idleTimeoutMinutes: 5 });
    tracker.record();
    clock.advance(5 * MINUTE_MS + 1);
    tracker.record();
    clock.advance(EVENT_CREDIT_MS);
    assert.deepEqual(tracker.takeSpans(), [
      { start: T0, end: T0 + EVENT_CREDIT_MS },
      { start: T0 + 5 * MINUTE_MS + 1, end: T0 + 5 * MINUTE_MS + 1 + EVENT_CREDIT_MS },
    ]);
  });

  it('a gap of exactly the timeout keeps the span', () => {
    const { clock, tracker } = setup({ idleTimeoutMinutes: 5 });
    tracker.record();
    clock.advance(5 * MINUTE_MS);
    tracker.record();
    clock.advance(EVENT_CREDIT_MS);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0, end: T0 + 5 * MINUTE_MS + EVENT_CREDIT_MS }]);
  });

  it('the idle timeout can change at runtime and is clamped to 1–60 minutes', () => {
    const { clock, tracker } = setup();
    tracker.setIdleTimeoutMinutes(0);
    assert.equal(tracker.idleTimeoutMs, MINUTE_MS);
    tracker.setIdleTimeoutMinutes(600);
    assert.equal(tracker.idleTimeoutMs, 60 * MINUTE_MS);
    tracker.setIdleTimeoutMinutes(Number.NaN);
    assert.equal(tracker.idleTimeoutMs, 5 * MINUTE_MS);
    tracker.setIdleTimeoutMinutes(10);
    tracker.record();
    clock.advance(8 * MINUTE_MS);
    tracker.record();
    clock.advance(EVENT_CREDIT_MS);
    assert.equal(union(tracker.takeSpans()).length, 1);
  });

  it('pause ends the span now and ignores events until resume', () => {
    const { clock, tracker } = setup();
    tracker.record();
    clock.advance(10_000);
    tracker.pause();
    assert.equal(tracker.isPaused, true);
    clock.advance(10_000);
    tracker.record();
    clock.advance(MINUTE_MS);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0, end: T0 + 10_000 }]);
    tracker.resume();
    tracker.record();
    clock.advance(EVENT_CREDIT_MS);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0 + 80_000, end: T0 + 80_000 + EVENT_CREDIT_MS }]);
  });

  it('ignores events while unfocused, then counts again after focus', () => {
    const { clock, tracker } = setup();
    tracker.setFocused(false);
    tracker.record();
    clock.advance(MINUTE_MS);
    assert.deepEqual(tracker.takeSpans(), []);
    tracker.setFocused(true);
    tracker.record();
    clock.advance(EVENT_CREDIT_MS);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0 + MINUTE_MS, end: T0 + MINUTE_MS + EVENT_CREDIT_MS }]);
  });

  it('a clock that goes backwards ends the span without credit after the last event', () => {
    const { clock, tracker } = setup();
    tracker.record();
    clock.advance(20_000);
    tracker.record();
    clock.set(T0 - 10 * MINUTE_MS);
    tracker.record();
    const spans = tracker.takeSpans();
    assert.deepEqual(spans[0], { start: T0, end: T0 + 20_000 });
  });

  it('a tick after a forward jump larger than the timeout ends the span at the previous tick', () => {
    const { clock, tracker } = setup();
    tracker.tick();
    tracker.record();
    clock.advance(10_000);
    tracker.tick();
    clock.advance(3 * 60 * MINUTE_MS);
    tracker.tick();
    clock.advance(1_000);
    tracker.record();
    clock.advance(1_000);
    const spans = tracker.takeSpans();
    assert.deepEqual(spans, [
      { start: T0, end: T0 + 10_000 },
      { start: T0 + 10_000 + 3 * 60 * MINUTE_MS + 1_000, end: T0 + 10_000 + 3 * 60 * MINUTE_MS + 2_000 },
    ]);
  });

  it('a tick after idling longer than the timeout closes the span with the event credit', () => {
    const { clock, tracker } = setup();
    tracker.record();
    for (let i = 0; i < 12; i++) {
      clock.advance(30_000);
      tracker.tick();
    }
    assert.deepEqual(tracker.takeSpans(), [{ start: T0, end: T0 + EVENT_CREDIT_MS }]);
  });

  it('splits the span when the context changes and keeps only names, never paths', () => {
    const { clock, tracker } = setup();
    tracker.setContext({ workspace: '/home/me/projects/shop', language: 'typescript' });
    tracker.record();
    clock.advance(20_000);
    tracker.setContext({ workspace: 'shop', language: 'markdown' });
    tracker.record();
    clock.advance(20_000);
    assert.deepEqual(tracker.takeSpans(), [
      { start: T0, end: T0 + 20_000, workspace: 'shop', language: 'typescript' },
      { start: T0 + 20_000, end: T0 + 40_000, workspace: 'shop', language: 'markdown' },
    ]);
  });

  it('records no context when project names are off', () => {
    const { clock, tracker } = setup({ recordProjectNames: false });
    tracker.setContext({ workspace: 'shop', language: 'typescript' });
    tracker.record();
    clock.advance(10_000);
    assert.deepEqual(tracker.takeSpans(), [{ start: T0, end: T0 + 10_000 }]);
    tracker.setRecordProjectNames(true);
    tracker.setContext({ workspace: 'shop' });
    clock.advance(10_000);
    tracker.setRecordProjectNames(false);
    clock.advance(5_000);
    assert.deepEqual(tracker.takeSpans(), [
      { start: T0 + 10_000, end: T0 + 20_000, workspace: 'shop' },
      { start: T0 + 20_000, end: T0 + 25_000 },
    ]);
  });

  it('dispose ends the open span now and returns what is left', () => {
    const { clock, tracker } = setup();
    tracker.record();
    clock.advance(5_000);
    assert.deepEqual(tracker.dispose(), [{ start: T0, end: T0 + 5_000 }]);
  });
});
