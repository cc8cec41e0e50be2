import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { UsageError, type CliIO } from '../../../src/cli/io';
import { fakeCliIO } from '../../builders/cliIO';
import { reportInstant, run } from '../../../src/cli/reportCommand';
import { parseJsonc, userSettingsPath } from '../../../src/cli/vscodeSettings';
import { focusBlocksRestOfWeek } from '../../../src/core/balance/focusBlocks';
import { focusReport } from '../../../src/core/balance/focusReport';
import { calendarSource } from '../../../src/node/calendar/calendarSource';
import { loadCalendar } from '../../../src/node/calendar/loadCalendar';
import { manualOccurrences } from '../../../src/core/calendar/manualMeetings';
import { meetingRulesOf } from '../../../src/core/calendar/meetingRules';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { reportJson } from '../../../src/core/report/reportJson';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { currentFigures } from '../../../src/core/status/currentFigures';
import { DAY_MS } from '../../../src/core/time/clock';
import { spans, writerAt } from '../../builders/journalBuilders';
import { balanceInputs } from '../../builders/balanceInputs';
import { FIXTURES } from '../calendar/helpers';

const ZONE = 'Europe/Berlin';
const RULES = path.join(FIXTURES, 'rules.ics');
// Wednesday 6 March 2024, 16:00 in Berlin (UTC+1).
const NOW = Date.UTC(2024, 2, 6, 15, 0);

interface Harness {
  io: CliIO;
  out: string[];
  err: string[];
}

function harness(env: NodeJS.ProcessEnv, now = NOW): Harness {
  const io = fakeCliIO({ env, now });
  return { io, out: io.stdout, err: io.stderr };
}

/** Coding Mon 4 Mar 09:30–11:30 UTC (next to the meetings, no overlap) and Wed 09:50–10:20 UTC (inside a meeting); a logged meeting Wed 13:00–13:45 UTC. */
function writeHistory(root: string): void {
  const { writer, clock } = writerAt(root, Date.UTC(2024, 2, 4, 12));
  writer.appendSpans(spans(Date.UTC(2024, 2, 4, 9, 30), 60, 2, 2));
  writer.flush();
  clock.set(Date.UTC(2024, 2, 6, 11));
  writer.appendSpans(spans(Date.UTC(2024, 2, 6, 9, 50), 15, 2, 2));
  writer.appendManualMeeting({ start: Date.UTC(2024, 2, 6, 13), end: Date.UTC(2024, 2, 6, 13, 45), note: 'Hallway chat' });
  writer.flush();
}

/** The same inputs the command gathers, built by hand from the core, for the equality checks. */
async function expectedJson(root: string, settings: Settings, now = NOW, calendars: string[] = [RULES]) {
  const range = { start: now - 14 * DAY_MS, end: now + 15 * DAY_MS };
  const rules = meetingRulesOf(settings.calendar);
  const occurrences = [];
  const daysOff = new Set<string>();
  for (const calendar of calendars) {
    const verdicts = await loadCalendar(calendarSource(calendar), { from: range.start, to: range.end, zone: ZONE, rules });
    occurrences.push(...verdicts.occurrences);
    verdicts.daysOff.forEach((d) => daysOff.add(d));
  }
  const activity = await readHistory(root, range);
  const inputs = balanceInputs({
    now,
    zone: ZONE,
    settings,
    range,
    coding: activity.union,
    agent: activity.agent,
    characters: activity.characters,
    occurrences: [...occurrences, ...manualOccurrences(activity.meetings)],
    daysOff: [...daysOff].sort(),
  });
  const figures = currentFigures(inputs);
  const focusBlocks = focusBlocksRestOfWeek(now, { meetings: figures.meetings, breaks: figures.breaks, zone: ZONE, settings, daysOff: inputs.daysOff });
  return reportJson(figures.period, figures.agentPeriod, focusBlocks, focusReport(inputs, figures.period.period));
}

