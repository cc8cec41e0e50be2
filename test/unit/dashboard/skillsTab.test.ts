import * as assert from 'node:assert/strict';
import type { ActivitySpan } from '../../../src/core/activity/activitySpan';
import { dashboardLoad } from '../../../src/core/dashboard/viewModel';
import { TAB_BUILDERS, type DashboardTab } from '../../../src/core/dashboard/tabs/registry';
import type { Settings } from '../../../src/core/settings/settings';
import { computeSkills, skillsRange } from '../../../src/core/skills/skills';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { startOfLocalDate } from '../../../src/core/time/localDays';
import { at, BERLIN, inputs, tabModel } from './builders';

// Wednesday 25 March 2026, 16:00 in Berlin: the period is April 2025 to 25 March 2026.
const NOW = at('2026-03-25T16:00:00+01:00');

function hands(date: string, hour: number, minutes: number, language?: string, agent?: string): ActivitySpan {
  const start = startOfLocalDate(date, BERLIN) + hour * HOUR_MS;
  return { start, end: start + minutes * MINUTE_MS, ...(language !== undefined && { language }), ...(agent !== undefined && { agent }) };
}

const SPANS: ActivitySpan[] = [
  // Rust: by hand last summer only (fading).
  hands('2025-06-10', 9, 125, 'rust'),
  // TypeScript: by hand this month, in two windows over the same minutes (counted once).
  hands('2026-03-23', 9, 60, 'typescript'),
  hands('2026-03-23', 9, 30, 'typescript'),
  // Python: agents did almost all of it lately (delegated).
  hands('2026-03-20', 10, 5, 'python'),
  hands('2026-03-20', 11, 95, 'python', 'claude-code'),
  // Recorded without a language.
  hands('2026-03-24', 14, 20),
];

function model(settings: Partial<Settings> = {}) {
  return tabModel(inputs({ now: NOW, skills: { spans: SPANS, characters: [] }, settings }), 'thisWeek', 'skills');
}

