import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/meetingsCommand';
import { fakeCliIO } from '../../builders/cliIO';
import { readCalendar } from '../../../src/core/calendar/readCalendar';
import { DEFAULT_RULES, type CalendarVerdicts } from '../../../src/core/calendar/types';
import { useTempDir } from '../../builders/tempDir';
import { iso } from './helpers';

/** Week of Mon 2023-11-20 in UTC: the window every case reads. */
const WEEK = { from: Date.UTC(2023, 10, 20), to: Date.UTC(2023, 10, 27) };
const GOOD = ['UID:good', 'SUMMARY:Good meeting', 'DTSTART:20231121T100000Z', 'DTEND:20231121T110000Z'];

function event(...lines: string[]): string {
  return ['BEGIN:VEVENT', 'DTSTAMP:20231101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
}

/** A calendar with one normal meeting, which must always still count, and the hostile event(s) under test. */
function calendar(...hostile: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hands-On//Hostile//EN', event(...GOOD), ...hostile.map((lines) => event(...lines)), 'END:VCALENDAR', ''].join('\r\n');
}

function read(text: string, window = WEEK, zone = 'UTC'): CalendarVerdicts {
  return readCalendar(text, { ...window, zone, rules: DEFAULT_RULES });
}

function startsOf(result: CalendarVerdicts, title: string): string[] {
  return result.occurrences.filter((o) => o.title === title).map((o) => iso(o.start));
}

/** The normal meeting is there and counted, and no warning carries a JavaScript error text. */
function assertGoodMeetingSurvives(result: CalendarVerdicts): void {
  assert.deepEqual(
    result.occurrences.filter((o) => o.title === 'Good meeting').map((o) => [iso(o.start), o.counted]),
    [['2023-11-21T10:00:00Z', true]],
  );
  for (const warning of result.warnings) assert.doesNotMatch(warning, /Invalid time value|TypeError|RangeError|undefined|null|\bat \w+ \(/, warning);
}

describe('hostile calendar events', () => {
  describe('huge recurrence intervals', () => {
    for (const freq of ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']) {
      it(`FREQ=${freq};INTERVAL=999999999 gives its first date only`, () => {
        const result = read(calendar(['UID:huge', 'SUMMARY:Huge', 'DTSTART:20231120T090000Z', 'DTEND:20231120T093000Z', `RRULE:FREQ=${freq};INTERVAL=999999999`]));
        assertGoodMeetingSurvives(result);
        assert.deepEqual(startsOf(result, 'Huge'), ['2023-11-20T09:00:00Z']);
      });
    }

    it('keeps every date of the first period (BYDAY) and none of a series that began before the window', () => {
      const result = read(
        calendar(
          ['UID:first', 'SUMMARY:First week', 'DTSTART:20231120T090000Z', 'DTEND:20231120T093000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=999999999;BYDAY=MO,WE,FR'],
          ['UID:old', 'SUMMARY:Old', 'DTSTART:20200106T090000Z', 'DTEND:20200106T093000Z', 'RRULE:FREQ=DAILY;INTERVAL=2147483647'],
        ),
      );
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'First week'), ['2023-11-20T09:00:00Z', '2023-11-22T09:00:00Z', '2023-11-24T09:00:00Z']);
      assert.deepEqual(startsOf(result, 'Old'), []);
    });

    it('still expands a large interval that can reach the window', () => {
      const result = read(calendar(['UID:big', 'SUMMARY:Every 1000 days', 'DTSTART:20210224T090000Z', 'DTEND:20210224T093000Z', 'RRULE:FREQ=DAILY;INTERVAL=1000']));
      assert.deepEqual(startsOf(result, 'Every 1000 days'), ['2023-11-21T09:00:00Z']);
    });
  });

  describe('absurd durations and ends', () => {
    it('skips an all-day event with DURATION:P9999999999999999999D, naming it and the property', () => {
      const result = read(calendar(['UID:h2', 'SUMMARY:Endless all-day', 'DTSTART;VALUE=DATE:20231120', 'DURATION:P9999999999999999999D']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Endless all-day'), []);
      assert.ok(result.warnings.some((w) => w.startsWith('"Endless all-day" (UID h2) skipped: its DURATION lies after the year 2200')), result.warnings.join('\n'));
      assert.deepEqual(result.daysOff, []);
    });

    it('skips a timed event with DURATION:P99999999W instead of losing the calendar', () => {
      const result = read(calendar(['UID:h3', 'SUMMARY:Endless timed', 'DTSTART:20231120T090000Z', 'DURATION:P99999999W']));
      assertGoodMeetingSurvives(result);
      assert.equal(result.occurrences.length, 1);
      assert.ok(result.warnings.some((w) => /"Endless timed" \(UID h3\) skipped: its DURATION/.test(w)), result.warnings.join('\n'));
    });

    it('skips an event whose DTEND lies after 2200, and never reaches one that starts after it', () => {
      const result = read(
        calendar(
          ['UID:far-end', 'SUMMARY:Far end', 'DTSTART;VALUE=DATE:20231120', 'DTEND;VALUE=DATE:99991231'],
          ['UID:far-start', 'SUMMARY:Far start', 'DTSTART:99991231T090000Z', 'DTEND:99991231T100000Z'],
        ),
      );
      assertGoodMeetingSurvives(result);
      assert.equal(result.occurrences.length, 1);
      assert.ok(result.warnings.some((w) => /"Far end" .* its DTEND lies after the year 2200/.test(w)), result.warnings.join('\n'));
    });

    it('does not count a timed event of 24 hours or more as a meeting', () => {
      const result = read(
        calendar(
          ['UID:long', 'SUMMARY:Offsite', 'DTSTART:20231122T080000Z', 'DTEND:20231123T080000Z'],
          ['UID:short', 'SUMMARY:Long workshop', 'DTSTART:20231123T080000Z', 'DTEND:20231124T075900Z'],
          ['UID:away', 'SUMMARY:Conference', 'DTSTART:20231124T080000Z', 'DTEND:20231126T080000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
        ),
      );
      assertGoodMeetingSurvives(result);
      // A timed out-of-office keeps its own verdict however long: it is a break for focus, not free time.
      assert.deepEqual(
        result.occurrences.filter((o) => o.title !== 'Good meeting').map((o) => [o.title, o.reason]),
        [
          ['Offsite', 'too-long'],
          ['Long workshop', 'counted'],
          ['Conference', 'out-of-office'],
        ],
      );
    });

    it('clips the days off of an all-day span that runs for a century to the window asked for', () => {
      const result = read(calendar(['UID:leave', 'SUMMARY:Leave', 'DTSTART;VALUE=DATE:20200101', 'DTEND;VALUE=DATE:21500101']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(result.daysOff, ['2023-11-20', '2023-11-21', '2023-11-22', '2023-11-23', '2023-11-24', '2023-11-25', '2023-11-26']);
    });

    it('skips a repeating event whose every instance lasts more than a year', () => {
      const result = read(
        calendar(
          ['UID:daily-leave', 'SUMMARY:Daily leave', 'DTSTART;VALUE=DATE:20231101', 'DTEND;VALUE=DATE:21500101', 'RRULE:FREQ=DAILY'],
          ['UID:daily-timed', 'SUMMARY:Forever call', 'DTSTART:00010101T090000Z', 'DTEND:20231120T093000Z', 'RRULE:FREQ=DAILY'],
        ),
      );
      assertGoodMeetingSurvives(result);
      assert.equal(result.occurrences.length, 1);
      assert.deepEqual(result.daysOff, []);
      assert.ok(result.warnings.some((w) => /"Daily leave" .* its DTEND makes a repeating event last more than a year/.test(w)), result.warnings.join('\n'));
      assert.ok(result.warnings.some((w) => /"Forever call" .* its DTEND makes a timed event last more than a year/.test(w)), result.warnings.join('\n'));
    });

    it('clips a long all-day instance of a series to the window', () => {
      const result = read(calendar(['UID:sabbatical', 'SUMMARY:Sabbatical', 'DTSTART;VALUE=DATE:20230601', 'DTEND;VALUE=DATE:20240501', 'RRULE:FREQ=YEARLY;COUNT=2']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(result.occurrences.filter((o) => o.title === 'Sabbatical').map((o) => [iso(o.start), iso(o.end)]), [['2023-06-01T00:00:00Z', '2023-11-27T00:00:00Z']]);
      assert.equal(result.daysOff.length, 7);
    });

    it('stops an RRULE that no date can match instead of looping forever', () => {
      const result = read(calendar(['UID:never', 'SUMMARY:Never', 'DTSTART:20151120T090000Z', 'DTEND:20151120T093000Z', 'RRULE:FREQ=YEARLY;INTERVAL=999999999;BYMONTH=2;BYMONTHDAY=30']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Never'), []);
    });

    it('caps a series at 5000 dates inside the window', () => {
      const result = read(calendar(['UID:secondly', 'SUMMARY:Every second', 'DTSTART:20231120T090000Z', 'DTEND:20231120T090001Z', 'RRULE:FREQ=SECONDLY']));
      assertGoodMeetingSurvives(result);
      assert.equal(startsOf(result, 'Every second').length, 5000);
      assert.ok(result.warnings.some((w) => /"Every second" .* more than 5000 dates in the window/.test(w)), result.warnings.join('\n'));
    });
  });

  describe('RDATE per RFC 5545', () => {
    const series = ['UID:rdate', 'SUMMARY:Rdate series', 'DTSTART;TZID=America/Los_Angeles:20231120T090000', 'DTEND;TZID=America/Los_Angeles:20231120T093000'];

    it('reads an RDATE in UTC or in its own TZID, not in DTSTART’s zone', () => {
      const result = read(calendar([...series, 'RDATE:20231123T090000Z', 'RDATE;TZID=Europe/Berlin:20231124T090000']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Rdate series'), ['2023-11-20T17:00:00Z', '2023-11-23T09:00:00Z', '2023-11-24T08:00:00Z']);
    });

    it('reads a floating RDATE in DTSTART’s zone', () => {
      const result = read(calendar([...series, 'RDATE:20231123T090000']));
      assert.deepEqual(startsOf(result, 'Rdate series'), ['2023-11-20T17:00:00Z', '2023-11-23T17:00:00Z']);
    });

    it('moves an RDATE instance with a RECURRENCE-ID and leaves no phantom copy', () => {
      const moved = ['UID:rdate', 'SUMMARY:Moved', 'RECURRENCE-ID:20231123T090000Z', 'DTSTART:20231123T150000Z', 'DTEND:20231123T153000Z'];
      const result = read(calendar([...series, 'RDATE:20231123T090000Z'], moved));
      assert.deepEqual(
        result.occurrences.filter((o) => o.uid === 'rdate').map((o) => `${iso(o.start)} ${o.title}`),
        ['2023-11-20T17:00:00Z Rdate series', '2023-11-23T15:00:00Z Moved'],
      );
    });
  });

  describe('malformed exclusions and rules', () => {
    const weekly = ['UID:weekly', 'SUMMARY:Weekly', 'DTSTART:20231106T090000Z', 'DTEND:20231106T093000Z', 'RRULE:FREQ=WEEKLY'];

    it('reads EXDATE:20231120 (a date without VALUE=DATE) as that date, and keeps the series', () => {
      const result = read(calendar([...weekly, 'EXDATE:20231120']), { from: Date.UTC(2023, 10, 13), to: Date.UTC(2023, 10, 28) });
      assert.deepEqual(startsOf(result, 'Weekly'), ['2023-11-13T09:00:00Z', '2023-11-27T09:00:00Z']);
      assert.ok(!result.warnings.some((w) => /skipped/.test(w)), result.warnings.join('\n'));
    });

    it('ignores an unreadable EXDATE with a warning, never the series', () => {
      const result = read(calendar([...weekly, 'EXDATE:2023-11-20T::', 'EXDATE:20231127T090000Z']), { from: Date.UTC(2023, 10, 13), to: Date.UTC(2023, 10, 28) });
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Weekly'), ['2023-11-13T09:00:00Z', '2023-11-20T09:00:00Z']);
      assert.ok(result.warnings.some((w) => /"Weekly" \(UID weekly\): an EXDATE value cannot be read and was ignored/.test(w)), result.warnings.join('\n'));
    });

    it('keeps the first date of an event whose RRULE cannot be read', () => {
      const result = read(calendar(['UID:bad-rule', 'SUMMARY:Bad rule', 'DTSTART:20231120T090000Z', 'DTEND:20231120T093000Z', 'RRULE:FREQ=WEEKLY;COUNT=x;UNTIL=zz']));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Bad rule'), ['2023-11-20T09:00:00Z']);
      assert.ok(result.warnings.includes('"Bad rule" (UID bad-rule): its RRULE cannot be read and was ignored'), result.warnings.join('\n'));
    });

    it('keeps a series whose override cannot be read, and names the override', () => {
      const broken = ['UID:weekly', 'SUMMARY:Broken move', 'RECURRENCE-ID:20231120T090000Z', 'DTSTART:2023-11-20T::', 'DTEND:20231120T110000Z'];
      const result = read(calendar(weekly, broken));
      assertGoodMeetingSurvives(result);
      assert.deepEqual(startsOf(result, 'Weekly'), ['2023-11-20T09:00:00Z']);
      assert.ok(result.warnings.some((w) => /"Broken move" \(UID weekly\) skipped: its DTSTART/.test(w)), result.warnings.join('\n'));
    });

    it('names at most five skipped events and counts the rest in one line', () => {
      const broken = Array.from({ length: 8 }, (_, i) => [`UID:b${i}`, `SUMMARY:Broken ${i}`, 'DTSTART:20231120T090000Z', 'DURATION:P99999999W']);
      const result = read(calendar(...broken));
      assertGoodMeetingSurvives(result);
      assert.equal(result.warnings.filter((w) => /^"Broken \d" .* skipped/.test(w)).length, 5);
      assert.ok(result.warnings.includes('3 more event(s) skipped for unreadable or impossible dates'), result.warnings.join('\n'));
    });
  });

  describe('hands-on meetings on a hostile file', () => {
    const dir = useTempDir();

    it('lists the good meetings, warns about the bad event, and exits 0', async () => {
      const file = path.join(dir.path, 'hostile.ics');
      fs.writeFileSync(file, calendar(['UID:h3', 'SUMMARY:Endless timed', 'DTSTART:20231120T090000Z', 'DURATION:P99999999W'], ['UID:h1', 'SUMMARY:Huge weekly', 'DTSTART:20231120T120000Z', 'DTEND:20231120T123000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=999999999']));
      const io = fakeCliIO({ now: WEEK.from });
      assert.equal(await run(['--calendar', file, '--from', '2023-11-20', '--to', '2023-11-26', '--tz', 'UTC', '--json'], io), 0);
      const json = JSON.parse(io.stdout.join(''));
      assert.equal(json.totalMeetingMinutes, 90);
      assert.ok(json.warnings.some((w: string) => /"Endless timed" \(UID h3\) skipped/.test(w)));
    });
  });
});
