import * as assert from 'node:assert/strict';
import { byTitle, read } from './helpers';
import { meetingMinutesPerDay } from '../../../src/core/calendar/meetingTime';

const ME = { myEmails: ['mailto:ME@x.com'] };

describe('meeting rules', () => {
  const reasonOf = (title: string, rules = {}) => byTitle(read('rules.ics', { ...ME, ...rules }), title)[0]?.reason;

  it('counts a busy timed meeting with other people', () => assert.equal(reasonOf('Standup'), 'counted'));
  it('does not count TRANSP:TRANSPARENT', () => assert.equal(reasonOf('FYI'), 'free'));
  it('lets X-MICROSOFT-CDO-BUSYSTATUS decide over TRANSP', () => {
    assert.equal(reasonOf('Opaque but free'), 'free');
    assert.equal(reasonOf('Transparent but busy'), 'counted');
    assert.equal(reasonOf('Away'), 'out-of-office');
  });
  it('does not count cancelled events', () => assert.equal(reasonOf('Cancelled one'), 'cancelled'));
  it('never counts all-day events', () => assert.equal(reasonOf('Offsite'), 'all-day'));
  it('does not count what the user declined (case-insensitive, without mailto:)', () => assert.equal(reasonOf('Declined'), 'declined'));
  it('counts tentative unless countTentative is false', () => {
    assert.equal(reasonOf('Maybe'), 'counted');
    assert.equal(reasonOf('Maybe', { countTentative: false }), 'free');
  });
  it('does not count events without other people; rooms and resources are not people', () => {
    assert.equal(reasonOf('Deep work'), 'no-other-attendees');
    assert.equal(reasonOf('Room booking'), 'no-other-attendees');
  });
  it('excludes titles containing a keyword, case-insensitively', () => {
    assert.equal(reasonOf('team lunch', { breakKeywords: [], excludeKeywords: ['LUNCH'] }), 'excluded-keyword');
    assert.equal(reasonOf('Standup', { excludeKeywords: ['STAND'] }), 'excluded-keyword');
  });
  it('makes busy events titled with a break keyword breaks, not meetings, even with other people', () => {
    assert.equal(reasonOf('team lunch'), 'break');
    assert.equal(reasonOf('team lunch', { breakKeywords: ['Siesta'] }), 'counted');
    assert.equal(reasonOf('Standup', { breakKeywords: ['stand'], excludeKeywords: ['stand'] }), 'break');
  });
  it('never makes a free, declined or cancelled event a break', () => {
    assert.equal(reasonOf('FYI', { breakKeywords: ['FYI'] }), 'free');
    assert.equal(reasonOf('Declined', { breakKeywords: ['Declined'] }), 'declined');
    assert.equal(reasonOf('Cancelled one', { breakKeywords: ['Cancelled'] }), 'cancelled');
  });
  it('counts busy events of feeds without any attendee data', () => {
    assert.equal(read('no-attendees-feed.ics').occurrences[0]!.reason, 'counted');
  });
  it('does not count a cancelled series nor a cancelled instance', () => {
    const result = read('cancelled-series.ics');
    assert.deepEqual(byTitle(result, 'Weekly').map((o) => o.reason), ['cancelled']);
    assert.deepEqual(byTitle(result, 'Daily').map((o) => o.reason), ['counted', 'cancelled', 'counted']);
  });
  it('excludes a single declined instance of a series on its own', () => {
    const result = read('declined-instance.ics', ME);
    assert.deepEqual(result.occurrences.map((o) => o.reason), ['counted', 'declined', 'counted']);
  });
  it('keeps busy or out-of-office all-day events as days off, not birthdays', () => {
    const result = read('rules.ics', ME);
    // The Offsite has other attendees: a busy all-day event with people is an event, not time off.
    assert.deepEqual(result.daysOff, ['2024-03-07', '2024-03-08']);
  });
  it('counts overlapping meetings once, per local day', () => {
    const result = read('rules.ics', ME);
    const days = meetingMinutesPerDay(result.occurrences, '2024-03-04', '2024-03-06', 'UTC');
    // 4th: Standup 30 + Transparent-but-busy 30; 5th: Maybe 60; 6th: overlap 9:00–10:30.
    assert.deepEqual(days.map((d) => d.minutes), [60, 60, 90]);
  });
});
