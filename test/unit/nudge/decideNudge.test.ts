import * as assert from 'node:assert/strict';
import { computeBalance } from '../../../src/core/balance/computeBalance';
import { periodRange } from '../../../src/core/balance/periods';
import { decideNudge, type NudgeState } from '../../../src/core/nudge/decideNudge';
import { snoozeEndNextWeek, snoozeEndTomorrow } from '../../../src/core/nudge/snooze';
import type { Interval } from '../../../src/core/time/interval';
import type { Settings } from '../../../src/core/settings/settings';
import { at, HOUR, settingsWith, span } from '../balance/helpers';

const BERLIN = 'Europe/Berlin';
// Wednesday 13:30: 1 h coding and 3 h meetings so far (25 %); free until 14:00 (too short), meeting 14:00–16:30, free 16:30–18:00.
const CODING = [span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00')];
const MEETINGS = [span('2026-03-25T10:00:00+01:00', '2026-03-25T13:00:00+01:00'), span('2026-03-25T14:00:00+01:00', '2026-03-25T16:30:00+01:00')];

function state(nowIso: string, overrides: Partial<Settings> = {}, extra: Partial<NudgeState> = {}, coding: Interval[] = CODING, meetings: Interval[] = MEETINGS): NudgeState {
  const now = at(nowIso);
  const settings = settingsWith({ focusBlockMinutes: 60, ...overrides });
  const daysOff = extra.daysOff ?? [];
  const balance = computeBalance({ coding, meetings, now, settings, zone: BERLIN, daysOff, period: periodRange(settings.period, now, BERLIN, settings.weekStartsOn) });
  return { now, zone: BERLIN, settings, balance, meetings, daysOff, lastShownAt: undefined, snoozedUntil: undefined, ...extra };
}

const NOW = '2026-03-25T13:30:00+01:00';

describe('decideNudge', () => {
  it('shows where the user stands and the next free block', () => {
    const decision = decideNudge(state(NOW));
    assert.deepEqual(decision, { show: true, message: 'Hands-on time this week is 25% (target 40%). Your next free 90-minute block starts at 16:30.' });
  });

  it('names the weekday when the next block is not today', () => {
    const busy = [...MEETINGS, span('2026-03-25T16:30:00+01:00', '2026-03-25T18:00:00+01:00'), span('2026-03-26T09:00:00+01:00', '2026-03-26T10:00:00+01:00')];
    const decision = decideNudge(state(NOW, {}, {}, CODING, busy));
    assert.ok(decision.show);
    assert.match(decision.message, /Your next free 8-hour block starts on Thursday at 10:00\.$/);
  });

  it('uses the period word of the setting', () => {
    const decision = decideNudge(state(NOW, { period: 'day' }));
    assert.ok(decision.show && decision.message.startsWith('Hands-on time today is 25%'));
    const rolling = decideNudge(state(NOW, { period: 'rolling7' }));
    assert.ok(rolling.show && rolling.message.startsWith('Hands-on time in the last 7 days is 25%'));
  });

  it('says something else useful when no block is left this week', () => {
    const decision = decideNudge(state('2026-03-27T17:30:00+01:00', {}, {}, CODING, [...MEETINGS, span('2026-03-27T09:00:00+01:00', '2026-03-27T17:00:00+01:00')]));
    assert.ok(decision.show);
    assert.match(decision.message, /no free 60-minute block left this week/);
  });

  it('explains a pace shortfall when the share itself is fine', () => {
    const coding = [span('2026-03-25T09:00:00+01:00', '2026-03-25T12:00:00+01:00')];
    const decision = decideNudge(state(NOW, { minCodingHoursPerWeek: 20 }, {}, coding, [span('2026-03-25T12:00:00+01:00', '2026-03-25T13:00:00+01:00')]));
    assert.ok(decision.show);
    assert.match(decision.message, /is 75% \(target 40%\), but coding is .* behind the pace for 20 hours a week\./);
  });

  it('never when disabled', () => {
    assert.deepEqual(decideNudge(state(NOW, { nudge: { enabled: false, minHoursBetween: 24 } })), { show: false, reason: 'disabled' });
  });

  it('not while snoozed, again once the snooze ends', () => {
    const until = at('2026-03-25T14:00:00+01:00');
    assert.deepEqual(decideNudge(state(NOW, {}, { snoozedUntil: until })), { show: false, reason: 'snoozed' });
    assert.equal(decideNudge(state('2026-03-25T16:30:00+01:00', {}, { snoozedUntil: until })).show, true);
  });

  it('not within minHoursBetween of the last nudge shown anywhere', () => {
    const now = at(NOW);
    assert.deepEqual(decideNudge(state(NOW, {}, { lastShownAt: now - 23 * HOUR })), { show: false, reason: 'rateLimited' });
    assert.equal(decideNudge(state(NOW, {}, { lastShownAt: now - 24 * HOUR })).show, true);
    assert.equal(decideNudge(state(NOW, { nudge: { enabled: true, minHoursBetween: 2 } }, { lastShownAt: now - 3 * HOUR })).show, true);
  });

  it('is not blocked forever by a last-shown time from a machine with a clock far ahead', () => {
    assert.equal(decideNudge(state(NOW, {}, { lastShownAt: at(NOW) + 30 * 24 * HOUR })).show, true);
  });

  it('not when on target', () => {
    const decision = decideNudge(state(NOW, { targetPercent: 25 }));
    assert.deepEqual(decision, { show: false, reason: 'onTarget' });
  });

  it('not before the period holds 2 hours of data', () => {
    const meetings = [span('2026-03-25T12:00:00+01:00', '2026-03-25T13:00:00+01:00')];
    const coding = [span('2026-03-25T11:00:00+01:00', '2026-03-25T11:59:00+01:00')];
    assert.deepEqual(decideNudge(state(NOW, { targetPercent: 60 }, {}, coding, meetings)), { show: false, reason: 'notEnoughData' });
    const enough = [span('2026-03-25T11:00:00+01:00', '2026-03-25T12:00:00+01:00')];
    assert.equal(decideNudge(state(NOW, { targetPercent: 60 }, {}, enough, meetings)).show, true);
  });

  it('not on a weekend or a day off', () => {
    assert.deepEqual(decideNudge(state('2026-03-28T11:00:00+01:00')), { show: false, reason: 'notWorkingDay' });
    assert.deepEqual(decideNudge(state(NOW, {}, { daysOff: ['2026-03-25'] })), { show: false, reason: 'notWorkingDay' });
  });

  it('not outside working hours', () => {
    assert.deepEqual(decideNudge(state('2026-03-25T18:00:00+01:00')), { show: false, reason: 'outsideWorkingHours' });
    assert.deepEqual(decideNudge(state('2026-03-26T08:59:00+01:00')), { show: false, reason: 'outsideWorkingHours' });
    assert.equal(decideNudge(state('2026-03-25T17:59:00+01:00')).show, true);
  });

  it('not during a counted meeting', () => {
    assert.deepEqual(decideNudge(state('2026-03-25T15:00:00+01:00')), { show: false, reason: 'inMeeting' });
  });
});

describe('snooze end times', () => {
  it('until tomorrow is the next local midnight, DST-safe', () => {
    assert.equal(snoozeEndTomorrow(at('2026-03-28T15:00:00+01:00'), BERLIN), at('2026-03-29T00:00:00+01:00'));
    assert.equal(snoozeEndTomorrow(at('2026-03-29T15:00:00+02:00'), BERLIN), at('2026-03-30T00:00:00+02:00'));
  });

  it('until next week is the start of the next week per weekStartsOn', () => {
    assert.equal(snoozeEndNextWeek(at('2026-03-25T15:00:00+01:00'), BERLIN, 'monday'), at('2026-03-30T00:00:00+02:00'));
    assert.equal(snoozeEndNextWeek(at('2026-03-25T15:00:00+01:00'), BERLIN, 'sunday'), at('2026-03-29T00:00:00+01:00'));
  });
});

describe('decideNudge when the user is free right now', () => {
  it('says so instead of pointing at a later block', () => {
    const decision = decideNudge(state('2026-03-25T16:45:00+01:00', { focusBlockMinutes: 60 }));
    assert.ok(decision.show);
    assert.match(decision.message, /You are free for the next 1h15m — a good time to code\.$/);
  });
});
