/**
 * Skills benchmarks (issue 18). Run: npx tsc -p tsconfig.test.json && node out/bench/skills.bench.js
 *   skills.year_ms        `hands-on skills` over 12 months: read the compacted history, compute every language and the monthly share (target ≤ 100)
 *   skills.five_years_ms  the same over 60 months (target ≤ 400)
 *   skills.tab_year_ms    the dashboard's Skills tab over its 12 months: the same read, and the tab's whole model (skillsTabModel)
 * The history is a workday of 6 h in three windows (they overlap), in five languages and three workspaces, an hour of
 * agent time, a logged meeting on Wednesdays, and character counts per window, language and quarter hour, as
 * compaction leaves it: one day file a day. The monthly share counts them with a calendar's four meetings a workday
 * (already expanded and judged: parsing is calendar.bench's), as `hands-on skills` does through meetingTimeIn.
 * The first run builds the monthly aggregates (journal/skills/); the median is of reads that find them. CPU is the
 * process's CPU time of a run (user + system), the better figure on a loaded machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ActivitySpan } from '../src/core/activity/activitySpan';
import type { WriterBucket } from '../src/core/activity/characterCounts';
import { meetingTimeIn } from '../src/core/balance/gatherInputs';
import type { CalendarPart } from '../src/core/calendar/mergeCalendars';
import type { Occurrence } from '../src/core/calendar/types';
import { skillsTabModel } from '../src/core/dashboard/tabs/skills';
import { DEFAULT_SETTINGS } from '../src/core/settings/settings';
import { computeSkills, skillsRange, type SkillsHistory } from '../src/core/skills/skills';
import type { Interval } from '../src/core/time/interval';
import { addLocalDays, startOfLocalDate } from '../src/core/time/localDays';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../src/core/time/clock';
import { readSkillsHistory } from '../src/node/journal/activityHistory';
import { encodeDay } from '../src/node/journal/dayFile';
import { dayFileName, journalPaths, utcDateOf } from '../src/node/journal/layout';
import { median } from './median';

const LANGUAGES = ['typescript', 'rust', 'go', 'python', 'markdown'];
const WINDOWS = ['desktop-101-aaa', 'desktop-202-bbb', 'laptop-303-ccc'];

/** Writes the compacted days from `firstDay` to `lastDay` (UTC midnights); returns the number of workdays. */
function writeDays(root: string, firstDay: number, lastDay: number): number {
  const dir = journalPaths(root).days;
  fs.mkdirSync(dir, { recursive: true });
  let workdays = 0;
  for (let dayStart = firstDay; dayStart <= lastDay; dayStart += DAY_MS) {
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    workdays++;
    const spans: ActivitySpan[] = [];
    const characters: WriterBucket[] = [];
    // Languages drift over the years, so some fade and some come back.
    const dayIndex = Math.floor((dayStart - firstDay) / DAY_MS);
    WINDOWS.forEach((writer, w) => {
      for (const session of [9, 13]) {
        for (let block = 0; block < 7; block++) {
          const language = LANGUAGES[(block + w + Math.floor(dayIndex / 90)) % LANGUAGES.length]!;
          const start = dayStart + session * HOUR_MS + (block * 25 + w * 2) * MINUTE_MS;
          spans.push({ start, end: start + 24 * MINUTE_MS, workspace: ['shop', 'api', 'infra'][w]!, language });
          characters.push({ writer, start: Math.floor(start / (15 * MINUTE_MS)) * 15 * MINUTE_MS, counts: { typed: 300 + block, pasted: 40, aiCompletion: 20, agent: 0 }, language });
        }
      }
    });
    spans.push({ start: dayStart + 16 * HOUR_MS, end: dayStart + 17 * HOUR_MS, language: LANGUAGES[dayIndex % LANGUAGES.length]!, agent: 'claude-code', source: 'hook' });
    const date = utcDateOf(dayStart);
    const meetings = weekday === 3 ? [{ start: dayStart + 11 * HOUR_MS, end: dayStart + 12 * HOUR_MS, note: 'retro' }] : [];
    const { text, hash } = encodeDay(date, dayStart, { spans, meetings, characters });
    fs.writeFileSync(path.join(dir, dayFileName(date, hash)), text);
  }
  return workdays;
}

