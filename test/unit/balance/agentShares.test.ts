import * as assert from 'node:assert/strict';
import { agentCharactersPer, CHARACTER_BUCKET_MS, countedBuckets, type WriterBucket } from '../../../src/core/activity/characterCounts';
import { splitHandsOnAndAgents } from '../../../src/core/activity/handsAndAgents';
import { agentFigures } from '../../../src/core/balance/agentFigures';
import { dailySeries } from '../../../src/core/balance/series';
import { agentTimeText } from '../../../src/core/report/reportMarkdown';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const min = (m: number) => T0 + m * MINUTE_MS;
const counts = (agent: number) => ({ typed: 0, pasted: 0, aiCompletion: 0, agent });

describe('agent time by agent', () => {
  const range = { start: min(-60), end: min(120) };

  it('gives each minute one owner: your hands, then an agent that reported itself, then VS Code edits, then reloads', () => {
    const split = splitHandsOnAndAgents(
      [
        { start: min(0), end: min(10) },
        { start: min(5), end: min(40), agent: 'claude-code', source: 'hook' },
        { start: min(30), end: min(50), agent: 'disk' },
        { start: min(45), end: min(60), agent: 'vscode' },
      ],
      range,
    );
    assert.equal(durationMs(split.handsOn), 10 * MINUTE_MS);
    assert.deepEqual(split.byAgent, {
      'claude-code': [{ start: min(10), end: min(40) }],
      vscode: [{ start: min(45), end: min(60) }],
      disk: [{ start: min(40), end: min(45) }],
    });
    assert.deepEqual(split.agent, [{ start: min(10), end: min(60) }], 'the agents together, each minute once');
  });

  it('agents that both reported themselves keep their own minutes, the first by name taking a shared one', () => {
    const split = splitHandsOnAndAgents(
      [
        { start: min(0), end: min(20), agent: 'codex' },
        { start: min(10), end: min(30), agent: 'claude-code' },
      ],
      range,
    );
    assert.deepEqual(split.byAgent, { 'claude-code': [{ start: min(10), end: min(30) }], codex: [{ start: min(0), end: min(10) }] });
  });

  it('counts the characters of one edit once when a hook reported it and VS Code saw the file reloaded', () => {
    const quarter = Math.floor(min(0) / CHARACTER_BUCKET_MS) * CHARACTER_BUCKET_MS;
    const buckets: WriterBucket[] = [
      { writer: 'tool-use-1', start: quarter, counts: counts(120), agent: 'claude-code', lines: 4 },
      // The reload of the same edit, in the same quarter hour and the next one.
      { writer: 'vscode-window', start: quarter, counts: counts(120), agent: 'disk' },
      { writer: 'vscode-window', start: quarter + CHARACTER_BUCKET_MS, counts: counts(30), agent: 'disk' },
      // A reload an hour later, with no report beside it, is a change on disk of its own.
      { writer: 'vscode-window', start: quarter + 4 * CHARACTER_BUCKET_MS, counts: counts(7), agent: 'disk' },
      { writer: 'vscode-window', start: quarter, counts: { typed: 12, pasted: 0, aiCompletion: 0, agent: 5 } },
      // The same tool use reported twice (two hooks, a retry) has one identity.
      { writer: 'tool-use-1', start: quarter, counts: counts(120), agent: 'claude-code', lines: 4 },
    ];
    const counted = countedBuckets(buckets);
    const [all] = agentCharactersPer(counted, [{ start: quarter, end: quarter + 8 * CHARACTER_BUCKET_MS }]);
    assert.deepEqual(all, { 'claude-code': { characters: 120, lines: 4 }, vscode: { characters: 5, lines: 0 }, disk: { characters: 7, lines: 0 } });
  });

  it('shows each agent in the figures, the summary sentence and the days, most minutes first', () => {
    const spans = [
      { start: min(0), end: min(30), agent: 'claude-code' },
      { start: min(40), end: min(50), agent: 'vscode' },
    ];
    const split = splitHandsOnAndAgents(spans, range);
    const inputs = { agent: split.agent, agentByName: split.byAgent, characters: [], now: min(120), settings: DEFAULT_SETTINGS };
    const figures = agentFigures(inputs, range);
    assert.deepEqual(
      figures.byAgent.map((a) => [a.label, a.minutes]),
      [
        ['Claude Code', 30],
        ['VS Code edits', 10],
      ],
    );
    assert.equal(agentTimeText(figures), 'Agent time: 40m (Claude Code 30m, VS Code edits 10m; not counted as coding)');
    const [day] = dailySeries({ coding: [], agent: split.agent, agentByName: split.byAgent, meetings: [], now: min(120), zone: 'UTC' }, { start: Date.UTC(2026, 2, 2), end: Date.UTC(2026, 2, 3) });
    assert.deepEqual(day?.agents, { 'claude-code': 30, vscode: 10 });
    assert.equal(day?.agentMinutes, 40);
  });
});
