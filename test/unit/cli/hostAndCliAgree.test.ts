import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { fakeCliIO } from '../../builders/cliIO';
import { gatherReportInputs, reportRange, run } from '../../../src/cli/reportCommand';
import type { BalanceInputs } from '../../../src/core/balance/balanceInputs';
import { focusBlocksAhead } from '../../../src/core/balance/focusBlocksAhead';
import { focusReport } from '../../../src/core/balance/focusReport';
import { gatherBalanceInputs } from '../../../src/core/balance/gatherInputs';
import { keptCalendarWindow } from '../../../src/core/calendar/calendarWindow';
import { meetingRulesOf } from '../../../src/core/calendar/meetingRules';
import { reportJson } from '../../../src/core/report/reportJson';
import { summaryLoadRange, summaryMarkdown } from '../../../src/core/report/summary';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { currentFigures, currentFiguresRange } from '../../../src/core/status/currentFigures';
import type { Interval } from '../../../src/core/time/interval';
import { calendarSource, loadSourceTexts } from '../../../src/node/calendar/calendarSource';
import { readCalendars } from '../../../src/node/calendar/loadCalendar';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { spans, writerAt } from '../../builders/journalBuilders';
import { FIXTURES } from '../calendar/helpers';

const ZONE = 'Europe/Berlin';
const RULES = path.join(FIXTURES, 'rules.ics');
// Wednesday 6 March 2024, 16:00 in Berlin: the week of the calendar fixture.
const NOW = Date.UTC(2024, 2, 6, 15, 0);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, calendar: { ...DEFAULT_SETTINGS.calendar, myEmails: ['me@x.com'] } };

/** Coding on Monday and inside Wednesday's meeting, agent time after it, and a logged meeting on Wednesday. */
function writeJournal(root: string): void {
  const { writer, clock } = writerAt(root, Date.UTC(2024, 2, 4, 12));
  writer.appendSpans(spans(Date.UTC(2024, 2, 4, 9, 30), 60, 2, 2, { workspace: 'api', language: 'go' }));
  writer.flush();
  clock.set(Date.UTC(2024, 2, 6, 11));
  writer.appendSpans(spans(Date.UTC(2024, 2, 6, 9, 50), 15, 2, 2));
  writer.appendSpans(spans(Date.UTC(2024, 2, 6, 10, 30), 10, 2, 2, { agent: "vscode" }));
  writer.appendManualMeeting({ start: Date.UTC(2024, 2, 6, 13), end: Date.UTC(2024, 2, 6, 13, 45), note: 'Hallway chat' });
  writer.flush();
}

/** A weekly meeting from January to May and a vacation from February to April: more than any span the figures read. */
const LONG_CALENDAR = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:weekly
DTSTAMP:20240101T000000Z
SUMMARY:Weekly review
DTSTART:20240102T140000Z
DTEND:20240102T150000Z
RRULE:FREQ=WEEKLY;COUNT=20
ORGANIZER:mailto:boss@x.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:boss@x.com
END:VEVENT
BEGIN:VEVENT
UID:away
DTSTAMP:20240101T000000Z
SUMMARY:Parental leave (half days)
X-MICROSOFT-CDO-BUSYSTATUS:OOF
DTSTART;VALUE=DATE:20240212
DTEND;VALUE=DATE:20240415
END:VEVENT
END:VCALENDAR
`;

/**
 * What the extension's BalanceData.load gives for `range`: its journal read, and its calendars as Calendars keeps
 * them, expanded for the extension's own window (keptCalendarWindow) rather than for the span.
 */
async function gatherLikeTheHost(root: string, calendars: readonly string[], range: Interval): Promise<BalanceInputs> {
  const kept = keptCalendarWindow(NOW);
  const window = { from: kept.start, to: kept.end, zone: ZONE, rules: meetingRulesOf(SETTINGS.calendar) };
  const read = await Promise.all(calendars.map(async (calendar) => readCalendars(await loadSourceTexts(calendarSource(calendar)), window)));
  return gatherBalanceInputs({ now: NOW, zone: ZONE, settings: SETTINGS, range, breakdownRange: range, journal: await readHistory(root, range, range), calendars: read, sources: [] });
}

describe('the extension and hands-on report gather the same figures', () => {
  let temp: string;
  let data: string;
  let io: CliIO;
  let out: string[];
  let calendars: string[];

  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-agree-'));
    data = path.join(temp, 'data');
    writeJournal(data);
    calendars = [RULES, path.join(temp, 'long.ics')];
    fs.writeFileSync(calendars[1]!, LONG_CALENDAR);
    // No settings.json in this home: the flags alone decide what the report reads.
    const fake = fakeCliIO({ env: { HOME: temp, TZ: ZONE }, now: NOW });
    io = fake;
    out = fake.stdout;
  });

  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('gives equal BalanceInputs for the same journal and calendar file', async () => {
    const range = reportRange(NOW, ZONE, SETTINGS);
    const cli = await gatherReportInputs({ now: NOW, zone: ZONE, settings: SETTINGS, dataDir: data, calendarFlags: calendars, user: undefined, platform: 'linux' }, io);
    const host = await gatherLikeTheHost(data, calendars, range);
    // Only the calendars' status differs: the CLI names the files it read, the host its live sources.
    assert.deepEqual(cli.sources.map((s) => s.label), ['rules.ics', 'long.ics']);
    assert.deepEqual({ ...cli, sources: [] }, host);
    assert.ok(host.coding.length > 0 && (host.agent?.length ?? 0) > 0, 'the journal holds coding and agent time');
    assert.equal(host.occurrences.filter((o) => o.title === 'Weekly review').length, 4, 'of the 20 weekly meetings, the four in the span');
    assert.deepEqual([host.daysOff[0], host.daysOff.at(-1)], ['2024-02-26', '2024-03-21'], 'the leave is clipped to the span');
  });

  it('prints with --markdown exactly what Copy Weekly Summary copies', async () => {
    assert.equal(await run(['--data-dir', data, ...calendars.flatMap((c) => ['--calendar', c]), '--me', 'me@x.com', '--markdown'], io, { platform: 'linux' }), 0);
    const copied = summaryMarkdown(await gatherLikeTheHost(data, calendars, summaryLoadRange(NOW, ZONE, SETTINGS)));
    assert.equal(out.join(''), copied);
    assert.match(copied, /^### Hands-on time, week of Mon 4 Mar 2024\n/);
  });

  it('prints with --json the status bar figures', async () => {
    assert.equal(await run(['--data-dir', data, ...calendars.flatMap((c) => ['--calendar', c]), '--me', 'me@x.com', '--json'], io, { platform: 'linux' }), 0);
    const inputs = await gatherLikeTheHost(data, calendars, currentFiguresRange(NOW));
    const figures = currentFigures(inputs);
    assert.deepEqual(JSON.parse(out.join('')), reportJson(figures.period, figures.agentPeriod, focusBlocksAhead(inputs), focusReport(inputs, figures.period.period)));
  });
});