describe('dashboard Skills tab', () => {
  it('asks the host for the skills history of the 12 months to today, whatever the range, and no other tab does', () => {
    const expected = skillsRange({ date: '2026-03-25', zone: BERLIN }).range;
    for (const range of ['thisWeek', 'last12Weeks'] as const) {
      const load = dashboardLoad(range, 'skills', NOW, BERLIN, 'monday');
      assert.deepEqual(load.skillsRange, expected);
      // The year is read apart from the balance inputs: `range` stays the selected range and the one before it.
      assert.ok(load.range.start > expected.start);
    }
    for (const tab of Object.keys(TAB_BUILDERS) as DashboardTab[]) {
      if (tab !== 'skills') assert.equal(dashboardLoad('thisWeek', tab, NOW, BERLIN, 'monday').skillsRange, undefined, tab);
    }
  });

  it('shows each language with its figures, verdict and sentence, as computeSkills gives them', () => {
    const m = model();
    const skills = computeSkills({ spans: SPANS, characters: [] }, { date: '2026-03-25', zone: BERLIN });
    assert.equal(m.from, '2025-04-01');
    assert.equal(m.to, '2026-03-25');
    assert.deepEqual(
      m.languages.map((l) => l.language),
      skills.languages.map((l) => l.language),
    );
    const row = (language: string) => m.languages.find((l) => l.language === language)!;
    assert.deepEqual(
      { ...row('rust'), sentence: undefined, monthlyText: undefined },
      {
        language: 'rust',
        label: row('rust').label,
        handsOnText: '2h5m',
        agentText: '0m',
        typedText: '0',
        lastHandsOnText: '2025-06-10',
        verdictText: 'fading',
        fading: true,
        delegated: false,
        sentence: undefined,
        monthlyHandsOnMinutes: skills.languages.find((l) => l.language === 'rust')!.monthlyHandsOnMinutes,
        monthlyText: undefined,
      },
    );
    // The row's bars in words: every month with its minutes, June 2025 the one with Rust.
    assert.match(row('rust').monthlyText, /^Apr 2025 0m, May 2025 0m, Jun 2025 2h5m, Jul 2025 0m, .*, Mar 2026 0m$/);
    assert.equal(row('rust').monthlyText.split(', ').length, 12);
    // One scale for every language's bars: the busiest month of any of them.
    assert.equal(m.monthlyMaxMinutes, Math.max(...skills.languages.flatMap((l) => l.monthlyHandsOnMinutes)));
    assert.equal(row('typescript').handsOnText, '1h');
    assert.equal(row('typescript').verdictText, '—');
    assert.equal(row('python').verdictText, 'delegated');
    assert.equal(row('python').agentText, '1h35m');
    assert.equal(row('unknown').handsOnText, '20m');
    assert.equal(row('python').lastHandsOnText, '2026-03-20');
    for (const l of m.languages) assert.ok(l.sentence.length > 0);
    assert.match(row('rust').sentence, /Rust/);
  });

  it('gives the heatmap every day of the period, with its minutes as text, the levels and the blanks before the first week', () => {
    const m = model();
    assert.equal(m.heatmap.length, 359); // 1 April 2025 to 25 March 2026
    assert.equal(m.dayTexts.length, m.heatmap.length);
    const day = (date: string) => m.heatmap.findIndex((d) => d.date === date);
    assert.equal(m.dayTexts[day('2026-03-23')], '1h');
    assert.equal(m.dayTexts[day('2026-03-20')], '5m');
    assert.equal(m.dayTexts[day('2026-03-21')], '0m');
    assert.equal(m.heatmap[day('2026-03-21')]!.level, 0);
    assert.equal(m.heatmap[day('2025-06-10')]!.level, 4);
    // 1 April 2025 is a Tuesday: one blank (Monday) before it with weeks from Monday, two with weeks from Sunday.
    assert.equal(m.leadingBlanks, 1);
    assert.equal(model({ weekStartsOn: 'sunday' }).leadingBlanks, 2);
    assert.equal(m.levelTexts.length, 4);
  });

  it("shows each month's hands-on share against meetings, as skillsAt gives it, with its texts", () => {
    // 23 March: an hour of meetings while TypeScript was coded in it; 25 March at 17:00 is after now (16:00): not yet.
    const meetings = [
      { start: startOfLocalDate('2026-03-23', BERLIN) + 9 * HOUR_MS, end: startOfLocalDate('2026-03-23', BERLIN) + 10 * HOUR_MS },
      { start: startOfLocalDate('2026-03-25', BERLIN) + 17 * HOUR_MS, end: startOfLocalDate('2026-03-25', BERLIN) + 18 * HOUR_MS },
    ];
    const m = tabModel(inputs({ now: NOW, skills: { spans: SPANS, characters: [], meetings } }), 'thisWeek', 'skills');
    assert.equal(m.monthlyShare.length, 12);
    const month = (name: string) => m.monthlyShare.find((x) => x.month === name)!;
    // March: TypeScript 60, Python 5 and unknown 20 minutes by hand, against the one hour that has happened.
    assert.deepEqual(
      { ...month('2026-03') },
      { month: '2026-03', label: 'Mar 2026', handsOnMinutes: 85, meetingMinutes: 60, handsOnShare: (85 / 145) * 100, handsOnText: '1h25m', meetingText: '1h', shareText: '59%', description: 'Mar 2026: 59% hands-on, 1h25m by hand, 1h in meetings' },
    );
    assert.equal(month('2025-06').shareText, '100%');
    assert.deepEqual([month('2025-05').handsOnShare, month('2025-05').shareText, month('2025-05').description], [null, '—', 'May 2025: no coding and no meetings']);
    // Without meetings read (no calendar), the share is of coding alone.
    assert.equal(model().monthlyShare.find((x) => x.month === '2026-03')!.meetingMinutes, 0);
  });

  it('shows an empty year when there is no history (and the host read none)', () => {
    const m = tabModel(inputs({ now: NOW }), 'thisWeek', 'skills');
    assert.deepEqual(m.languages, []);
    assert.ok(m.heatmap.every((d) => d.level === 0 && d.handsOnMinutes === 0));
  });
});
