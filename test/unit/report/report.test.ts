import * as assert from 'node:assert/strict';
import { computeBalance, type Balance } from '../../../src/core/balance/computeBalance';
import { periodRange } from '../../../src/core/balance/periods';
import { dailySeries } from '../../../src/core/balance/series';
import { formatDuration, round1 } from '../../../src/core/report/formatDuration';
import { targetStatusText } from '../../../src/core/report/wording';
import { reportJson } from '../../../src/core/report/reportJson';
import { focusReport, type FocusReport } from '../../../src/core/balance/focusReport';
import type { Occurrence } from '../../../src/core/calendar/types';
import { reportMarkdown } from '../../../src/core/report/reportMarkdown';
import { reportText } from '../../../src/core/report/reportText';
import { currentFigures } from '../../../src/core/status/currentFigures';
import { balanceInputs } from '../../builders/balanceInputs';
import { formatStatusText } from '../../../src/core/status/statusText';
import { spanLabel } from '../../../src/core/report/zoned';
import { at, settingsWith, span } from '../balance/helpers';

const BERLIN = 'Europe/Berlin';
const NOW = at('2026-03-25T18:00:00+01:00');
const CODING = [span('2026-03-25T09:00:00+01:00', '2026-03-25T12:10:00+01:00')];
const MEETINGS = [span('2026-03-25T11:00:00+01:00', '2026-03-25T15:00:00+01:00'), span('2026-03-26T10:00:00+01:00', '2026-03-26T11:00:00+01:00')];

const OCCURRENCES: Occurrence[] = [
  { ...MEETINGS[0]!, title: 'Design review', uid: 'review', allDay: false, counted: true, reason: 'counted' },
  { ...MEETINGS[1]!, title: 'Sync', uid: 'sync', allDay: false, counted: true, reason: 'counted' },
];

function focus(coding = CODING, occurrences = OCCURRENCES): FocusReport {
  return focusReport({ coding, occurrences, now: NOW, zone: BERLIN, settings: settingsWith({}), daysOff: [] }, periodRange('week', NOW, BERLIN, 'monday'));
}

function balance(coding = CODING, meetings = MEETINGS): Balance {
  const settings = settingsWith({});
  return computeBalance({ coding, meetings, now: NOW, settings, zone: BERLIN, period: periodRange('week', NOW, BERLIN, 'monday') });
}

describe('formatDuration', () => {
  for (const [minutes, text] of [[190, '3h10m'], [45, '45m'], [240, '4h'], [0, '0m'], [59.6, '1h'], [-5, '0m'], [NaN, '0m']] as const) {
    it(`${minutes} → ${text}`, () => assert.equal(formatDuration(minutes), text));
  }
});

describe('formatStatusText', () => {
  const b = balance();

  it('percent', () => {
    assert.equal(formatStatusText(b, 'percent'), '$(code) 44% hands-on');
    assert.equal(formatStatusText(balance([], []), 'percent'), '$(code) — hands-on');
  });

  it('hours', () => {
    assert.equal(formatStatusText(b, 'hours'), '3h10m code · 4h meetings');
  });

  it('ratio with one decimal and no trailing .0', () => {
    assert.equal(formatStatusText(b, 'ratio'), '3.2 : 4');
    assert.equal(formatStatusText(balance([], []), 'ratio'), '0 : 0');
  });

  it('icon shows no numbers, only on track or not', () => {
    assert.equal(formatStatusText(b, 'icon'), '$(check) hands-on');
    const below = balance([], MEETINGS);
    assert.equal(formatStatusText(below, 'icon'), '$(warning) hands-on');
    assert.doesNotMatch(formatStatusText(below, 'icon'), /\d/);
  });

  it('shows a paused tracker or an unwritable data folder in place of the icon', () => {
    assert.equal(formatStatusText(b, 'percent', 'paused'), '$(debug-pause) 44% hands-on');
    assert.equal(formatStatusText(b, 'percent', 'storage-problem'), '$(error) 44% hands-on');
    assert.equal(formatStatusText(b, 'hours', 'paused'), '$(debug-pause) 3h10m code · 4h meetings');
    assert.equal(formatStatusText(b, 'icon', 'storage-problem'), '$(error) hands-on');
    assert.equal(formatStatusText(b, 'ratio', 'tracking'), '3.2 : 4');
  });
});

