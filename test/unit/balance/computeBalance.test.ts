import * as assert from 'node:assert/strict';
import { computeBalance, handsOnShare, type BalanceInput } from '../../../src/core/balance/computeBalance';
import { periodRange } from '../../../src/core/balance/periods';
import type { Interval } from '../../../src/core/time/interval';
import type { Settings } from '../../../src/core/settings/settings';
import { at, settingsWith, span } from './helpers';

const BERLIN = 'Europe/Berlin';

function balanceAt(nowIso: string, coding: Interval[], meetings: Interval[], overrides: Partial<Settings> = {}, extra: Partial<BalanceInput> = {}) {
  const now = at(nowIso);
  const settings = settingsWith(overrides);
  return computeBalance({ coding, meetings, now, settings, zone: BERLIN, period: periodRange(settings.period, now, BERLIN, settings.weekStartsOn), ...extra });
}

describe('computeBalance', () => {
  it('gives no share (not 0 %) and is not below target when there is no data', () => {
    const b = balanceAt('2026-03-25T10:00:00+01:00', [], []);
    assert.equal(b.handsOnPercent, undefined);
    assert.equal(b.codingMinutes, 0);
    assert.equal(b.meetingMinutes, 0);
    assert.equal(b.belowTarget, false);
  });

  it('computes coding / (coding + meetings) and compares with the target', () => {
    const b = balanceAt(
      '2026-03-25T18:00:00+01:00',
      [span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00')],
      [span('2026-03-25T11:00:00+01:00', '2026-03-25T14:00:00+01:00')],
    );
    assert.equal(b.codingMinutes, 60);
    assert.equal(b.meetingMinutes, 180);
    assert.equal(b.handsOnPercent, 25);
    assert.equal(b.targetPercent, 40);
    assert.equal(b.belowTarget, true);
    assert.deepEqual(b.belowTargetBecause, ['share']);
  });

  it('has one share formula for every view: coding / (coding + meetings), none when both are zero', () => {
    assert.equal(handsOnShare(60, 180), 25);
    assert.equal(handsOnShare(0, 30), 0);
    assert.equal(handsOnShare(30, 0), 100);
    assert.equal(handsOnShare(0, 0), undefined);
  });

  it('is on target at exactly the target share', () => {
    const b = balanceAt(
      '2026-03-25T18:00:00+01:00',
      [span('2026-03-25T09:00:00+01:00', '2026-03-25T11:00:00+01:00')],
      [span('2026-03-25T11:00:00+01:00', '2026-03-25T14:00:00+01:00')],
    );
    assert.equal(b.handsOnPercent, 40);
    assert.equal(b.belowTarget, false);
  });

  it('counts only the part of meetings that already happened; future meetings are not counted', () => {
    const b = balanceAt('2026-03-25T12:00:00+01:00', [], [span('2026-03-25T11:00:00+01:00', '2026-03-25T13:00:00+01:00'), span('2026-03-26T09:00:00+01:00', '2026-03-26T10:00:00+01:00')]);
    assert.equal(b.meetingMinutes, 60);
    assert.equal(b.handsOnPercent, 0);
  });

  it('counts overlapping meetings once and reports coding during meetings as overlap in both', () => {
    const b = balanceAt(
      '2026-03-25T18:00:00+01:00',
      [span('2026-03-25T10:30:00+01:00', '2026-03-25T12:00:00+01:00'), span('2026-03-25T11:00:00+01:00', '2026-03-25T11:30:00+01:00')],
      [span('2026-03-25T10:00:00+01:00', '2026-03-25T11:00:00+01:00'), span('2026-03-25T10:30:00+01:00', '2026-03-25T11:15:00+01:00')],
    );
    assert.equal(b.codingMinutes, 90);
    assert.equal(b.meetingMinutes, 75);
    assert.equal(b.overlapMinutes, 45);
  });

  it('clips to the period: yesterday does not count for a day period', () => {
    const b = balanceAt(
      '2026-03-25T10:00:00+01:00',
      [span('2026-03-24T23:00:00+01:00', '2026-03-25T01:00:00+01:00')],
      [],
      { period: 'day' },
    );
    assert.equal(b.codingMinutes, 60);
    assert.equal(b.handsOnPercent, 100);
  });

  it('gives 0 % on an all-meeting day', () => {
    const b = balanceAt('2026-03-25T18:00:00+01:00', [], [span('2026-03-25T09:00:00+01:00', '2026-03-25T18:00:00+01:00')], { period: 'day' });
    assert.equal(b.handsOnPercent, 0);
    assert.equal(b.meetingMinutes, 540);
    assert.equal(b.belowTarget, true);
  });

  it('counts the DST day correctly: coding across the 02:00→03:00 jump is one real hour', () => {
    const b = balanceAt('2026-03-29T12:00:00+02:00', [span('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')], [], { period: 'day' });
    assert.equal(b.codingMinutes, 60);
  });

  it('never below target on share with target 0', () => {
    const b = balanceAt('2026-03-25T18:00:00+01:00', [], [span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00')], { targetPercent: 0 });
    assert.equal(b.belowTarget, false);
  });

  describe('weekly minimum pace', () => {
    // Mon–Fri 09:00–18:00 = 45 working hours a week; 9 h minimum → 12 minutes of coding due per working hour.
    const pace = { targetPercent: 0, minCodingHoursPerWeek: 9 };

    it('is off when the minimum is 0', () => {
      const b = balanceAt('2026-03-25T12:00:00+01:00', [], [], { targetPercent: 0 });
      assert.equal(b.requiredCodingMinutes, undefined);
      assert.equal(b.belowTarget, false);
    });

    it('asks for the share of the minimum matching the working time elapsed this week', () => {
      // Monday + Tuesday full (18 h) + Wednesday 09:00–12:00 (3 h) = 21 working hours → 252 minutes.
      const b = balanceAt('2026-03-25T12:00:00+01:00', [span('2026-03-23T09:00:00+01:00', '2026-03-23T13:00:00+01:00')], [], pace);
      assert.equal(b.requiredCodingMinutes, 252);
      assert.equal(b.codingMinutes, 240);
      assert.deepEqual(b.belowTargetBecause, ['pace']);
    });

    it('is on pace once the coding covers the requirement', () => {
      const b = balanceAt('2026-03-25T12:00:00+01:00', [span('2026-03-23T09:00:00+01:00', '2026-03-23T13:12:00+01:00')], [], pace);
      assert.equal(b.belowTarget, false);
    });

    it('stands still outside working hours and over the weekend', () => {
      const friday = balanceAt('2026-03-27T20:00:00+01:00', [], [], pace);
      const sunday = balanceAt('2026-03-29T20:00:00+02:00', [], [], pace);
      assert.equal(friday.requiredCodingMinutes, 540);
      assert.equal(sunday.requiredCodingMinutes, 540);
    });

    it('asks for less on days off', () => {
      const b = balanceAt('2026-03-27T20:00:00+01:00', [], [], pace, { daysOff: ['2026-03-24'] });
      assert.equal(b.requiredCodingMinutes, 432);
    });

    it('is nothing before the first working hour of the week', () => {
      const b = balanceAt('2026-03-23T08:00:00+01:00', [], [], pace);
      assert.equal(b.requiredCodingMinutes, 0);
      assert.equal(b.belowTarget, false);
    });

    it('can be below target for both reasons at once', () => {
      const b = balanceAt('2026-03-25T12:00:00+01:00', [], [span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00')], { minCodingHoursPerWeek: 9 });
      assert.deepEqual(b.belowTargetBecause, ['share', 'pace']);
    });
  });
});