/** A calendar's judged occurrences: four meetings a workday, one declined, over `range`. */
function calendarOver(range: Interval): CalendarPart {
  const occurrences: Occurrence[] = [];
  for (let day = Math.floor(range.start / DAY_MS) * DAY_MS; day < range.end; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    [10, 12, 14, 15].forEach((hour, i) => {
      const counted = i !== 3;
      occurrences.push({ start: day + hour * HOUR_MS, end: day + hour * HOUR_MS + 45 * MINUTE_MS, title: 'sync', uid: `m${i}`, allDay: false, counted, reason: counted ? 'counted' : 'declined' });
    });
  }
  return { occurrences, daysOff: [] };
}

type Compute = (history: SkillsHistory, options: { date: string; zone: string; months: number }) => { languages: number; hours: number };

/** `hands-on skills`: every language and the monthly share. */
const cliSkills: Compute = (history, options) => {
  const skills = computeSkills(history, options);
  return { languages: skills.languages.length, hours: skills.handsOnMinutes / 60 };
};

/** The dashboard's tab at the end of `date` (its 12 months), every text included. */
const tabModel: Compute = (history, { date, zone }) => {
  const model = skillsTabModel(history, { now: startOfLocalDate(addLocalDays(date, 1), zone) - 1, zone, settings: DEFAULT_SETTINGS });
  return { languages: model.languages.length, hours: model.heatmap.reduce((sum, d) => sum + d.handsOnMinutes, 0) / 60 };
};

async function timeSkills(root: string, date: string, months: number, compute: Compute): Promise<{ ms: number; cpu: number; first: number; languages: number; hours: number }> {
  const zone = 'Europe/Berlin';
  const calendar = calendarOver(skillsRange({ date, zone, months }).range);
  const runs: number[] = [];
  const cpu: number[] = [];
  let languages = 0;
  let hours = 0;
  for (let run = 0; run < 7; run++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const { range } = skillsRange({ date, zone, months });
    const history = await readSkillsHistory(root, range);
    const meetings = meetingTimeIn([calendar], history.loggedMeetings, range, zone);
    ({ languages, hours } = compute({ ...history, meetings }, { date, zone, months }));
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e3);
  }
  return { ms: median(runs), cpu: median(cpu), first: runs[0]!, languages, hours };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-skills-bench-'));
  try {
    const lastDay = Date.UTC(2026, 11, 31);
    const firstDay = Date.UTC(2022, 0, 1);
    const workdays = writeDays(root, firstDay, lastDay);
    const date = utcDateOf(lastDay);
    const year = await timeSkills(root, date, 12, cliSkills);
    console.log(`skills.year_ms ${year.ms.toFixed(1)} (first ${year.first.toFixed(1)}, median of 7, CPU ${year.cpu.toFixed(1)}; ${year.languages} languages, ${year.hours.toFixed(0)} h by hand)`);
    const five = await timeSkills(root, date, 60, cliSkills);
    console.log(`skills.five_years_ms ${five.ms.toFixed(1)} (first ${five.first.toFixed(1)}, median of 7, CPU ${five.cpu.toFixed(1)}; ${workdays} workdays, ${five.hours.toFixed(0)} h by hand)`);
    const tab = await timeSkills(root, date, 12, tabModel);
    console.log(`skills.tab_year_ms ${tab.ms.toFixed(1)} (first ${tab.first.toFixed(1)}, median of 7, CPU ${tab.cpu.toFixed(1)}; ${tab.languages} languages, ${tab.hours.toFixed(0)} h by hand)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
