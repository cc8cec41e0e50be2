import * as assert from 'node:assert/strict';
import { computeBalance } from '../../../src/core/balance/computeBalance';
import { focusBlockUse } from '../../../src/core/balance/focusReport';
import { periodRange, weekRange } from '../../../src/core/balance/periods';
import type { Occurrence } from '../../../src/core/calendar/types';
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
  const settings = settingsWith(overrides);
  const daysOff = extra.daysOff ?? [];
  const balance = computeBalance({ coding, meetings, now, settings, zone: BERLIN, daysOff, period: periodRange(settings.period, now, BERLIN, settings.weekStartsOn) });
  const occurrences = meetings.map((m, i): Occurrence => ({ ...m, title: `Meeting ${i}`, uid: `m${i}`, allDay: false, counted: true, reason: 'counted' }));
  const weekBlocks = focusBlockUse({ coding, occurrences, now, zone: BERLIN, settings, daysOff }, weekRange(now, BERLIN, settings.weekStartsOn));
  return { now, zone: BERLIN, settings, balance, meetings, breaks: [], weekBlocks, daysOff, lastShownAt: undefined, snoozedUntil: undefined, ...extra };
}

const NOW = '2026-03-25T13:30:00+01:00';

describe('decideNudge', () => {
  it('shows where the user stands, how the free blocks of the week were used, and the next one', () => {
    // Mon and Tue were free all day (two blocks, no coding in them); Wed has only short gaps; Thu is free.
    const decision = decideNudge(state(NOW));
    assert.deepEqual(decision, { show: true, message: 'Hands-on time this week is 25% (target 40%). You had 2 free 2-hour blocks this week and coded in 0. Next one: Thu 09:00–18:00.' });
  });

  it('counts a block as used when at least half of it was coding', () => {
    const coding = [span('2026-03-23T09:00:00+01:00', '2026-03-23T13:30:00+01:00'), span('2026-03-24T09:00:00+01:00', '2026-03-24T13:29:00+01:00')];
    const decision = decideNudge(state(NOW, { targetPercent: 90 }, {}, coding));
    assert.ok(decision.show);
    assert.match(decision.message, /You had 2 free 2-hour blocks this week and coded in 1\. Next one: Thu 09:00–18:00\.$/);
  });

  it('names the weekday and the times of the next block when it is not today', () => {
    const busy = [...MEETINGS, span('2026-03-25T16:30:00+01:00', '2026-03-25T18:00:00+01:00'), span('2026-03-26T09:00:00+01:00', '2026-03-26T10:00:00+01:00')];
    const decision = decideNudge(state(NOW, {}, {}, CODING, busy));
    assert.ok(decision.show);
    assert.match(decision.message, /Next one: Thu 10:00–18:00\.$/);
  });

  it('says "today" for a block later today, and the block length of the setting', () => {
    const decision = decideNudge(state(NOW, { focusBlockMinutes: 90 }));
    assert.ok(decision.show);
    assert.match(decision.message, /You had 2 free 90-minute blocks this week and coded in 0\. Next one: today 16:30–18:00\.$/);
  });

  it('uses the period word of the setting', () => {
    const decision = decideNudge(state(NOW, { period: 'day' }));
    assert.ok(decision.show && decision.message.startsWith('Hands-on time today is 25%'));
    const rolling = decideNudge(state(NOW, { period: 'rolling7' }));
    assert.ok(rolling.show && rolling.message.startsWith('Hands-on time in the last 7 days is 25%'));
  });

  it('tells a full calendar apart from unused blocks when no block is left this week', () => {
    const friday = [...MEETINGS, span('2026-03-27T09:00:00+01:00', '2026-03-27T17:00:00+01:00')];
    const unused = decideNudge(state('2026-03-27T17:30:00+01:00', {}, {}, CODING, friday));
    assert.ok(unused.show);
    assert.match(unused.message, /You had 3 free 2-hour blocks this week and coded in 0\. No 2-hour block is left this week: your calendar is full\./);
    const fullWeek = ['23', '24', '25', '26', '27'].map((d) => span(`2026-03-${d}T09:00:00+01:00`, `2026-03-${d}T17:00:00+01:00`));
    const full = decideNudge(state('2026-03-27T17:30:00+01:00', {}, {}, CODING, fullWeek));
    assert.ok(full.show);
    assert.equal(full.message, 'Hands-on time this week is 2% (target 40%). No 2-hour block is left this week: your calendar is full. Consider declining or shortening a meeting, or blocking time next week.');
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
