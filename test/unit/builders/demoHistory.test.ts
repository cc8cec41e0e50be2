import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCalendar } from '../../../src/core/calendar/readCalendar';
import { DEFAULT_RULES } from '../../../src/core/calendar/types';
import { readHistory, readSkillsHistory } from '../../../src/node/journal/activityHistory';
import { DAY_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { localDateOf, systemTimeZone } from '../../../src/core/time/localDays';
import { focusReport } from '../../../src/core/balance/focusReport';
import { weekRange } from '../../../src/core/balance/periods';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { DEMO_EMAIL, seedDemoHistory } from '../../builders/demoHistory';
import { computeSkills, skillsRange } from '../../../src/core/skills/skills';
import { meetingTimeIn } from '../../../src/core/balance/gatherInputs';

describe('the sandbox demo history', () => {
  const now = Date.parse('2026-11-19T16:20:00Z');
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'hands-on-demo-'));
    seedDemoHistory(join(folder, 'data'), join(folder, 'demo.ics'), now);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is a calendar that shows every kind of verdict, without warnings', () => {
    const verdicts = readCalendar(readFileSync(join(folder, 'demo.ics'), 'utf8'), {
      from: now - 35 * DAY_MS,
      to: now + 7 * DAY_MS,
      zone: systemTimeZone(),
      rules: { ...DEFAULT_RULES, myEmails: [DEMO_EMAIL] },
    });
    assert.deepEqual(verdicts.warnings, []);
    const reasons = new Set(verdicts.occurrences.map((o) => o.reason));
    for (const reason of ['counted', 'declined', 'excluded-keyword', 'break', 'all-day', 'no-other-attendees'] as const) assert.ok(reasons.has(reason), `has a ${reason} occurrence`);
    assert.equal(verdicts.daysOff.length, 1, 'the public holiday is a day off');
    assert.ok(verdicts.occurrences.filter((o) => o.title === 'Team standup').length >= 19, 'the standup series expands');
  });

  it("shows every part of the Focus tab in the current week: blocks used and unused, fragments, breaks, re-entry and a costly series", async () => {
    const zone = systemTimeZone();
    const week = weekRange(now, zone, 'monday');
    const verdicts = readCalendar(readFileSync(join(folder, 'demo.ics'), 'utf8'), { from: week.start, to: week.end, zone, rules: { ...DEFAULT_RULES, myEmails: [DEMO_EMAIL] } });
    const coding = (await readHistory(join(folder, 'data'), week)).union;
    const report = focusReport({ coding, occurrences: verdicts.occurrences, now, zone, settings: DEFAULT_SETTINGS, daysOff: verdicts.daysOff }, week);
    const started = report.blocks.filter((b) => !b.ahead);
    assert.ok(started.some((b) => b.used), 'a block was used');
    assert.ok(started.some((b) => !b.used), 'a block was left unused');
    assert.ok(report.blocks.some((b) => b.ahead), 'blocks ahead');
    assert.ok(report.fragmentedMinutes > 0, 'fragmented time');
    assert.ok(report.days.some((d) => d.breakMinutes > 0 && d.date > localDateOf(now, zone)), 'breaks, also ahead');
    assert.ok(report.reentry.samples > 0 && report.reentry.medianMinutes! > 0, 're-entry after meetings');
    assert.equal(report.series[0]!.title, 'Team standup');
    assert.ok(report.series[0]!.focusCostMinutes > 0, 'a series that costs focus time');
  });

  it('holds four weeks of coding, less in later weeks', async () => {
    const week = async (ago: number) => durationMs((await readHistory(join(folder, 'data'), { start: now - (ago + 1) * 7 * DAY_MS, end: now - ago * 7 * DAY_MS })).union);
    const [first, last] = [await week(3), await week(0)];
    assert.ok(first > last, `coding drifts down: ${first} > ${last}`);
    assert.ok(last > 0);
  });
});

describe('the sandbox demo history: a year of languages for Skills', () => {
  const now = Date.parse('2026-11-19T16:20:00Z');
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'hands-on-demo-skills-'));
    seedDemoHistory(join(folder, 'data'), join(folder, 'demo.ics'), now);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('shows a fading language, a delegated one and steady ones, with typed characters', async () => {
    const zone = systemTimeZone();
    const date = localDateOf(now, zone);
    const skills = computeSkills(await readSkillsHistory(join(folder, 'data'), skillsRange({ date, zone }).range), { date, zone });
    const of = (language: string) => skills.languages.find((l) => l.language === language)!;
    assert.deepEqual(skills.languages.map((l) => l.language).sort(), ['go', 'lua', 'python', 'rust', 'shellscript', 'sql', 'typescript'], 'the terminal and Neovim too');
    assert.equal(of('rust').fading, true);
    assert.ok(of('rust').handsOnMinutes >= 10 * 60, 'Rust was used a lot');
    assert.equal(of('python').delegated, true);
    assert.equal(of('python').fading, false);
    for (const language of ['typescript', 'go']) assert.deepEqual([of(language).fading, of(language).delegated], [false, false], language);
    assert.ok(skills.languages.every((l) => l.typedCharacters > 0 || l.language === 'python' || l.language === 'shellscript'), 'characters typed in every language but the delegated one and the terminal (whose snippet counts none)');
    assert.ok(skills.days.filter((d) => d.handsOnMinutes > 0).length > 200, 'a year of days for the heatmap');
  });

  it('has meetings in every month, for the monthly hands-on share, and more of them in the last half year', async () => {
    const zone = systemTimeZone();
    const date = localDateOf(now, zone);
    const { range } = skillsRange({ date, zone });
    const history = await readSkillsHistory(join(folder, 'data'), range);
    const verdicts = readCalendar(readFileSync(join(folder, 'demo.ics'), 'utf8'), { from: range.start, to: range.end, zone, rules: { ...DEFAULT_RULES, myEmails: [DEMO_EMAIL] } });
    const skills = computeSkills({ ...history, meetings: meetingTimeIn([verdicts], history.loggedMeetings, range, zone) }, { date, zone, now });
    for (const month of skills.monthlyShare) assert.ok(month.meetingMinutes > 0 && month.handsOnMinutes > 0, `${month.month} has coding and meetings`);
    const meetings = skills.monthlyShare.map((m) => m.meetingMinutes);
    const half = (part: number[]) => part.reduce((a, b) => a + b, 0) / part.length;
    assert.ok(half(meetings.slice(6)) > half(meetings.slice(0, 6)), 'more meetings in the last half year');
  });
});
