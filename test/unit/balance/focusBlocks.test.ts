import * as assert from 'node:assert/strict';
import { focusBlocksIn, focusBlocksRestOfToday, focusBlocksRestOfWeek, focusBlocksToday, type FocusBlockInput } from '../../../src/core/balance/focusBlocks';
import { isInMeeting, meetingAt, nextMeeting } from '../../../src/core/balance/meetings';
import { isWorkingTime, workingIntervals } from '../../../src/core/balance/workingTime';
import { at, settingsWith, span } from './helpers';

const BERLIN = 'Europe/Berlin';

function input(meetings = [span('2026-03-25T10:00:00+01:00', '2026-03-25T11:30:00+01:00'), span('2026-03-25T12:00:00+01:00', '2026-03-25T14:00:00+01:00')], extra: Partial<FocusBlockInput> = {}): FocusBlockInput {
  return { meetings, breaks: [], zone: BERLIN, settings: settingsWith({ focusBlockMinutes: 60 }), ...extra };
}

describe('focus blocks', () => {
  it('finds gaps of at least focusBlockMinutes between meetings inside working hours', () => {
    const blocks = focusBlocksIn(span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00'), input());
    // 09:00–10:00 (60) kept, 11:30–12:00 (30) too short, 14:00–18:00 kept.
    assert.deepEqual(blocks, [span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00'), span('2026-03-25T14:00:00+01:00', '2026-03-25T18:00:00+01:00')]);
  });

  it('respects a longer minimum', () => {
    const blocks = focusBlocksIn(span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00'), input(undefined, { settings: settingsWith({ focusBlockMinutes: 90 }) }));
    assert.deepEqual(blocks, [span('2026-03-25T14:00:00+01:00', '2026-03-25T18:00:00+01:00')]);
  });

  it('starts the rest of today at now and drops what is left if too short', () => {
    assert.deepEqual(focusBlocksRestOfToday(at('2026-03-25T09:30:00+01:00'), input()), [span('2026-03-25T14:00:00+01:00', '2026-03-25T18:00:00+01:00')]);
    assert.deepEqual(focusBlocksRestOfToday(at('2026-03-25T15:00:00+01:00'), input()), [span('2026-03-25T15:00:00+01:00', '2026-03-25T18:00:00+01:00')]);
    assert.deepEqual(focusBlocksRestOfToday(at('2026-03-25T17:30:00+01:00'), input()), []);
  });

  it("shows today's whole timeline, past blocks included", () => {
    assert.equal(focusBlocksToday(at('2026-03-25T16:00:00+01:00'), input()).length, 2);
  });

  it('covers the rest of the week, skipping weekends and days off, across the DST change', () => {
    const blocks = focusBlocksRestOfWeek(at('2026-03-26T17:00:00+01:00'), input([], { daysOff: ['2026-03-27'] }));
    assert.deepEqual(blocks, [span('2026-03-26T17:00:00+01:00', '2026-03-26T18:00:00+01:00')]);
    const nextWeek = focusBlocksRestOfWeek(at('2026-03-30T08:00:00+02:00'), input([]));
    assert.equal(nextWeek.length, 5);
    assert.deepEqual(nextWeek[0], span('2026-03-30T09:00:00+02:00', '2026-03-30T18:00:00+02:00'));
  });

  it('is empty on a day fully booked with meetings', () => {
    const blocks = focusBlocksIn(span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00'), input([span('2026-03-25T08:00:00+01:00', '2026-03-25T19:00:00+01:00')]));
    assert.deepEqual(blocks, []);
  });

  it('runs to midnight with 24:00 as the end of work hours', () => {
    const blocks = focusBlocksIn(span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00'), input([], { settings: settingsWith({ workHours: { start: '20:00', end: '24:00' } }) }));
    assert.deepEqual(blocks, [span('2026-03-25T20:00:00+01:00', '2026-03-26T00:00:00+01:00')]);
  });
});

describe('working time', () => {
  const rules = { workDays: settingsWith({}).workDays, workHours: { start: '09:00', end: '18:00' }, daysOff: ['2026-03-24'] };

  it('lists working hours per working day in the zone, without days off and weekends', () => {
    const week = workingIntervals(span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), BERLIN, rules);
    assert.equal(week.length, 4);
    assert.deepEqual(week[0], span('2026-03-23T09:00:00+01:00', '2026-03-23T18:00:00+01:00'));
  });

  it('knows whether now is inside working hours (start inclusive, end exclusive)', () => {
    assert.equal(isWorkingTime(at('2026-03-25T09:00:00+01:00'), BERLIN, rules), true);
    assert.equal(isWorkingTime(at('2026-03-25T18:00:00+01:00'), BERLIN, rules), false);
    assert.equal(isWorkingTime(at('2026-03-25T08:59:00+01:00'), BERLIN, rules), false);
    assert.equal(isWorkingTime(at('2026-03-24T10:00:00+01:00'), BERLIN, rules), false);
    assert.equal(isWorkingTime(at('2026-03-28T10:00:00+01:00'), BERLIN, rules), false);
  });
});

describe('meetings around now', () => {
  const meetings = [span('2026-03-25T10:00:00+01:00', '2026-03-25T11:00:00+01:00'), span('2026-03-25T11:00:00+01:00', '2026-03-25T11:30:00+01:00'), span('2026-03-25T15:00:00+01:00', '2026-03-25T16:00:00+01:00')];

  it('finds the next meeting after now', () => {
    assert.deepEqual(nextMeeting(meetings, at('2026-03-25T10:30:00+01:00')), meetings[1]);
    assert.deepEqual(nextMeeting(meetings, at('2026-03-25T11:00:00+01:00')), meetings[2]);
    assert.equal(nextMeeting(meetings, at('2026-03-25T16:00:00+01:00')), undefined);
  });

  it('knows whether now is in a meeting, merging back-to-back ones', () => {
    assert.equal(isInMeeting(meetings, at('2026-03-25T10:00:00+01:00')), true);
    assert.deepEqual(meetingAt(meetings, at('2026-03-25T10:59:00+01:00')), span('2026-03-25T10:00:00+01:00', '2026-03-25T11:30:00+01:00'));
    assert.equal(isInMeeting(meetings, at('2026-03-25T11:30:00+01:00')), false);
  });
});
