import * as assert from 'node:assert/strict';
import type { Occurrence } from '../../../src/core/calendar/types';
import type { BalanceInputs } from '../../../src/core/balance/balanceInputs';
import { currentFigures } from '../../../src/core/status/currentFigures';
import { escapeMarkdown, statusAccessibleLabel, statusTooltip } from '../../../src/core/status/statusTooltip';
import { balanceInputs } from '../../builders/balanceInputs';
import { at, settingsWith, span } from '../balance/helpers';

const ZONE = 'Europe/Berlin';

function meeting(startIso: string, endIso: string, title: string, counted = true): Occurrence {
  const s = span(startIso, endIso);
  return { ...s, title, uid: title, allDay: false, counted, reason: counted ? 'counted' : 'declined' };
}

function inputs(overrides: Partial<BalanceInputs> = {}): BalanceInputs {
  const now = at('2026-11-18T14:00:00+01:00'); // a Wednesday
  return balanceInputs({
    now,
    zone: ZONE,
    settings: settingsWith({}),
    range: span('2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00'),
    coding: [span('2026-11-16T09:00:00+01:00', '2026-11-16T12:00:00+01:00'), span('2026-11-18T09:00:00+01:00', '2026-11-18T10:00:00+01:00')],
    occurrences: [
      meeting('2026-11-17T10:00:00+01:00', '2026-11-17T16:00:00+01:00', 'Planning'),
      meeting('2026-11-18T11:00:00+01:00', '2026-11-18T12:00:00+01:00', 'Sync'),
      meeting('2026-11-18T16:00:00+01:00', '2026-11-18T16:30:00+01:00', '<img src=x onerror=alert(1)> [x](https://evil)'),
      meeting('2026-11-18T15:00:00+01:00', '2026-11-18T15:30:00+01:00', 'Declined one', false),
    ],
    sources: [{ label: 'work.ics', kind: 'file', lastRefreshed: at('2026-11-18T13:45:00+01:00'), warnings: [] }],
    ...overrides,
  });
}

describe('current figures', () => {
  it('computes the period and today from the same inputs', () => {
    const figures = currentFigures(inputs());
    assert.equal(figures.period.codingMinutes, 240);
    assert.equal(figures.period.meetingMinutes, 420);
    assert.equal(figures.today.codingMinutes, 60);
    assert.equal(figures.today.meetingMinutes, 60);
    assert.equal(Math.round(figures.period.handsOnPercent!), 36);
    assert.equal(figures.period.belowTarget, true);
  });

  it('finds the next counted meeting and the next free block today', () => {
    const figures = currentFigures(inputs());
    assert.equal(figures.nextMeeting?.title.startsWith('<img'), true, 'the declined 15:00 meeting is skipped');
    assert.deepEqual(figures.nextFocusBlockToday, span('2026-11-18T14:00:00+01:00', '2026-11-18T16:00:00+01:00'));
  });
});

describe('status tooltip', () => {
  it('lists today and the period with coding, meetings, overlap and share vs target', () => {
    const figures = currentFigures(inputs());
    const md = statusTooltip({ figures, periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: inputs().sources, paused: false, storageProblem: undefined });
    assert.match(md, /target 40% hands-on this week/);
    assert.match(md, /\| \| Today \| This week \|/);
    assert.match(md, /\| Coding \| 1h \| 4h \|/);
    assert.match(md, /\| Meetings \| 1h \| 7h \|/);
    assert.match(md, /\| Hands-on \| 50% \| 36% \$\(warning\) \|/);
    assert.match(md, /Next free focus block today: 14:00–16:00 \(2h\)/);
    // Wed 12:00–16:00 is a block (2 h of it left), 16:30–18:00 only a fragment; Thu and Fri are free all day.
    assert.match(md, /Focus time left \(free blocks of 2h or more\): 2h today, 20h this week\./);
    assert.match(md, /work\\\.ics: refreshed Wed 13:45/);
    assert.match(md, /\[Pause Tracking\]\(command:handsOn\.pauseTracking\)/);
  });

  it('escapes calendar titles so they stay text', () => {
    const figures = currentFigures(inputs());
    const md = statusTooltip({ figures, periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [], paused: false, storageProblem: undefined });
    assert.ok(md.includes('Next meeting: 16:00–16:30 \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(https://evil\\)'), md);
    assert.ok(!md.includes('[x](https://evil)'));
  });

  it('shows the paused state, a storage problem, history it could not read, and calendar errors', () => {
    const figures = currentFigures(inputs());
    const md = statusTooltip({
      figures,
      periodKind: 'day',
      focusBlockMinutes: 120,
      zone: ZONE,
      sources: [{ label: 'calendar.google.com/…', kind: 'url', error: 'HTTP 401: the secret address was reset', warnings: [] }],
      paused: true,
      storageProblem: { message: 'The folder is read-only.', remedy: 'Make it writable.' },
      historyProblem: 'A history file could not be read (/sync/journal/live/2026-03-02.mac.jsonl: not downloaded yet); make it readable.',
    });
    assert.match(md, /Tracking is paused/);
    assert.ok(md.includes('$(warning) A history file could not be read \\(/sync/journal/live/2026\\-03\\-02\\.mac\\.jsonl: not downloaded yet\\); make it readable\\.'), md);
    assert.match(md, /\[Resume Tracking\]\(command:handsOn\.resumeTracking\)/);
    assert.match(md, /The folder is read\\-only\\. Make it writable\\./);
    assert.match(md, /HTTP 401: the secret address was reset/);
    assert.doesNotMatch(md, /This week/, 'a day period shows one column');
  });

  it("shows a calendar's first warning, escaped, and how many more there are", () => {
    const figures = currentFigures(inputs());
    const warnings = ['"Hack *day*" (UID x) skipped: its DURATION lies after the year 2200. Fix or delete that event in your calendar; the rest of the calendar counts.', 'second'];
    const md = statusTooltip({ figures, periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [{ label: 'work.ics', kind: 'file', lastRefreshed: at('2026-11-18T13:45:00+01:00'), warnings }], paused: false, storageProblem: undefined });
    const line = md.split('\n').find((l) => l.startsWith('- work\\.ics: refreshed')) ?? '';
    assert.ok(line.includes(' · $(warning) "Hack \\*day\\*" \\(UID x\\) skipped: its DURATION lies after the year 2200'), line);
    assert.ok(line.endsWith('(+1 more in the dashboard)'), line);
    const clean = statusTooltip({ figures, periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [{ label: 'work.ics', kind: 'file', lastRefreshed: at('2026-11-18T13:45:00+01:00'), warnings: [] }], paused: false, storageProblem: undefined });
    assert.doesNotMatch(clean, /work\\.ics: .*· \$\(warning\)/);
  });

  it('says so when no calendar is connected', () => {
    const figures = currentFigures(inputs({ occurrences: [] }));
    const md = statusTooltip({ figures, periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [], paused: false, storageProblem: undefined });
    assert.match(md, /No calendar connected/);
    assert.match(md, /No more meetings ahead/);
  });

  it('announces the share, the target and the paused state to screen readers', () => {
    const figures = currentFigures(inputs());
    assert.equal(statusAccessibleLabel(figures, 'week', false), 'Hands-On: 36% hands-on this week, target 40%, below target');
    assert.equal(statusAccessibleLabel(currentFigures(inputs({ coding: [], occurrences: [] })), 'week', true), 'Hands-On: no data yet, target 40%, tracking paused');
  });

  it('escapes every Markdown control character', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e](f)<g>|h'), 'a\\*b\\_c\\`d\\[e\\]\\(f\\)\\<g\\>\\|h');
  });
});
