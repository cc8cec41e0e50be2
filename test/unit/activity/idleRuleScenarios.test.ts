import * as assert from 'node:assert/strict';
import { ActivitySimulation, minutes, TICK_MS } from '../../builders/activitySimulation';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';

const SECOND_MS = 1000;

function assertAbout(actual: number, expected: number, tolerance = 1): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance} min, got ${actual} min`);
}

// The table, each within ±1 minute, with the default idle timeout of 5 minutes.
describe('idle rule: the scenarios of the issue', () => {
  it('typing continuously for 25 min counts 25 min', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    sim.eventsFor(tracker, 200, 25 * MINUTE_MS);
    assertAbout(minutes(sim.finish()), 25);
  });

  it('reading: scrolling or moving the cursor every 3 min for 30 min counts 30 min', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    sim.eventsFor(tracker, 3 * MINUTE_MS, 30 * MINUTE_MS);
    assertAbout(minutes(sim.finish()), 30);
  });

  it('one edit, then nothing for an hour counts at most 1 min', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    tracker.record();
    sim.advance(HOUR_MS);
    const total = minutes(sim.finish());
    assert.equal(total, 0.5, 'a span is credited half a minute after its last event');
  });

  it('two windows both active over the same 20 min count 20 min, not 40', () => {
    const sim = new ActivitySimulation();
    const first = sim.tracker();
    const second = sim.tracker();
    sim.eventsFor(first, 10 * SECOND_MS, 5 * SECOND_MS);
    sim.eventsFor([first, second], 7 * SECOND_MS, 20 * MINUTE_MS - 5 * SECOND_MS);
    const total = minutes(sim.finish());
    const summedPerWindow = sim.spans.reduce((sum, span) => sum + (span.end - span.start), 0) / MINUTE_MS;
    assertAbout(summedPerWindow, 40);
    assertAbout(total, 20);
  });

  it('window focused, user away 1 h, no events: at most the idle timeout of that hour counts', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const away = { start: sim.now, end: sim.now + HOUR_MS };
    sim.advance(HOUR_MS);
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const spans = sim.finish();
    assert.ok(minutes(spans, away) <= 5, `away hour counted ${minutes(spans, away)} min`);
    assertAbout(minutes(spans), 20);
  });

  it('laptop asleep for 2 h between two events counts 0 for those hours', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const asleep = { start: sim.now, end: sim.now + 2 * HOUR_MS };
    sim.sleep(2 * HOUR_MS);
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const spans = sim.finish();
    assertAbout(minutes(spans, asleep), 0);
    assertAbout(minutes(spans), 20);
  });

  it('laptop asleep 2 h with a 60 min timeout and a timer tick just before sleep: the jump ends the span', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker({ idleTimeoutMinutes: 60 });
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const asleep = { start: sim.now, end: sim.now + 2 * HOUR_MS };
    sim.sleep(2 * HOUR_MS);
    sim.advance(TICK_MS + SECOND_MS);
    sim.eventsFor(tracker, 5 * SECOND_MS, 10 * MINUTE_MS);
    const spans = sim.finish();
    assertAbout(minutes(spans, asleep), 0);
    assertAbout(minutes(spans), 20);
  });

  it('a formatter editing files in an unfocused window for 10 min counts 0', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker({ focused: false });
    sim.eventsFor(tracker, 2 * SECOND_MS, 10 * MINUTE_MS);
    assert.equal(minutes(sim.finish()), 0);
  });

  it('debugging, paused at breakpoints with an event every 2 min for 10 min, counts 10 min', () => {
    const sim = new ActivitySimulation();
    const tracker = sim.tracker();
    sim.eventsFor(tracker, 2 * MINUTE_MS, 10 * MINUTE_MS);
    assertAbout(minutes(sim.finish()), 10);
  });
});
