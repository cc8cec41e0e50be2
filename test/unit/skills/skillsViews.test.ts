import * as assert from 'node:assert/strict';
import type { ActivitySpan } from '../../../src/core/activity/activitySpan';
import { computeBalance } from '../../../src/core/balance/computeBalance';
import { periodRange } from '../../../src/core/balance/periods';
import { reportMarkdown } from '../../../src/core/report/reportMarkdown';
import { currentFigures } from '../../../src/core/status/currentFigures';
import { statusTooltip } from '../../../src/core/status/statusTooltip';
import { computeSkills } from '../../../src/core/skills/skills';
import { skillsModel } from '../../../src/core/skills/skillsModel';
import { fadingLine } from '../../../src/core/skills/skillsText';
import { HOUR_MS } from '../../../src/core/time/clock';
import { startOfLocalDate } from '../../../src/core/time/localDays';
import { balanceInputs } from '../../builders/balanceInputs';
import { at, settingsWith, span } from '../balance/helpers';

const ZONE = 'Europe/Berlin';
const DATE = '2026-12-03';

function hours(date: string, count: number, language: string, agent?: string): ActivitySpan {
  const start = startOfLocalDate(date, ZONE) + 9 * HOUR_MS;
  return { start, end: start + count * HOUR_MS, language, ...(agent !== undefined && { agent }) };
}

// Rust: 15 h in March, then nothing (fading, used a lot). Go: 2 h in February, then nothing (fading, little used).
// TypeScript: daily lately. Python: agents only lately (delegated).
const SPANS = [
  ...['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-09'].map((d) => hours(d, 3, 'rust')),
  hours('2026-02-02', 2, 'go'),
  hours('2026-12-01', 1, 'typescript'),
  hours('2026-12-02', 4, 'typescript'),
  hours('2026-11-20', 2, 'python', 'claude-code'),
];
const SKILLS = computeSkills({ spans: SPANS, characters: [] }, { date: DATE, zone: ZONE });

describe('skills: where it shows', () => {
  it('the tooltip line names a much-used fading language, not a little-used one', () => {
    assert.equal(fadingLine(SKILLS), 'Rust is fading: 15 h by hand this year, none since 9 March.');
    assert.equal(fadingLine(computeSkills({ spans: SPANS.slice(5), characters: [] }, { date: DATE, zone: ZONE })), undefined);
  });

  it('the tooltip shows the line, as text, and nothing without one', () => {
    const now = at('2026-12-03T14:00:00+01:00');
    const inputs = balanceInputs({
      now,
      zone: ZONE,
      settings: settingsWith({}),
      range: span('2026-11-30T00:00:00+01:00', '2026-12-07T00:00:00+01:00'),
      coding: [span('2026-12-02T09:00:00+01:00', '2026-12-02T13:00:00+01:00')],
    });
    const tooltip = (fadingSkill?: string) =>
      statusTooltip({ figures: currentFigures(inputs), periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [], paused: false, storageProblem: undefined, ...(fadingSkill !== undefined && { fadingSkill }) });
    assert.ok(tooltip(fadingLine(SKILLS)).includes('$(history) Rust is fading: 15 h by hand this year, none since 9 March\\.'), tooltip(fadingLine(SKILLS)));
    assert.ok(!tooltip().includes('fading'));
  });

  it('the weekly summary lists the fading and delegated languages in a sentence each', () => {
    const now = at('2026-12-03T18:00:00+01:00');
    const balance = computeBalance({ coding: [span('2026-12-02T09:00:00+01:00', '2026-12-02T13:00:00+01:00')], meetings: [], now, settings: settingsWith({}), zone: ZONE, period: periodRange('week', now, ZONE, 'monday') });
    const text = reportMarkdown({ balance, periodKind: 'week', focusBlocks: [], skills: SKILLS });
    assert.match(text, /\*\*Skills\*\* \(hands-on time per language, last 12 months\):/);
    assert.match(text, /^- Rust: 15 h by hand this year, none since 9 March\\\. Fading: not by hand in the last 90 days\\\.$/m);
    assert.match(text, /^- Python: nothing by hand this year; agents 2 h\\\. Delegated: agents did 100% of its time in the last 90 days\\\.$/m);
    assert.doesNotMatch(text, /TypeScript/);
    assert.doesNotMatch(reportMarkdown({ balance, periodKind: 'week', focusBlocks: [] }), /Skills/);
  });

  it('the tab model: sentences, heatmap levels by quartile, weeks as columns starting on the week start', () => {
    const model = skillsModel(SKILLS, 1);
    assert.equal(model.languages[0]!.label, 'Rust');
    assert.equal(model.languages[0]!.sentence, 'Rust: 15 h by hand this year, none since 9 March. Fading: not by hand in the last 90 days.');
    assert.equal(model.heatmap.length, 337);
    // 1 January 2026 is a Thursday: row 3 of the first Monday-first column.
    assert.deepEqual([model.heatmap[0]!.week, model.heatmap[0]!.weekday], [0, 3]);
    const day = (date: string) => model.heatmap.find((d) => d.date === date)!;
    assert.deepEqual([day('2026-01-05').week, day('2026-01-05').weekday], [1, 0]);
    assert.equal(day('2026-12-02').level, 4);
    assert.equal(day('2026-12-01').level, 1);
    assert.equal(day('2026-07-01').level, 0);
    assert.equal(day('2026-12-02').label, 'Wed 2 Dec 2026: 4 h by hand');
    assert.equal(model.fadingCount, 2);
    assert.equal(model.delegatedCount, 1);
    assert.equal(model.summary, '22 h by hand in 4 languages; 2 fading, 1 delegated.');
    assert.deepEqual([skillsModel(SKILLS, 0).heatmap[0]!.weekday], [4]);
  });
});
