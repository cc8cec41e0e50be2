import * as assert from 'node:assert/strict';
import { splitCalendar } from '../../../src/core/calendar/splitCalendar';
import { readCalendar } from '../../../src/core/calendar/readCalendar';
import { iso } from './helpers';

const WEEK = { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 2, 11), zone: 'UTC' };

function calendar(...events: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');
}

describe('splitCalendar (one pass)', () => {
  it('reads UID, dates, RRULE bounds and RANGE from folded lines, and builds the unfolded, repaired text on demand', () => {
    const text = calendar(
      ['UID:very-long-uid-', ' continued', 'DTSTART;TZID="W. Europe Standard Time:20240304T090000"', 'DTEND:20240304T', ' 100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO, TU;UNTIL=20240401T000000Z', 'SUMMARY:A'],
      ['UID:b', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20240305T090000Z', 'DTSTART:20240305T130000Z', 'DURATION:PT30M', 'RDATE:20240306T090000Z'],
    );
    const blocks = splitCalendar(text);
    const [a, b] = blocks.events;
    assert.equal(a!.uid, 'very-long-uid-continued');
    assert.equal(a!.startDay, 20240304);
    assert.equal(a!.endDay, 20240304);
    assert.equal(a!.ruleEndDay, 20240401);
    assert.ok(a!.hasRrule && !a!.hasRdate);
    assert.ok(b!.thisAndFuture && b!.hasDuration && b!.hasRdate && !b!.hasRrule);
    assert.equal(blocks.repairs, 2);
    assert.match(a!.text, /^BEGIN:VEVENT\r\nUID:very-long-uid-continued\r\nDTSTART;TZID="W. Europe Standard Time":20240304T090000\r\n/);
    assert.match(a!.text, /RRULE:FREQ=WEEKLY;BYDAY=MO,TU;UNTIL=20240401T000000Z\r\n/);
  });

  it('reads files whose lines end with a lone CR, and only counts ATTENDEE outside nested components', () => {
    const text = ['BEGIN:VCALENDAR', 'X-WR-CALNAME:Team', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20240304T090000Z', 'BEGIN:VALARM', 'ATTENDEE:mailto:me@x.com', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR'].join('\r');
    const blocks = splitCalendar(text);
    assert.equal(blocks.calendarName, 'Team');
    assert.equal(blocks.events.length, 1);
    assert.equal(blocks.hasAttendeeData, false);
  });
});

describe('skipping series that cannot reach the window', () => {
  it('skips a series whose UNTIL is long before the window, but keeps a long instance that starts before and ends inside', () => {
    const text = calendar(
      ['UID:ended', 'DTSTART:20230102T090000Z', 'DTEND:20230102T100000Z', 'RRULE:FREQ=WEEKLY;UNTIL=20230601T000000Z', 'SUMMARY:Ended'],
      ['UID:long', 'DTSTART;VALUE=DATE:20240201', 'DTEND;VALUE=DATE:20240206', 'RRULE:FREQ=MONTHLY;UNTIL=20240301', 'SUMMARY:Long'],
      ['UID:until-inside', 'DTSTART:20240101T090000Z', 'DTEND:20240101T100000Z', 'RRULE:FREQ=DAILY;UNTIL=20240305T090000Z', 'SUMMARY:Daily'],
    );
    const result = readCalendar(text, WEEK);
    assert.deepEqual(
      result.occurrences.map((o) => `${o.title} ${iso(o.start)}`),
      ['Long 2024-03-01T00:00:00Z', 'Daily 2024-03-04T09:00:00Z', 'Daily 2024-03-05T09:00:00Z'],
    );
  });

  it('keeps a whole UID when one of its blocks reaches the window (an override moved into it from an ended series)', () => {
    const text = calendar(
      ['UID:s', 'DTSTART:20230102T090000Z', 'DTEND:20230102T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'STATUS:CANCELLED', 'SUMMARY:Series'],
      ['UID:s', 'RECURRENCE-ID:20230109T090000Z', 'DTSTART:20240305T090000Z', 'DTEND:20240305T100000Z', 'SUMMARY:Moved far'],
    );
    const [moved] = readCalendar(text, WEEK).occurrences;
    assert.equal(moved?.title, 'Moved far');
    // The master decides for its overrides: a cancelled series cancels the moved instance too.
    assert.equal(moved?.reason, 'cancelled');
  });
});
