import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icsText, type TestMeeting } from '../builders/icsBuilder';
import { wednesdayAfternoon } from './calendarFiles';
import { eventually, extensionApi, setUserSetting, workDir } from './support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Events that once hung, blanked or bloated a calendar: each must cost only itself. */
const HOSTILE_EVENTS = [
  ['UID:hostile-interval', 'SUMMARY:Every billion weeks', 'DTSTART:20231120T090000Z', 'DTEND:20231120T093000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=999999999'],
  ['UID:hostile-duration', 'SUMMARY:Endless', 'DTSTART:20231120T090000Z', 'DURATION:P99999999W'],
  ['UID:hostile-allday', 'SUMMARY:Forever off', 'DTSTART;VALUE=DATE:20231120', 'DURATION:P9999999999999999999D'],
].map((lines) => ['BEGIN:VEVENT', 'DTSTAMP:20231101T000000Z', ...lines, 'END:VEVENT'].join('\r\n'));

function writeCalendar(name: string, meetings: readonly TestMeeting[], extraEvents: readonly string[] = []): string {
  const file = join(workDir(), name);
  writeFileSync(file, icsText(meetings).replace('END:VCALENDAR', [...extraEvents, 'END:VCALENDAR'].join('\r\n')));
  return file;
}

describe('A calendar with hostile events', function () {
  this.timeout(120_000);
  let wednesday: number;
  let second: string;
  const secondMeetings: TestMeeting[] = [];

  before(async () => {
    const api = await extensionApi();
    wednesday = wednesdayAfternoon(40);
    api.clock.set(wednesday);
    const hostile = writeCalendar('hostile.ics', [{ start: wednesday - 3 * HOUR, end: wednesday - 1.5 * HOUR, title: 'Planning' }], HOSTILE_EVENTS);
    secondMeetings.push({ start: wednesday - 5 * HOUR, end: wednesday - 4.5 * HOUR, title: 'Standup' });
    second = writeCalendar('second.ics', secondMeetings);
    await setUserSetting('calendar.files', [hostile, second]);
  });

  after(async () => {
    (await extensionApi()).clock.set(undefined);
    await setUserSetting('calendar.files', undefined);
  });

  it('counts its good meetings in the status bar and names the bad events in the tooltip', async () => {
    const api = await extensionApi();
    await eventually(async () => {
      await api.refreshCalendars();
      assert.equal((await api.update())?.period.meetingMinutes, 90 + 30);
    }, 30_000);
    await eventually(() => assert.equal(api.statusBar().text, '$(code) 0% hands-on'));
    const line = api.statusBar().tooltip.split('\n').find((l) => l.startsWith('- hostile\\.ics:')) ?? '';
    assert.match(line, /refreshed .* · \$\(warning\) "Endless" \\\(UID hostile\\-duration\\\) skipped: its DURATION lies after the year 2200/);
    assert.match(line, /\(\+1 more in the dashboard\)/);
    const secondLine = api.statusBar().tooltip.split('\n').find((l) => l.startsWith('- second\\.ics:')) ?? '';
    assert.match(secondLine, /^- second\\\.ics: refreshed [A-Z][a-z]{2} \d\d:\d\d$/, 'the other calendar reads cleanly');
    assert.doesNotMatch(line, /\$\(error\)/, 'the hostile calendar itself did not fail');
  });

  it('keeps the other calendar refreshing, and a refresh asked for during one is never lost', async () => {
    const api = await extensionApi();
    secondMeetings.push({ start: wednesday - 4 * HOUR, end: wednesday - 3.25 * HOUR, title: 'Review' });
    writeCalendar('second.ics', secondMeetings);
    await api.refreshCalendars();
    assert.equal((await api.update())?.period.meetingMinutes, 90 + 30 + 45);

    const running = api.refreshCalendars();
    secondMeetings.push({ start: wednesday - 1 * HOUR, end: wednesday - 0.75 * HOUR, title: 'Late call' });
    writeCalendar('second.ics', secondMeetings);
    const again = api.refreshCalendars();
    assert.notEqual(again, running, 'the second call waits for a run of its own');
    await again;
    assert.equal((await api.update())?.period.meetingMinutes, 90 + 30 + 45 + 15);
  });
});
