import * as assert from 'node:assert/strict';
import type { ActivitySpan } from '../../../src/core/activity/activitySpan';
import { computeBalance } from '../../../src/core/balance/computeBalance';
import { gatherBalanceInputs, meetingTimeIn } from '../../../src/core/balance/gatherInputs';
import { meetingIntervals } from '../../../src/core/calendar/meetingTime';
import type { CalendarPart } from '../../../src/core/calendar/mergeCalendars';
import type { Occurrence, Reason } from '../../../src/core/calendar/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { computeSkills, skillsRange, type Skills } from '../../../src/core/skills/skills';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import type { Interval } from '../../../src/core/time/interval';
import { startOfLocalDate } from '../../../src/core/time/localDays';

const ZONE = 'Europe/Berlin';
const DATE = '2026-12-03';

function at(date: string, hour: number, minute = 0): number {
  return startOfLocalDate(date, ZONE) + hour * HOUR_MS + minute * MINUTE_MS;
}

function span(date: string, hour: number, minute: number, minutes: number, language = 'rust'): ActivitySpan {
  const start = at(date, hour, minute);
  return { start, end: start + minutes * MINUTE_MS, language };
}

function occurrence(date: string, hour: number, minutes: number, reason: Reason = 'counted'): Occurrence {
  const start = at(date, hour);
  return { start, end: start + minutes * MINUTE_MS, title: `meeting ${reason}`, uid: `${date}-${hour}-${reason}`, allDay: false, counted: reason === 'counted', reason };
}

function monthOf(skills: Skills, month: string) {
  const found = skills.monthlyShare.find((m) => m.month === month);
  assert.ok(found, `no month ${month}`);
  return found;
}

describe('skills: the monthly hands-on share against meetings', () => {
  it('has one entry per month of the period, oldest first, the months of monthlyHandsOnMinutes', () => {
    const skills = computeSkills({ spans: [span('2026-03-05', 9, 0, 60)], characters: [] }, { date: DATE, zone: ZONE });
    assert.deepEqual(
      skills.monthlyShare.map((m) => m.month),
      skills.months,
    );
    assert.equal(skills.monthlyShare.length, 12);
  });

  it("splits time at the zone's month boundaries, not UTC's", () => {
    // 28 February 23:30 to 1 March 00:30 in Berlin is 22:30–23:30 UTC on 28 February: half of it is March here.
    const coding = span('2026-02-28', 23, 30, 60);
    const meeting = occurrence('2026-02-28', 23, 75);
    const skills = computeSkills({ spans: [coding], characters: [], meetings: meetingIntervals([meeting]) }, { date: DATE, zone: ZONE });
    assert.deepEqual(monthOf(skills, '2026-02'), { month: '2026-02', handsOnMinutes: 30, meetingMinutes: 60, handsOnShare: (30 / 90) * 100 });
    assert.deepEqual(monthOf(skills, '2026-03'), { month: '2026-03', handsOnMinutes: 30, meetingMinutes: 15, handsOnShare: (30 / 45) * 100 });
  });

  it('gives a month with neither coding nor meetings a null share, and one with only coding 100 %', () => {
    const skills = computeSkills({ spans: [span('2026-05-04', 9, 0, 90)], characters: [], meetings: [] }, { date: DATE, zone: ZONE });
    assert.deepEqual(monthOf(skills, '2026-04'), { month: '2026-04', handsOnMinutes: 0, meetingMinutes: 0, handsOnShare: null });
    assert.equal(monthOf(skills, '2026-05').handsOnShare, 100);
    // Only meetings: 0 %, not null.
    const meetingsOnly = computeSkills({ spans: [], characters: [], meetings: meetingIntervals([occurrence('2026-06-02', 10, 30)]) }, { date: DATE, zone: ZONE });
    assert.equal(monthOf(meetingsOnly, '2026-06').handsOnShare, 0);
  });

  it('counts meetings with the balance rules: calendars and logged meetings, overlaps once, only counted ones, only once happened', () => {
    const { range } = skillsRange({ date: DATE, zone: ZONE });
    const calendars: CalendarPart[] = [
      { occurrences: [occurrence('2026-12-01', 10, 60), occurrence('2026-12-01', 10, 30), occurrence('2026-12-01', 14, 60, 'declined'), occurrence('2026-12-03', 15, 60)], daysOff: [] },
      // A second calendar with the same hour (an invitation in two calendars), and one all-day event that is not a meeting.
      { occurrences: [occurrence('2026-12-01', 10, 60), { ...occurrence('2026-12-02', 0, 24 * 60, 'all-day'), allDay: true }], daysOff: [] },
    ];
    // Logged by hand, overlapping the calendar's meeting by half an hour.
    const logged: Interval[] = [{ start: at('2026-12-01', 10, 30), end: at('2026-12-01', 11, 30) }];
    const meetings = meetingTimeIn(calendars, logged, range, ZONE);
    // The user coded during half of the 10:00 meeting: that half counts in both figures, as in the balance.
    const spans = [span('2026-12-01', 10, 30, 90), span('2026-12-02', 9, 0, 60, 'go')];
    const now = at('2026-12-03', 15, 30);
    const skills = computeSkills({ spans, characters: [], meetings }, { date: DATE, zone: ZONE, now });
    const december = monthOf(skills, '2026-12');
    // 10:00–11:30 on 1 December (calendars and logged, each minute once), and 15:00–15:30 on 3 December (the rest is to come).
    assert.equal(december.meetingMinutes, 90 + 30);
    assert.equal(december.handsOnMinutes, 150);

    // The same month through the balance's own path gives the same figures.
    const inputs = gatherBalanceInputs({
      now,
      zone: ZONE,
      settings: DEFAULT_SETTINGS,
      range,
      journal: { union: spans, agent: [], agentByName: {}, characters: [], minutesByWorkspace: {}, minutesByLanguage: {}, minutesBySource: {}, meetings: logged },
      calendars,
      sources: [],
    });
    const balance = computeBalance({ coding: inputs.coding, meetings: meetingIntervals(inputs.occurrences), period: { start: at('2026-12-01', 0), end: range.end }, now, settings: DEFAULT_SETTINGS, zone: ZONE });
    assert.deepEqual([december.handsOnMinutes, december.meetingMinutes, december.handsOnShare], [balance.codingMinutes, balance.meetingMinutes, balance.handsOnPercent]);
  });

  it('counts the whole last day when no `now` is given (a past date), and no meeting after `now`', () => {
    const meetings = meetingIntervals([occurrence('2026-12-03', 18, 60)]);
    assert.equal(monthOf(computeSkills({ spans: [], characters: [], meetings }, { date: DATE, zone: ZONE }), '2026-12').meetingMinutes, 60);
    assert.equal(monthOf(computeSkills({ spans: [], characters: [], meetings }, { date: DATE, zone: ZONE, now: at(DATE, 18, 15) }), '2026-12').meetingMinutes, 15);
  });

  it('takes only the user’s own hands: agent time is not hands-on time in the share', () => {
    const agent: ActivitySpan = { ...span('2026-11-10', 9, 0, 120), agent: 'claude-code' };
    const skills = computeSkills({ spans: [agent, span('2026-11-10', 14, 0, 30)], characters: [], meetings: meetingIntervals([occurrence('2026-11-11', 9, 30)]) }, { date: DATE, zone: ZONE });
    assert.deepEqual(monthOf(skills, '2026-11'), { month: '2026-11', handsOnMinutes: 30, meetingMinutes: 30, handsOnShare: 50 });
  });
});
