import * as assert from 'node:assert/strict';
import { dashboardRange, periodRange, previousPeriodRange, weekRange } from '../../../src/core/balance/periods';
import { at, HOUR, span } from './helpers';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('periods', () => {
  describe('day', () => {
    it('is local today from midnight to midnight', () => {
      assert.deepEqual(periodRange('day', at('2026-03-25T10:00:00+01:00'), BERLIN, 'monday'), span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00'));
    });

    it('puts exactly midnight in the day that starts there, and a minute before in the day before', () => {
      const midnight = at('2026-03-25T00:00:00+01:00');
      assert.equal(periodRange('day', midnight, BERLIN, 'monday').start, midnight);
      assert.equal(periodRange('day', midnight - 1, BERLIN, 'monday').end, midnight);
    });

    it('lasts 23 hours on the day summer time starts in Berlin', () => {
      const day = periodRange('day', at('2026-03-29T12:00:00+02:00'), BERLIN, 'monday');
      assert.equal(day.end - day.start, 23 * HOUR);
    });

    it('lasts 25 hours on the day summer time ends in New York', () => {
      const day = periodRange('day', at('2026-11-01T12:00:00-05:00'), NEW_YORK, 'monday');
      assert.equal(day.end - day.start, 25 * HOUR);
    });
  });

  describe('week', () => {
    it('starts on Monday at local midnight and lasts 167 h across the Berlin DST change', () => {
      const week = periodRange('week', at('2026-03-29T20:00:00+02:00'), BERLIN, 'monday');
      assert.deepEqual(week, span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      assert.equal(week.end - week.start, 167 * HOUR);
    });

    it('starts on Sunday and lasts 169 h across the New York DST change', () => {
      const week = periodRange('week', at('2026-11-01T01:30:00-05:00'), NEW_YORK, 'sunday');
      assert.deepEqual(week, span('2026-11-01T00:00:00-04:00', '2026-11-08T00:00:00-05:00'));
      assert.equal(week.end - week.start, 169 * HOUR);
    });

    it('starts on Saturday when asked', () => {
      assert.deepEqual(
        periodRange('week', at('2026-11-04T09:00:00-05:00'), NEW_YORK, 'saturday'),
        span('2026-10-31T00:00:00-04:00', '2026-11-07T00:00:00-05:00'),
      );
    });

    it('starts today when today is the first day of the week', () => {
      assert.equal(periodRange('week', at('2026-03-23T00:00:00+01:00'), BERLIN, 'monday').start, at('2026-03-23T00:00:00+01:00'));
      assert.equal(periodRange('week', at('2026-03-22T23:59:59+01:00'), BERLIN, 'monday').start, at('2026-03-16T00:00:00+01:00'));
    });

    it('uses the local date, not the UTC date, near midnight', () => {
      // Monday 00:30 in Berlin is still Sunday in UTC.
      assert.equal(weekRange(at('2026-03-23T00:30:00+01:00'), BERLIN, 'monday').start, at('2026-03-23T00:00:00+01:00'));
    });
  });

  describe('rolling7', () => {
    it('is the last 7 × 24 h ending now, whatever the DST', () => {
      const now = at('2026-03-29T20:00:00+02:00');
      assert.deepEqual(periodRange('rolling7', now, BERLIN, 'monday'), { start: now - 168 * HOUR, end: now });
    });
  });

  describe('previous period', () => {
    it('is the previous local day, week or 7 × 24 h', () => {
      const now = at('2026-03-30T10:00:00+02:00');
      const day = periodRange('day', now, BERLIN, 'monday');
      assert.deepEqual(previousPeriodRange('day', day, BERLIN, 'monday'), span('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      const week = periodRange('week', now, BERLIN, 'monday');
      assert.deepEqual(previousPeriodRange('week', week, BERLIN, 'monday'), span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      const rolling = periodRange('rolling7', now, BERLIN, 'monday');
      assert.deepEqual(previousPeriodRange('rolling7', rolling, BERLIN, 'monday'), { start: now - 336 * HOUR, end: now - 168 * HOUR });
    });
  });

  describe('dashboard ranges', () => {
    const now = at('2026-04-01T10:00:00+02:00');
    it('this week and last week', () => {
      assert.deepEqual(dashboardRange('thisWeek', now, BERLIN, 'monday'), span('2026-03-30T00:00:00+02:00', '2026-04-06T00:00:00+02:00'));
      assert.deepEqual(dashboardRange('lastWeek', now, BERLIN, 'monday'), span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
    });

    it('last 4 and 12 weeks include the current week', () => {
      assert.deepEqual(dashboardRange('last4Weeks', now, BERLIN, 'monday'), span('2026-03-09T00:00:00+01:00', '2026-04-06T00:00:00+02:00'));
      assert.deepEqual(dashboardRange('last12Weeks', now, BERLIN, 'monday'), span('2026-01-12T00:00:00+01:00', '2026-04-06T00:00:00+02:00'));
    });
  });
});