describe('reportJson', () => {
  it('has exactly the documented shape, with ISO times carrying the zone offset', () => {
    const agent = { agentMinutes: 12.345, agentTime: 'separate' as const, characters: { typed: 380, pasted: 120, aiCompletion: 100, agent: 400 }, typedPercent: 38,
      byAgent: [
        { name: 'claude-code', label: 'Claude Code', minutes: 10.04, characters: 350, lines: 12 },
        { name: 'vscode', label: 'VS Code edits', minutes: 2.305, characters: 50, lines: 0 },
      ],
    };
    const json = reportJson(balance(), agent, [span('2026-03-26T11:00:00+01:00', '2026-03-26T18:00:00+01:00')], focus());
    assert.deepEqual(Object.keys(json), [
      'period',
      'codingMinutes',
      'meetingMinutes',
      'overlapMinutes',
      'handsOnPercent',
      'targetPercent',
      'belowTarget',
      'agentMinutes',
      'agentTimeCounts',
      'agents',
      'agentCharacters',
      'agentLines',
      'characters',
      'focusBlocks',
      'focus',
      'meetingSeries',
    ]);
    const block = (day: string, from: string, to: string, codingMinutes = 0, used = false) => ({ start: `2026-03-${day}T${from}:00+01:00`, end: `2026-03-${day}T${to}:00+01:00`, codingMinutes, used });
    assert.deepEqual(json, {
      period: { start: '2026-03-23T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00' },
      codingMinutes: 190,
      meetingMinutes: 240,
      overlapMinutes: 70,
      handsOnPercent: 44.2,
      targetPercent: 40,
      belowTarget: false,
      agentMinutes: 12.3,
      agentTimeCounts: false,
      agents: { 'claude-code': 10, vscode: 2.3 },
      agentCharacters: { 'claude-code': 350, vscode: 50 },
      agentLines: { 'claude-code': 12 },
      characters: { typed: 380, pasted: 120, aiCompletion: 100, agent: 400 },
      focusBlocks: [{ start: '2026-03-26T11:00:00+01:00', end: '2026-03-26T18:00:00+01:00' }],
      focus: {
        blockMinutes: 120,
        // Mon and Tue whole, Wed 09:00–11:00 (coded: used) and 15:00–18:00, Thu 11:00–18:00 and Fri whole ahead; Thu 09:00–10:00 is a fragment.
        focusMinutes: 540 + 540 + 120 + 180 + 420 + 540,
        fragmentedMinutes: 60,
        blocks: [
          block('23', '09:00', '18:00'),
          block('24', '09:00', '18:00'),
          block('25', '09:00', '11:00', 120, true),
          block('25', '15:00', '18:00'),
          block('26', '11:00', '18:00'),
          block('27', '09:00', '18:00'),
        ],
        usedBlocks: 1,
        // No coding after the review before the end of Wednesday.
        reentry: { medianMinutes: null, samples: 0, noReturn: 1 },
      },
      meetingSeries: [
        { title: 'Design review', occurrences: 1, minutes: 240, focusCostMinutes: 240 },
        { title: 'Sync', occurrences: 1, minutes: 60, focusCostMinutes: 120 },
      ],
    });
  });

  it('gives null for an undefined share and survives JSON round-trips', () => {
    const json = reportJson(balance([], []), { agentMinutes: 0, agentTime: 'hands-on', characters: { typed: 0, pasted: 0, aiCompletion: 0, agent: 0 }, typedPercent: undefined, byAgent: [] }, [], focus([], []));
    assert.equal(json.agentTimeCounts, true);
    assert.equal(json.handsOnPercent, null);
    assert.deepEqual(json.meetingSeries, []);
    assert.equal(json.focus.reentry.medianMinutes, null);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  });
});

