/**
 * Hostile calendars: `hands-on meetings` as a whole process on one file per event that once hung, blanked or
 * bloated a calendar (issue 11), each next to a normal meeting. Prints wall time and peak memory per input.
 * Needs `npm run build` (dist/cli.js and dist/calendarWorker.js).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const cli = path.join(repoRoot, 'dist/cli.js');
const rssReporter = path.join(__dirname, 'rssAtExit.js');

const HOSTILE: Record<string, string[]> = {
  weekly_interval_999999999: ['DTSTART:20231120T090000Z', 'DTEND:20231120T093000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=999999999'],
  daily_interval_999999999_since_2020: ['DTSTART:20200106T090000Z', 'DTEND:20200106T093000Z', 'RRULE:FREQ=DAILY;INTERVAL=999999999'],
  allday_duration_p9999999999999999999d: ['DTSTART;VALUE=DATE:20231120', 'DURATION:P9999999999999999999D'],
  timed_duration_p99999999w: ['DTSTART:20231120T090000Z', 'DURATION:P99999999W'],
  allday_until_9999_12_31: ['DTSTART;VALUE=DATE:20231120', 'DTEND;VALUE=DATE:99991231'],
  allday_until_2199_12_31: ['DTSTART;VALUE=DATE:20231120', 'DTEND;VALUE=DATE:21991231'],
  rdate_in_utc_and_berlin: ['DTSTART;TZID=America/Los_Angeles:20231120T090000', 'DTEND;TZID=America/Los_Angeles:20231120T093000', 'RDATE:20231123T090000Z', 'RDATE;TZID=Europe/Berlin:20231124T090000'],
  bare_date_exdate: ['DTSTART:20200102T090000Z', 'DTEND:20200102T093000Z', 'RRULE:FREQ=WEEKLY', 'EXDATE:20200116'],
  impossible_yearly_rule: ['DTSTART:20151120T090000Z', 'DTEND:20151120T093000Z', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;INTERVAL=999999999'],
  secondly_rule: ['DTSTART:20231120T090000Z', 'DTEND:20231120T090001Z', 'RRULE:FREQ=SECONDLY'],
};

function calendar(lines: string[]): string {
  const event = (body: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20231101T000000Z', ...body, 'END:VEVENT'].join('\r\n');
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', event(['UID:good', 'SUMMARY:Good', 'DTSTART:20231121T100000Z', 'DTEND:20231121T110000Z']), event(['UID:hostile', 'SUMMARY:Hostile', ...lines]), 'END:VCALENDAR', ''].join('\r\n');
}

if (!fs.existsSync(cli)) {
  console.log(`hostile skipped: needs ${cli}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-hostile-'));
  let slowest = 0;
  let largest = 0;
  for (const [name, lines] of Object.entries(HOSTILE)) {
    const file = path.join(dir, `${name}.ics`);
    fs.writeFileSync(file, calendar(lines));
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-r', rssReporter, cli, 'meetings', '--calendar', file, '--from', '2023-11-20', '--to', '2023-11-26', '--tz', 'UTC', '--json'], { encoding: 'utf8', timeout: 60_000 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const mib = Number(/maxrss_kib=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
    const good = run.status === 0 && JSON.parse(run.stdout).occurrences.some((o: { title: string; counted: boolean }) => o.title === 'Good' && o.counted);
    slowest = Math.max(slowest, ms);
    largest = Math.max(largest, mib);
    console.log(`hostile.${name} ${ms.toFixed(0)} ms, ${mib.toFixed(0)} MiB, exit ${run.status}, good meeting ${good ? 'counted' : 'LOST'}`);
  }
  console.log(`hostile.slowest_ms ${slowest.toFixed(0)}`);
  console.log(`hostile.largest_peak_rss_mib ${largest.toFixed(0)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
