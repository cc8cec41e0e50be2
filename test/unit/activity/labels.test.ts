import * as assert from 'node:assert/strict';
import { sourceLabel } from '../../../src/core/activity/activitySpan';
import { agentLabel, splitHandsOnAndAgents } from '../../../src/core/activity/handsAndAgents';

describe('how agents and sources read, and the spans the split keeps for breakdowns', () => {
  it('names each known agent and source, and shows a name this version does not know as it is', () => {
    assert.deepEqual(['claude-code', 'codex', 'gemini-cli', 'vscode-agent', 'vscode', 'disk', 'aider'].map(agentLabel), ['Claude Code', 'Codex', 'Gemini CLI', 'VS Code agent mode', 'VS Code edits', 'Files changed on disk', 'aider']);
    assert.deepEqual(['vscode', 'terminal', 'neovim', 'hook', 'emacs'].map(sourceLabel), ['VS Code', 'Terminal', 'Neovim', 'Agent hooks', 'emacs']);
  });

  it('never reads a label from the object prototype: a writer named constructor or __proto__ keeps its name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(agentLabel(name), name);
      assert.equal(sourceLabel(name), name);
    }
  });

  it("keeps the user's own spans as recorded, with their workspace, language and source, and no agent's", () => {
    const mine = [
      { start: 0, end: 120_000, workspace: 'shop', language: 'python', source: 'terminal' },
      { start: 500_000, end: 900_000, language: 'lua', source: 'neovim' },
    ];
    const split = splitHandsOnAndAgents([mine[0]!, { start: 60_000, end: 400_000, agent: 'codex' }, mine[1]!], { start: 100_000, end: 600_000 });
    assert.deepEqual(split.userSpans, mine);
    assert.deepEqual(split.handsOn, [
      { start: 100_000, end: 120_000 },
      { start: 500_000, end: 600_000 },
    ]);
  });
});