describe('hands-on report', () => {
  let temp: string;
  let data: string;
  let home: string;

  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-report-'));
    data = path.join(temp, 'data');
    home = path.join(temp, 'home');
    fs.mkdirSync(home);
    writeHistory(data);
  });

  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  function writeSettings(text: string): string {
    const dir = path.join(home, '.config', 'Code', 'User');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), text);
    return path.join(dir, 'settings.json');
  }

  const env = () => ({ HOME: home, XDG_CONFIG_HOME: undefined, TZ: ZONE });

  it('prints in --json exactly what currentFigures + reportJson give for the same inputs', async () => {
    const h = harness(env());
    const code = await run(['--data-dir', data, '--calendar', RULES, '--me', 'me@x.com', '--json'], h.io, { platform: 'linux' });
    assert.equal(code, 0);
    const json = JSON.parse(h.out.join(''));
    const settings = { ...DEFAULT_SETTINGS, calendar: { ...DEFAULT_SETTINGS.calendar, myEmails: ['me@x.com'] } };
    assert.deepEqual(json, await expectedJson(data, settings));
    // The figures themselves: Mon 120 min + Wed 30 min of coding; meetings Mon 60, Tue 60, Wed 90 + 45 logged.
    assert.equal(json.codingMinutes, 150);
    assert.equal(json.meetingMinutes, 60 + 60 + 90 + 45);
    assert.equal(json.overlapMinutes, 30);
    assert.equal(json.handsOnPercent, 37);
    assert.deepEqual(json.period, { start: '2024-03-04T00:00:00+01:00', end: '2024-03-11T00:00:00+01:00' });
    assert.deepEqual(Object.keys(json), ['period', 'codingMinutes', 'meetingMinutes', 'overlapMinutes', 'handsOnPercent', 'targetPercent', 'belowTarget', 'agentMinutes', 'agentTimeCounts', 'agents', 'agentCharacters', 'agentLines', 'characters', 'focusBlocks', 'focus', 'meetingSeries']);
    assert.equal(json.belowTarget, true);
    assert.deepEqual(Object.keys(json.focus), ['blockMinutes', 'focusMinutes', 'fragmentedMinutes', 'blocks', 'usedBlocks', 'reentry']);
    assert.equal(json.focus.blockMinutes, 120);
    // The week's meetings as series, costliest first, and its focus blocks (only Monday's first one was used).
    assert.deepEqual(json.meetingSeries, [
      { title: 'Standup', occurrences: 1, minutes: 30, focusCostMinutes: 90 },
      { title: 'Maybe', occurrences: 1, minutes: 60, focusCostMinutes: 60 },
      { title: 'Transparent but busy', occurrences: 1, minutes: 30, focusCostMinutes: 60 },
      { title: 'Hallway chat', occurrences: 1, minutes: 45, focusCostMinutes: 45 },
      { title: 'Overlap B', occurrences: 1, minutes: 60, focusCostMinutes: 30 },
      { title: 'Overlap A', occurrences: 1, minutes: 60, focusCostMinutes: 0 },
    ]);
    const block = (start: string, end: string, codingMinutes = 0) => ({ start: `2024-03-0${start}:00+01:00`, end: `2024-03-0${end}:00+01:00`, codingMinutes, used: codingMinutes > 0 });
    assert.deepEqual(json.focus.blocks, [
      block('4T10:30', '4T13:00', 120),
      block('4T15:00', '4T18:00'),
      block('5T09:00', '5T11:00'),
      block('5T12:00', '5T14:00'),
      block('5T15:00', '5T18:00'),
      block('6T11:30', '6T14:00'),
      block('6T14:45', '6T18:00'),
    ]);
  });

  it('honours --period and --date (a past day is computed as of its end)', async () => {
    const h = harness(env());
    await run(['--data-dir', data, '--calendar', RULES, '--me', 'me@x.com', '--period', 'day', '--date', '2024-03-04', '--json'], h.io, { platform: 'linux' });
    const json = JSON.parse(h.out.join(''));
    assert.deepEqual(json.period, { start: '2024-03-04T00:00:00+01:00', end: '2024-03-05T00:00:00+01:00' });
    assert.equal(json.codingMinutes, 120);
    assert.equal(json.meetingMinutes, 60);
    const endOfMonday = Date.UTC(2024, 2, 4, 23) - 1;
    assert.deepEqual(json, await expectedJson(data, { ...DEFAULT_SETTINGS, period: 'day', calendar: { ...DEFAULT_SETTINGS.calendar, myEmails: ['me@x.com'] } }, endOfMonday));
  });

  it('defines the instant of --date: now for today, the end of a past day, an error for a future one', () => {
    assert.equal(reportInstant(undefined, NOW, ZONE), NOW);
    assert.equal(reportInstant('2024-03-06', NOW, ZONE), NOW);
    assert.equal(reportInstant('2024-03-05', NOW, ZONE), Date.UTC(2024, 2, 5, 23) - 1);
    assert.throws(() => reportInstant('2024-03-07', NOW, ZONE), UsageError);
    assert.throws(() => reportInstant('2024-02-30', NOW, ZONE), UsageError);
  });

  it('prints a Markdown summary for a 1:1 document', async () => {
    const h = harness(env());
    await run(['--data-dir', data, '--calendar', RULES, '--me', 'me@x.com', '--markdown'], h.io, { platform: 'linux' });
    const text = h.out.join('');
    assert.match(text, /^### Hands-on time, week of Mon 4 Mar 2024/);
    assert.match(text, /\*\*37% hands-on\*\* \(target 40%\): below target; last week —\./);
    assert.match(text, /- Coding: 2h30m/);
    assert.match(text, /- Meetings: 4h15m/);
    assert.match(text, /- Coding during meetings \(counted in both\): 30m/);
    assert.match(text, /\| Mon 4 Mar \| 2h \| 1h \| 67% \|/);
    assert.match(text, /Free focus blocks ahead: /);
    assert.match(text, /\*\*Focus\*\* \(free blocks of 2h or more, between meetings and breaks\):\n\n- Available: /);
  });

  it('names a language fading in the Markdown summary, as Copy Weekly Summary does', async () => {
    // Rust by hand in July, none since: fading by March (the default 90 days).
    const july = Date.UTC(2023, 6, 12, 9);
    const { writer } = writerAt(data, july, 'older-laptop-1-abc');
    writer.appendSpans([{ start: july, end: july + 3 * 60 * 60_000, language: 'rust' }]);
    writer.flush();
    const h = harness(env());
    await run(['--data-dir', data, '--calendar', RULES, '--me', 'me@x.com', '--markdown'], h.io, { platform: 'linux' });
    const text = h.out.join('');
    assert.match(text, /\*\*Skills\*\* \(hands-on time per language, last 12 months\):\n\n- Rust: 3 h by hand this year, none since 12 July/);
  });

  it('prints a readable summary by default', async () => {
    const h = harness(env());
    await run(['--data-dir', data, '--calendar', RULES, '--me', 'me@x.com'], h.io, { platform: 'linux' });
    const text = h.out.join('');
    assert.match(text, /Hands-on time, week Mon 4 Mar 2024 – Sun 10 Mar 2024 \(Europe\/Berlin/);
    assert.match(text, /Hands-on +37% \(target 40%\): below target/);
    assert.match(text, /Coding +2h30m/);
    assert.match(text, /Meetings +4h15m/);
    assert.match(text, /Focus +\d+h(\d+m)? in \d+ blocks \(.* of it ahead\); used \d of \d blocks so far .*; fragmented .* in gaps shorter than 2h\n/);
    assert.match(text, /Re-entry +/);
    assert.match(text, /Costliest +\S.*: met .*, cost .* of focus time\n/);
    assert.deepEqual(h.err, []);
  });

  it('uses calendars, target, work hours and data folder from VS Code settings.json (JSONC), and says so', async () => {
    writeSettings(`{
      // my settings
      "editor.fontSize": 14, /* a "quoted" comment, with a , */
      "handsOn.targetPercent": 50,
      "handsOn.dataDirectory": ${JSON.stringify(data)},
      "handsOn.calendar.files": [${JSON.stringify(RULES)}, ${JSON.stringify(path.join(FIXTURES, 'folder'))},],
      "handsOn.calendar.myEmails": ["me@x.com"],
      "handsOn.workHours": { "start": "10:00", "end": "16:00", },
      "url": "https://example.com//not-a-comment,]",
    }`);
    const h = harness(env());
    assert.equal(await run(['--json'], h.io, { platform: 'linux' }), 0);
    const json = JSON.parse(h.out.join(''));
    assert.equal(json.targetPercent, 50);
    assert.equal(json.belowTarget, true);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      targetPercent: 50,
      dataDirectory: data,
      workHours: { start: '10:00', end: '16:00' },
      calendar: { ...DEFAULT_SETTINGS.calendar, myEmails: ['me@x.com'], files: [RULES, path.join(FIXTURES, 'folder')] },
    };
    assert.deepEqual(json, await expectedJson(data, settings, NOW, [RULES, path.join(FIXTURES, 'folder')]));
    assert.equal(h.err.length, 1);
    assert.match(h.err[0]!, /using 2 calendars from VS Code settings: rules\.ics, folder\//);
    assert.match(h.err[0]!, /secret storage/);
  });

  it('lets flags override settings.json', async () => {
    writeSettings('{ "handsOn.targetPercent": 50, "handsOn.period": "day", "handsOn.calendar.files": ["/no/such/calendar.ics"] }');
    const h = harness(env());
    await run(['--data-dir', data, '--calendar', RULES, '--period', 'week', '--json'], h.io, { platform: 'linux' });
    const json = JSON.parse(h.out.join(''));
    assert.equal(json.targetPercent, 50);
    assert.deepEqual(json.period, { start: '2024-03-04T00:00:00+01:00', end: '2024-03-11T00:00:00+01:00' });
    assert.deepEqual(h.err, []);
  });

  it('warns about invalid settings and a settings calendar it cannot read, and goes on', async () => {
    writeSettings('{ "handsOn.targetPercent": "lots", "handsOn.calendar.files": ["/no/such/calendar.ics"] }');
    const h = harness(env());
    assert.equal(await run(['--data-dir', data, '--json'], h.io, { platform: 'linux' }), 0);
    assert.equal(JSON.parse(h.out.join('')).targetPercent, 40);
    assert.ok(h.err.some((e) => /handsOn\.targetPercent/.test(e)), h.err.join('\n'));
    assert.ok(h.err.some((e) => /calendar\.ics skipped: no such file/.test(e)), h.err.join('\n'));
  });

  it('says where it looked when there are no calendars at all', async () => {
    const h = harness(env());
    await run(['--data-dir', data, '--json'], h.io, { platform: 'linux' });
    assert.equal(JSON.parse(h.out.join('')).meetingMinutes, 45);
    assert.match(h.err.join('\n'), /no calendar files in .*settings\.json.*secret storage/);
  });

  it('finds settings.json where VS Code keeps it on each platform', () => {
    assert.equal(userSettingsPath({}, 'linux', '/home/u'), '/home/u/.config/Code/User/settings.json');
    assert.equal(userSettingsPath({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u'), '/x/Code/User/settings.json');
    assert.equal(userSettingsPath({}, 'darwin', '/Users/u'), '/Users/u/Library/Application Support/Code/User/settings.json');
    assert.equal(userSettingsPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Roaming\\Code\\User\\settings.json');
    assert.equal(userSettingsPath({ VSCODE_PORTABLE: '/p' }, 'linux', '/home/u'), '/p/user-data/User/settings.json');
  });

  it('strips JSONC comments and trailing commas but never inside strings', () => {
    assert.deepEqual(parseJsonc('{"a": "x // y", /* c */ "b": [1, 2,], // end\n "c": "\\"/*\\"",}'), { a: 'x // y', b: [1, 2], c: '"/*"' });
    assert.deepEqual(parseJsonc('{"a":1,}'), { a: 1 });
    assert.deepEqual(parseJsonc('\uFEFF{"s": ",}"}'), { s: ',}' });
  });

  it('is registered in the CLI and fails with one line on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['--period', 'month'], /--period must be day, week or rolling7/],
      [['--date', '2024-13-01'], /--date must be a date/],
      [['--date', '2030-01-01'], /in the future/],
      [['--tz', 'Mars/Olympus'], /not a time zone/],
      [['--json', '--markdown'], /cannot be combined/],
      [['--me', 'nobody'], /not an email address/],
      [['--calendar', '/no/such.ics'], /no such file/],
      [['--calendar', path.join(FIXTURES, 'not-a-calendar.txt')], /not an iCalendar file/],
      [['--bogus'], /unknown argument/],
    ];
    for (const [args, message] of cases) {
      const h = harness(env());
      assert.equal(await main(['report', '--data-dir', data, ...args], h.io), 2, args.join(' '));
      assert.equal(h.err.length, 1, `${args.join(' ')}: ${h.err.join('\n')}`);
      assert.match(h.err[0]!, message);
      assert.doesNotMatch(h.err[0]!, /\n\s+at /);
    }
    const missing = harness(env());
    assert.equal(await main(['report', '--data-dir', path.join(temp, 'nowhere')], missing.io), 2);
    assert.match(missing.err.join(''), /no Hands-On data folder/);
  });

  it('never prints a feed URL, even when it fails', async () => {
    const h = harness(env());
    const code = await main(['report', '--data-dir', data, '--calendar', 'https://127.0.0.1:1/private-s3cr3t/basic.ics'], h.io);
    assert.notEqual(code, 0);
    assert.doesNotMatch(h.err.join('\n') + h.out.join('\n'), /s3cr3t/);
  });

  it('counts meeting time only up to now', async () => {
    const h = harness(env(), Date.UTC(2024, 2, 6, 13, 15));
    await run(['--data-dir', data, '--period', 'day', '--json'], h.io, { platform: 'linux' });
    assert.equal(JSON.parse(h.out.join('')).meetingMinutes, 15);
  });
});
