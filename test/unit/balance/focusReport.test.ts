import * as assert from 'node:assert/strict';
import { focusBlockUse, focusMinutesLeft, focusReport, meetingSeriesCosts, reentry, type FocusInput } from '../../../src/core/balance/focusReport';
import type { Occurrence, Reason } from '../../../src/core/calendar/types';
import type { Settings } from '../../../src/core/settings/settings';
import type { Interval } from '../../../src/core/time/interval';
import { at, settingsWith, span } from './helpers';

const BERLIN = 'Europe/Berlin';
// Wednesday 25 March 2026 in Berlin (CET); the clocks go forward on Sunday 29 March.
const WED = (time: string) => `2026-03-25T${time}:00+01:00`;
const DAY = span(WED('00:00'), '2026-03-26T00:00:00+01:00');
const WEEK = span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00');

function event(title: string, start: string, end: string, reason: Reason = 'counted', uid = `${title}-${start}`): Occurrence {
  return { ...span(start, end), title, uid, allDay: false, counted: reason === 'counted', reason };
}

function input(occurrences: Occurrence[], options: { coding?: Interval[]; now?: string; settings?: Partial<Settings>; daysOff?: string[] } = {}): FocusInput {
  return {
    coding: options.coding ?? [],
    occurrences,
    now: at(options.now ?? '2026-03-28T12:00:00+01:00'),
    zone: BERLIN,
    settings: settingsWith(options.settings ?? {}),
    daysOff: options.daysOff ?? [],
  };
}

const iso = (blocks: readonly Interval[]) => blocks.map((b) => [new Date(b.start).toISOString(), new Date(b.end).toISOString()]);