describe('reportMarkdown', () => {
  it('summarises the week for a 1:1 document', () => {
    const b = balance();
    const previous = balance([span('2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00')], MEETINGS);
    const days = dailySeries({ coding: CODING, meetings: MEETINGS, now: NOW, zone: BERLIN }, b.period);
    const text = reportMarkdown({ balance: b, periodKind: 'week', focusBlocks: [span('2026-03-26T11:00:00+01:00', '2026-03-26T18:00:00+01:00')], days, previous, focus: focus() });
    assert.equal(
      text,
      [
        '### Hands-on time, week of Mon 23 Mar 2026',
        '',
        '**44% hands-on** (target 40%): on target; last week 20%.',
        '',
        '- Coding: 3h10m',
        '- Meetings: 4h',
        '- Coding during meetings (counted in both): 1h10m',
        '',
        '| Day | Coding | Meetings | Hands-on |',
        '| --- | ---: | ---: | ---: |',
        '| Wed 25 Mar | 3h10m | 4h | 44% |',
        '',
        '**Focus** (free blocks of 2h or more, between meetings and breaks):',
        '',
        '- Available: 39h in 6 blocks (16h of it ahead)',
        '- Used: 1 of 4 blocks so far (2h of coding in them)',
        '- Fragmented: 1h in gaps shorter than 2h',
        '- Back to code after meetings: no return to code after 1 meeting',
        '',
        '**What the calendar cost in focus time:**',
        '',
        '1. Design review: met once for 4h, cost 4h of focus time',
        '2. Sync: met once for 1h, cost 2h of focus time',
        '',
        'Free focus blocks ahead: Thu 11:00–18:00 (7h).',
        '',
      ].join('\n'),
    );
  });

  it('says when it is below target, shows the pace, and when no block is left', () => {
    const settings = settingsWith({ minCodingHoursPerWeek: 10 });
    const b = computeBalance({ coding: [], meetings: MEETINGS, now: NOW, settings, zone: BERLIN, period: periodRange('week', NOW, BERLIN, 'monday') });
    const text = reportMarkdown({ balance: b, periodKind: 'week', focusBlocks: [] });
    assert.match(text, /\*\*0% hands-on\*\* \(target 40%\): below target\./);
    assert.match(text, /Coding pace toward the weekly minimum: 0m of 6h due so far/);
    assert.match(text, /Free focus blocks ahead: none\./);
    assert.doesNotMatch(text, /\| Day/);
  });

  it('writes 24:00 for a block that ends at midnight, in the Markdown and in the terminal text alike', () => {
    const midnight = [span('2026-03-25T20:00:00+01:00', '2026-03-26T00:00:00+01:00')];
    const text = reportMarkdown({ balance: balance(), periodKind: 'day', focusBlocks: midnight });
    assert.match(text, /Wed 20:00–24:00 \(4h\)/);
    const inputs = balanceInputs({ now: NOW, zone: BERLIN, range: periodRange('week', NOW, BERLIN, 'monday'), settings: settingsWith({}), coding: CODING, occurrences: OCCURRENCES });
    const figures = currentFigures(inputs);
    const terminal = reportText({ figures, periodKind: 'week', zone: BERLIN, focus: focus(), focusBlocks: midnight });
    assert.equal(terminal.split('\n').at(-1), 'Free focus blocks ahead this week: Wed 20:00–24:00 (4h)');
  });

  it('names at most three costly series, escaped, and never one that cost nothing', () => {
    const occurrences: Occurrence[] = ['23', '24', '25', '26', '27'].map((day, i) => ({
      ...span(`2026-03-${day}T12:00:00+01:00`, `2026-03-${day}T12:30:00+01:00`),
      title: i === 0 ? '*Bold* [link](x)' : `Meeting ${i}`,
      uid: `m${i}`,
      allDay: false,
      counted: true,
      reason: 'counted',
    }));
    occurrences.push({ ...span('2026-03-25T19:00:00+01:00', '2026-03-25T20:00:00+01:00'), title: 'Evening', uid: 'e', allDay: false, counted: true, reason: 'counted' });
    const text = reportMarkdown({ balance: balance(), periodKind: 'week', focusBlocks: [], focus: focus([], occurrences) });
    assert.match(text, /^1\. \\\*Bold\\\* \\\[link\\\]\\\(x\\\): met once for 30m, cost/m);
    assert.match(text, /^3\. Meeting 2: /m);
    assert.doesNotMatch(text, /^4\. /m);
    assert.doesNotMatch(text, /Evening/);
  });
});

describe('shared report wording', () => {
  it('labels spans in the zone, ending at 24:00 on the same day and with the date across days', () => {
    assert.equal(spanLabel(span('2026-03-25T14:00:00+01:00', '2026-03-25T18:00:00+01:00'), BERLIN), 'Wed 25 Mar 14:00–18:00');
    assert.equal(spanLabel(span('2026-03-25T20:00:00+01:00', '2026-03-26T00:00:00+01:00'), BERLIN), 'Wed 25 Mar 20:00–24:00');
    assert.equal(spanLabel(span('2026-03-25T22:00:00+01:00', '2026-03-26T02:00:00+01:00'), BERLIN), 'Wed 25 Mar 22:00–Thu 26 Mar 02:00');
    assert.equal(spanLabel(span('2026-03-25T22:00:00+01:00', '2026-03-26T02:00:00+01:00'), BERLIN, 'EEE'), 'Wed 22:00–Thu 02:00');
  });

  it('says no data yet, below target or on target', () => {
    assert.equal(targetStatusText({ handsOnPercent: undefined, belowTarget: false }), 'no data yet');
    assert.equal(targetStatusText({ handsOnPercent: undefined, belowTarget: true }), 'below target');
    assert.equal(targetStatusText({ handsOnPercent: 20, belowTarget: true }), 'below target');
    assert.equal(targetStatusText({ handsOnPercent: 50, belowTarget: false }), 'on target');
  });

  it('rounds to one decimal', () => {
    assert.equal(round1(44.25), 44.3);
    assert.equal(round1(12), 12);
  });
});
