import * as assert from 'node:assert/strict';
import type { BalanceInputs } from '../../../src/core/balance/balanceInputs';
import { tabModel } from '../dashboard/builders';
import { summaryMarkdown } from '../../../src/core/report/summary';
import { codingTime } from '../../../src/core/balance/gatherInputs';
import { validateSettings } from '../../../src/core/settings/validateSettings';
import { currentFigures } from '../../../src/core/status/currentFigures';
import { statusTooltip } from '../../../src/core/status/statusTooltip';
import { at, settingsWith, span } from '../balance/helpers';
import { balanceInputs } from '../../builders/balanceInputs';

const ZONE = 'Europe/Berlin';
const HANDS_ON = [span('2026-11-18T09:00:00+01:00', '2026-11-18T10:00:00+01:00')];
const AGENT = [span('2026-11-18T10:00:00+01:00', '2026-11-18T10:30:00+01:00')];
const CHARACTERS = [{ start: at('2026-11-18T09:00:00+01:00'), counts: { typed: 380, pasted: 120, aiCompletion: 100, agent: 400 } }];

function inputs(agentTime: 'separate' | 'hands-on'): BalanceInputs {
  const settings = settingsWith({ agentTime });
  return balanceInputs({
    now: at('2026-11-18T14:00:00+01:00'),
    zone: ZONE,
    settings,
    range: span('2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00'),
    coding: codingTime(HANDS_ON, AGENT, agentTime),
    agent: AGENT,
    characters: CHARACTERS,
    occurrences: [{ ...span('2026-11-18T11:00:00+01:00', '2026-11-18T12:30:00+01:00'), title: 'Sync', uid: 'sync', allDay: false, counted: true, reason: 'counted' }],
  });
}

describe('handsOn.agentTime', () => {
  it('is validated: "separate" by default, "hands-on" kept, anything else replaced with one problem', () => {
    assert.equal(validateSettings(() => undefined).settings.agentTime, 'separate');
    assert.equal(validateSettings((key) => (key === 'agentTime' ? 'hands-on' : undefined)).settings.agentTime, 'hands-on');
    const bad = validateSettings((key) => (key === 'agentTime' ? 'always' : undefined));
    assert.equal(bad.settings.agentTime, 'separate');
    assert.deepEqual(
      bad.problems.map((p) => p.key),
      ['handsOn.agentTime'],
    );
  });

  it('"separate": agent time is shown but the share counts hands-on time only', () => {
    const figures = currentFigures(inputs('separate'));
    assert.equal(figures.today.codingMinutes, 60);
    assert.equal(figures.today.handsOnPercent, 40);
    assert.equal(figures.agentToday.agentMinutes, 30);
    assert.equal(figures.agentPeriod.typedPercent, 38);
  });

  it('"hands-on": agent time counts as coding in the share', () => {
    const figures = currentFigures(inputs('hands-on'));
    assert.equal(figures.today.codingMinutes, 90);
    assert.equal(figures.today.handsOnPercent, 50);
    assert.equal(figures.agentToday.agentMinutes, 30);
  });

  it('the tooltip says how much agent time there was today and in the period, and whether it counts', () => {
    for (const mode of ['separate', 'hands-on'] as const) {
      const tooltip = statusTooltip({ figures: currentFigures(inputs(mode)), periodKind: 'week', focusBlockMinutes: 120, zone: ZONE, sources: [], paused: false, storageProblem: undefined });
      assert.match(tooltip, /\| Agent \| 30m \| 30m \|/);
      assert.match(tooltip, mode === 'separate' ? /is not counted as coding/ : /counts as coding/);
      assert.match(tooltip, /You typed 38% of the characters that landed this week/);
    }
  });

  it('the Markdown summary mentions agent time and the typed share', () => {
    assert.match(summaryMarkdown(inputs('separate')), /- Agent time: 30m \(not counted as coding\); you typed 38% of the characters that landed/);
  });

  it('the dashboard shows the agent segment per day and the character split, never counting agent time twice', () => {
    for (const mode of ['separate', 'hands-on'] as const) {
      const model = tabModel(inputs(mode), 'thisWeek', 'overview');
      const day = model.daily.find((d) => d.date === '2026-11-18')!;
      assert.equal(day.agentMinutes, 30);
      assert.equal(day.handsOnMinutes, 60, `${mode}: hands-on part of the bar`);
      assert.equal(model.agent.agentCounts, mode === 'hands-on');
      assert.deepEqual(
        model.agent.characters.map((c) => [c.kind, c.count, c.percentText]),
        [
          ['typed', 380, '38%'],
          ['pasted', 120, '12%'],
          ['aiCompletion', 100, '10%'],
          ['agent', 400, '40%'],
        ],
      );
      assert.equal(model.agent.summaryText, 'You typed 38% of the 1,000 characters that landed.');
    }
  });
});
