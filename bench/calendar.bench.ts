/**
 * Calendar benchmarks: (a) `hands-on meetings` on the 1.6 MB Google export, one week, as a whole process,
 * alternated with node-ical parsing and expanding the same week in its own process; (b) synthetic feeds of
 * 5k/10k/20k events parsed for one week, to show linear growth; (c) the window the extension keeps every calendar
 * expanded for (keptCalendarWindow: 53 weeks back, for the Skills tab's monthly share) against the 25 weeks the
 * dashboard's 12 + 12 weeks need, on the Google export and on a busy work calendar. Needs `npm run build` (dist/cli.js).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { keptCalendarWindow } from '../src/core/calendar/calendarWindow';
import { readCalendar } from '../src/core/calendar/readCalendar';
import { DAY_MS } from '../src/core/time/clock';
import { median } from './median';

const repoRoot = path.resolve(__dirname, '../..');
const corpusFile = path.resolve(repoRoot, '../shared/ics-corpus/google__huge_personal_export_2010-2019.ics');
// HANDS_ON_BENCH_CLI points at another build of the CLI (a minified one, say) to compare bundles.
const cli = process.env.HANDS_ON_BENCH_CLI ? path.resolve(process.env.HANDS_ON_BENCH_CLI) : path.join(repoRoot, 'dist/cli.js');
const nodeIcalChild = path.join(__dirname, 'nodeIcalWeek.js');
// Alternations of ours vs node-ical; whole processes are noisy, so the figure is a median over several.
const RUNS = Math.max(1, Number(process.env.HANDS_ON_BENCH_RUNS) || 7);

function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], cwd: repoRoot });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function processComparison(): void {
  if (!fs.existsSync(corpusFile) || !fs.existsSync(cli)) {
    console.log(`calendar.cli_week skipped: needs ${corpusFile} and ${cli}`);
    return;
  }
  const ourArgs = [cli, 'meetings', '--calendar', corpusFile, '--from', '2015-03-02', '--to', '2015-03-08', '--tz', 'Europe/Lisbon', '--json'];
  const theirArgs = [nodeIcalChild, corpusFile, '2015-03-02', '2015-03-08'];
  // One untimed run of each first: the file cache and the disk should not favour whoever runs second.
  timeProcess(ourArgs);
  timeProcess(theirArgs);
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first, so a slow moment of the machine hits both sides alike.
    let mine: number;
    let other: number;
    if (i % 2 === 0) {
      mine = timeProcess(ourArgs);
      other = timeProcess(theirArgs);
    } else {
      other = timeProcess(theirArgs);
      mine = timeProcess(ourArgs);
    }
    ours.push(mine);
    theirs.push(other);
    ratios.push(mine / other);
  }
  console.log(`calendar.cli_week_ms ${median(ours).toFixed(0)} (runs: ${ours.map((t) => t.toFixed(0)).join(' ')})`);
  console.log(`calendar.node_ical_week_ms ${median(theirs).toFixed(0)} (runs: ${theirs.map((t) => t.toFixed(0)).join(' ')})`);
  console.log(`calendar.cli_vs_node_ical_ratio ${median(ratios).toFixed(2)} (median of ${RUNS} paired runs; ratio of medians ${(median(ours) / median(theirs)).toFixed(2)}; target <= 0.5)`);
}

function syntheticFeed(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hands-on//bench//EN'];
  const base = Date.UTC(2020, 0, 1, 9);
  for (let i = 0; i < events; i++) {
    const start = new Date(base + i * 3 * 3600_000);
    const stamp = start.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const end = new Date(start.getTime() + 3600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    lines.push('BEGIN:VEVENT', `UID:bench-${i}`, 'DTSTAMP:20240101T000000Z', `DTSTART:${stamp}`, `DTEND:${end}`, `SUMMARY:Meeting ${i}`);
    if (i % 20 === 0) lines.push('RRULE:FREQ=WEEKLY;COUNT=52');
    lines.push('ORGANIZER:mailto:boss@x.com', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x.com', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

function syntheticGrowth(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-bench-'));
  try {
    for (const size of [5_000, 10_000, 20_000]) {
      const file = path.join(dir, `feed-${size}.ics`);
      fs.writeFileSync(file, syntheticFeed(size));
      const text = fs.readFileSync(file, 'utf8');
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        // A window covering the whole feed: every event is parsed and judged, the worst case.
        readCalendar(text, { from: Date.UTC(2020, 0, 1), to: Date.UTC(2028, 0, 1), zone: 'UTC' });
        times.push(performance.now() - start);
      }
      console.log(`calendar.synthetic_${size / 1000}k_ms ${median(times).toFixed(0)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Two years of a manager's calendar: 30 weekly series with no end, and 2,000 one-off meetings, to `now`. */
function workCalendar(now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hands-on//bench//EN'];
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const twoYearsAgo = now - 730 * DAY_MS;
  const event = (uid: string, start: number, rrule?: string) =>
    lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240101T000000Z', `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 1800_000)}`, `SUMMARY:${uid}`, ...(rrule ? [rrule] : []), 'END:VEVENT');
  for (let i = 0; i < 30; i++) event(`series-${i}`, twoYearsAgo + (i % 5) * DAY_MS + (9 + (i % 8)) * 3600_000, 'RRULE:FREQ=WEEKLY');
  for (let i = 0; i < 2000; i++) event(`one-off-${i}`, twoYearsAgo + Math.floor((i * 730) / 2000) * DAY_MS + (10 + (i % 6)) * 3600_000);
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

function keptWindow(): void {
  const inputs: [string, string, number][] = [['busy_work_calendar', workCalendar(Date.now()), Date.now()]];
  // The export's busiest stretch is its last years: "now" as of the end of 2019.
  if (fs.existsSync(corpusFile)) inputs.push(['google_export', fs.readFileSync(corpusFile, 'utf8'), Date.UTC(2019, 11, 1)]);
  for (const [name, text, now] of inputs) {
    const kept = keptCalendarWindow(now);
    for (const [label, from] of [['25_weeks', now - 25 * 7 * DAY_MS], ['kept_53_weeks', kept.start]] as const) {
      const times: number[] = [];
      let occurrences = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        occurrences = readCalendar(text, { from, to: kept.end, zone: 'Europe/Berlin' }).occurrences.length;
        times.push(performance.now() - start);
      }
      console.log(`calendar.${name}_${label}_ms ${median(times).toFixed(0)} (${occurrences} occurrences)`);
    }
  }
}

processComparison();
syntheticGrowth();
keptWindow();