describe('focus report', () => {
  describe('free time, focus blocks and fragments', () => {
    it('is all focus on an empty calendar: one block per working day, nothing fragmented, no series, no re-entry', () => {
      const report = focusReport(input([]), WEEK);
      assert.equal(report.blocks.length, 5);
      assert.equal(report.focusMinutes, 5 * 9 * 60);
      assert.equal(report.freeMinutes, 5 * 9 * 60);
      assert.equal(report.fragmentedMinutes, 0);
      assert.deepEqual(report.series, []);
      assert.deepEqual(report.reentry, { medianMinutes: undefined, samples: 0, noReturn: 0 });
      assert.equal(report.days.length, 7);
      assert.equal(report.days[5]!.workingMinutes, 0, 'Saturday is not worked');
    });

    it('has neither focus nor fragments on an all-meeting day', () => {
      const report = focusReport(input([event('Offsite', WED('09:00'), WED('18:00'))]), DAY);
      assert.deepEqual(report.days[0], {
        date: '2026-03-25',
        workingMinutes: 540,
        meetingMinutes: 540,
        breakMinutes: 0,
        focusMinutes: 0,
        focusCodedMinutes: 0,
        focusUncodedMinutes: 0,
        focusAheadMinutes: 0,
        fragmentedMinutes: 0,
      });
      assert.deepEqual(report.blocks, []);
    });

    it('finds blocks at the edges of working hours and leaves shorter gaps as fragments', () => {
      // Free 09:00–11:00 (2 h: a block, at the start of the day), 11:30–13:00 (fragment), 16:00–18:00 (a block at the end).
      const report = focusReport(input([event('A', WED('11:00'), WED('11:30')), event('B', WED('13:00'), WED('16:00'))]), DAY);
      assert.deepEqual(iso(report.blocks), [
        ['2026-03-25T08:00:00.000Z', '2026-03-25T10:00:00.000Z'],
        ['2026-03-25T15:00:00.000Z', '2026-03-25T17:00:00.000Z'],
      ]);
      assert.equal(report.focusMinutes, 240);
      assert.equal(report.fragmentedMinutes, 90);
      assert.equal(report.freeMinutes, 330);
      // Meetings outside working hours take nothing from the working day.
      const early = focusReport(input([event('Early', WED('07:00'), WED('09:00'))]), DAY);
      assert.equal(early.focusMinutes, 540);
      assert.equal(early.days[0]!.meetingMinutes, 0);
    });

    it('counts a block ending at midnight with 24:00 as the end of work, and a meeting across midnight on both days', () => {
      const settings = { workHours: { start: '20:00', end: '24:00' } };
      const meeting = event('Late call', WED('23:00'), '2026-03-26T21:00:00+01:00');
      const report = focusReport(input([meeting], { settings }), span(WED('00:00'), '2026-03-27T00:00:00+01:00'));
      assert.deepEqual(iso(report.blocks), [
        ['2026-03-25T19:00:00.000Z', '2026-03-25T22:00:00.000Z'],
        ['2026-03-26T20:00:00.000Z', '2026-03-26T23:00:00.000Z'],
      ]);
      assert.deepEqual(
        report.days.map((d) => [d.meetingMinutes, d.focusMinutes, d.fragmentedMinutes]),
        [
          [60, 180, 0],
          [60, 180, 0],
        ],
      );
      const free = focusReport(input([], { settings }), DAY);
      assert.deepEqual(iso(free.blocks), [['2026-03-25T19:00:00.000Z', '2026-03-25T23:00:00.000Z']]);
    });

    it('follows DST days: the 23-hour Sunday of a round-the-clock week', () => {
      const settings: Partial<Settings> = { workDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], workHours: { start: '00:00', end: '24:00' } };
      const sunday = span('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
      const report = focusReport(input([event('Call', '2026-03-29T10:00:00+02:00', '2026-03-29T11:00:00+02:00')], { settings }), sunday);
      assert.equal(report.days[0]!.workingMinutes, 23 * 60);
      // 00:00–10:00 local is 9 real hours (02:00 does not exist); 11:00–24:00 is 13.
      assert.deepEqual(iso(report.blocks), [
        ['2026-03-28T23:00:00.000Z', '2026-03-29T08:00:00.000Z'],
        ['2026-03-29T09:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      ]);
      assert.equal(report.focusMinutes, 22 * 60);
      // And a 9-to-6 day on the Monday after the change is still 9 hours at the new offset.
      const monday = focusReport(input([]), span('2026-03-30T00:00:00+02:00', '2026-03-31T00:00:00+02:00'));
      assert.deepEqual(iso(monday.blocks), [['2026-03-30T07:00:00.000Z', '2026-03-30T16:00:00.000Z']]);
    });

    it('takes breaks out of free time without making them meetings; a Focus event, declined and solo events stay free', () => {
      const report = focusReport(
        input([
          event('Lunch', WED('12:00'), WED('13:00'), 'break'),
          event('Out of office (dentist)', WED('16:30'), WED('18:00'), 'out-of-office'),
          event('Focus time', WED('09:00'), WED('11:00'), 'excluded-keyword'),
          event('Declined review', WED('10:00'), WED('10:30'), 'declined'),
          event('Write reviews', WED('14:00'), WED('14:30'), 'no-other-attendees'),
        ]),
        DAY,
      );
      assert.deepEqual(iso(report.blocks), [
        ['2026-03-25T08:00:00.000Z', '2026-03-25T11:00:00.000Z'],
        ['2026-03-25T12:00:00.000Z', '2026-03-25T15:30:00.000Z'],
      ]);
      assert.equal(report.days[0]!.breakMinutes, 150);
      assert.equal(report.days[0]!.meetingMinutes, 0);
      assert.equal(report.freeMinutes, 540 - 150);
      assert.deepEqual(report.series, [], 'breaks and excluded events are no meeting series');
    });

    it('counts overlapping meetings once', () => {
      const report = focusReport(input([event('A', WED('10:00'), WED('11:00')), event('B', WED('10:30'), WED('11:30'))]), DAY);
      assert.equal(report.days[0]!.meetingMinutes, 90);
      assert.equal(report.focusMinutes, 390);
      assert.equal(report.fragmentedMinutes, 60);
    });

    it('skips days off', () => {
      const report = focusReport(input([], { daysOff: ['2026-03-25'] }), WEEK);
      assert.equal(report.blocks.length, 4);
      assert.equal(report.days[2]!.workingMinutes, 0);
    });
  });

  describe('block use', () => {
    const meetings = [event('Standup', WED('11:00'), WED('11:30'))];

    it('counts coding inside each block up to now; a block is used from half of it coded', () => {
      // Blocks 09:00–11:00 and 11:30–18:00; now 15:00.
      const coding = [span(WED('09:00'), WED('10:00')), span(WED('10:50'), WED('11:40')), span(WED('12:00'), WED('13:00'))];
      const blocks = focusBlockUse(input(meetings, { coding, now: WED('15:00') }), DAY);
      assert.deepEqual(
        blocks.map((b) => [b.codingMinutes, b.used, b.ahead]),
        [
          [70, true, false],
          [70, false, false],
        ],
      );
      const report = focusReport(input(meetings, { coding, now: WED('15:00') }), DAY);
      assert.equal(report.usedBlocks, 1);
      assert.equal(report.pastBlocks, 2);
      const day = report.days[0]!;
      assert.deepEqual([day.focusCodedMinutes, day.focusUncodedMinutes, day.focusAheadMinutes], [140, 120 + 210 - 140, 180]);
    });

    it('shows the part of the week after now as ahead, with nothing counted in it', () => {
      const report = focusReport(input([], { now: WED('10:00'), coding: [span('2026-03-23T09:00:00+01:00', '2026-03-23T15:00:00+01:00')] }), WEEK);
      assert.deepEqual(
        report.blocks.map((b) => [b.used, b.ahead]),
        [
          [true, false],
          [false, false],
          [false, false],
          [false, true],
          [false, true],
        ],
      );
      assert.equal(report.pastBlocks, 3);
      assert.equal(report.usedBlocks, 1);
      assert.equal(focusMinutesLeft(report.blocks, at(WED('10:00')), at('2026-03-26T00:00:00+01:00')), 480);
      assert.equal(focusMinutesLeft(report.blocks, at(WED('10:00')), WEEK.end), 480 + 2 * 540);
    });
  });

  describe('re-entry', () => {
    it('measures the minutes from the end of each meeting to the next coding, with no return and undecided ones', () => {
      const occurrences = [
        event('A', WED('09:00'), WED('10:00')), // back at 10:14
        event('B', WED('11:00'), WED('11:30')), // coding ran through the end: 0
        event('C', WED('13:00'), WED('14:00')), // nothing before D at 15:00: no return
        event('D', WED('15:00'), WED('15:30')), // next coding 15:40: 10
        event('E', WED('16:00'), WED('16:30')), // now is 16:45 and the day runs to 18:00: not judged yet
        event('Late', WED('18:00'), WED('19:00')), // ends outside working time
      ];
      const coding = [span(WED('10:14'), WED('10:40')), span(WED('11:20'), WED('11:50')), span(WED('15:40'), WED('15:50'))];
      assert.deepEqual(reentry(input(occurrences, { coding, now: WED('16:45') }), DAY), { medianMinutes: 10, samples: 3, noReturn: 1 });
      // Once the working day is over without coding, E counts as no return.
      assert.deepEqual(reentry(input(occurrences, { coding, now: WED('18:30') }), DAY), { medianMinutes: 10, samples: 3, noReturn: 2 });
    });

    it('treats back-to-back meetings as one and takes the median of an even count as the mean of the middle two', () => {
      const occurrences = [event('A', WED('09:00'), WED('10:00')), event('B', WED('10:00'), WED('10:30')), event('C', WED('12:00'), WED('12:30'))];
      const coding = [span(WED('10:50'), WED('11:00')), span(WED('12:40'), WED('13:00'))];
      assert.deepEqual(reentry(input(occurrences, { coding, now: WED('17:00') }), DAY), { medianMinutes: 15, samples: 2, noReturn: 0 });
    });

    it('counts a meeting that ends the working day as no sample at all', () => {
      assert.deepEqual(reentry(input([event('Wrap-up', WED('17:00'), WED('18:00'))], { now: WED('19:00') }), DAY), { medianMinutes: undefined, samples: 0, noReturn: 0 });
    });
  });

  describe('focus cost of meetings', () => {
    it('makes a 30-minute meeting in the middle of a free morning cost the whole block', () => {
      const occurrences = [event('Lunch', WED('12:00'), WED('13:00'), 'break'), event('Afternoon', WED('13:00'), WED('18:00')), event('Quick chat', WED('10:30'), WED('11:00'))];
      assert.deepEqual(meetingSeriesCosts(input(occurrences), DAY), [
        { title: 'Afternoon', occurrences: 1, minutes: 300, focusCostMinutes: 300 },
        { title: 'Quick chat', occurrences: 1, minutes: 30, focusCostMinutes: 180 },
      ]);
    });

    it('costs nothing when the time was no block anyway, or another meeting covers it', () => {
      const occurrences = [event('A', WED('10:00'), WED('11:00')), event('B', WED('10:30'), WED('11:30')), event('Tail', WED('17:00'), WED('17:30'))];
      const costs = meetingSeriesCosts(input(occurrences), DAY);
      // Without A, B still covers 10:30–11:30: nothing gained. Without B, 11:00–17:00 is 30 min longer. Without Tail, 11:30–18:00 is 60 min longer.
      assert.deepEqual(
        costs.map((c) => [c.title, c.focusCostMinutes]),
        [
          ['Tail', 60],
          ['B', 30],
          ['A', 0],
        ],
      );
    });

    it('sums a recurring series across days by UID, joins one-offs of the same title, and groups other one-offs by title', () => {
      const daily = (d: string) => event('Weekly sync', `2026-03-${d}T10:00:00+01:00`, `2026-03-${d}T10:30:00+01:00`, 'counted', 'sync-uid');
      const occurrences = [
        daily('23'),
        daily('24'),
        event('weekly sync ', '2026-03-26T10:00:00+01:00', '2026-03-26T11:00:00+01:00'),
        event('Hiring chat', '2026-03-23T16:00:00+01:00', '2026-03-23T16:30:00+01:00'),
        event('Hiring chat', '2026-03-24T16:00:00+01:00', '2026-03-24T16:30:00+01:00'),
        event('Lunch', '2026-03-23T12:00:00+01:00', '2026-03-23T13:00:00+01:00', 'break'),
      ];
      const costs = meetingSeriesCosts(input(occurrences), WEEK);
      assert.deepEqual(
        costs.map((c) => [c.title, c.occurrences, c.minutes]),
        [
          ['Weekly sync', 3, 120],
          ['Hiring chat', 2, 60],
        ],
      );
      // Mon: without the sync, 09:00–12:00 is one block (180); with it, 10:30–12:00 is too short → 180.
      // Tue: 09:00–16:00 without vs 10:30–16:00 with (09:00–10:00 too short) → 90. Thu: 09:00–18:00 vs 11:00–18:00 → 120.
      assert.equal(costs[0]!.focusCostMinutes, 180 + 90 + 120);
      // Hiring chat: Mon 13:00–18:00 vs 13:00–16:00 + 16:30–18:00 → 120; Tue 10:30–18:00 vs 10:30–16:00 → 120.
      assert.equal(costs[1]!.focusCostMinutes, 120 + 120);
    });

    it('orders series by cost, then minutes, then title', () => {
      const occurrences = [event('Zeta', WED('09:00'), WED('18:00')), event('Alpha', '2026-03-26T09:00:00+01:00', '2026-03-26T18:00:00+01:00'), event('Evening', WED('19:00'), WED('20:00'))];
      assert.deepEqual(
        meetingSeriesCosts(input(occurrences), WEEK).map((c) => c.title),
        ['Alpha', 'Zeta', 'Evening'],
      );
    });
  });
});
