import * as assert from 'node:assert/strict';
import { parseHookEvent, patchAdditions, type HookAgent, type HookEvent } from '../../../src/core/agents/hookEvents';
import { readActivityPerLocalDay } from '../../../src/node/journal/activityHistory';
import { useTempDir } from '../../builders/tempDir';
import { fixture, fixtureText, hook, hookWorld, journalText } from './helpers';

const CLAUDE_SESSION = '7597d5b6-34d3-418c-b808-3ff8a9f228e2';
const CLAUDE_RESEARCH_SESSION = '3f1c9a7e-0b2d-4e5f-8a9b-0c1d2e3f4a5b';
const CODEX_SESSION = '0199a213-81c0-7800-8aa1-bbab2a035a53';
const GEMINI_SESSION = '8f0c2b1e-5d6a-4c3b-9e8f-1a2b3c4d5e6f';
const VSCODE_SESSION = 'c0ffee00-1234-4abc-8def-0123456789ab';

/** Each fixture with the agent its hook was installed for, and exactly what it records (undefined: nothing). */
const CASES: readonly [file: string, agent: HookAgent, expected: HookEvent | undefined][] = [
  // Claude Code, captured from Claude Code 2.1.332.
  ['claude-code/UserPromptSubmit.json', 'claude-code', { kind: 'prompt', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project' }],
  [
    'claude-code/PostToolUse-Write.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project', written: { characters: 17, lines: 3 }, toolUseId: 'toolu_standin000001' },
  ],
  [
    'claude-code/PostToolUse-Edit.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project', written: { characters: 'BETA-two'.length, lines: 1 }, toolUseId: 'toolu_standin000004' },
  ],
  // replace_all: "x" → "YY" three times in "a x\nb x\nc x\n".
  [
    'claude-code/PostToolUse-Edit-replaceAll.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: '9c3e46e8-6eb0-42f9-83fa-c7ab15caa97c', cwd: '/home/user/project', written: { characters: 6, lines: 3 }, toolUseId: 'toolu_standin000004' },
  ],
  [
    'claude-code/PostToolUse-NotebookEdit.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: 'f2ecd903-a783-40fa-b931-f9e74e232c82', cwd: '/home/user/project', written: { characters: 9, lines: 1 }, toolUseId: 'toolu_standin000013' },
  ],
  [
    'claude-code/PostToolUse-Write-subagent.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: 'd85281cb-a256-46a6-b9d7-d77678b25de0', cwd: '/home/user/project', written: { characters: 9, lines: 1 }, toolUseId: 'toolu_standin000007' },
  ],
  ['claude-code/PostToolUse-Agent.json', 'claude-code', { kind: 'progress', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project', toolUseId: fixture('claude-code/PostToolUse-Agent.json').tool_use_id as string }],
  ['claude-code/Stop.json', 'claude-code', { kind: 'stop', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project' }],
  ['claude-code/SubagentStop.json', 'claude-code', { kind: 'progress', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project' }],
  ['claude-code/SessionEnd.json', 'claude-code', { kind: 'end', agent: 'claude-code', session: CLAUDE_SESSION, cwd: '/home/user/project' }],
  // Events Hands-On does not record (a PreToolUse must not count the characters of a write that may be refused).
  ['claude-code/PreToolUse-Write.json', 'claude-code', undefined],
  ['claude-code/SessionStart.json', 'claude-code', undefined],
  ['claude-code/SubagentStart.json', 'claude-code', undefined],
  // Claude Code, from the research: the legacy MultiEdit and tools that write nothing.
  [
    'claude-code-research/PostToolUse-MultiEdit.json',
    'claude-code',
    { kind: 'progress', agent: 'claude-code', session: CLAUDE_RESEARCH_SESSION, cwd: '/home/u/proj', written: { characters: 'b'.length + 'dd\nee'.length, lines: 3 }, toolUseId: 'toolu_01MULTI' },
  ],
  ['claude-code-research/PostToolUse-Bash.json', 'claude-code', { kind: 'progress', agent: 'claude-code', session: CLAUDE_RESEARCH_SESSION, cwd: '/home/u/proj', toolUseId: 'toolu_01BASH' }],
  ['claude-code-research/PostToolUse-Read.json', 'claude-code', { kind: 'progress', agent: 'claude-code', session: CLAUDE_RESEARCH_SESSION, cwd: '/home/u/proj', toolUseId: 'toolu_01READ' }],
  // Codex: its notify program and its hooks.
  ['codex/notify.json', 'codex', { kind: 'stop', agent: 'codex', session: 'b5f6c1c2-1111-2222-3333-444455556666', cwd: '/Users/example/project' }],
  ['codex/UserPromptSubmit.json', 'codex', { kind: 'prompt', agent: 'codex', session: CODEX_SESSION, cwd: '/home/user/project' }],
  // "+const b = 3;" 13, "+++counter;" 11, "+export const x = 1;" 20, "+" 1, "+export const y = 2;" 20: each `+` is the line's newline.
  ['codex/PostToolUse-apply_patch.json', 'codex', { kind: 'progress', agent: 'codex', session: CODEX_SESSION, cwd: '/home/user/project', written: { characters: 65, lines: 5 }, toolUseId: 'call_abc123' }],
  ['codex/PostToolUse-Bash.json', 'codex', { kind: 'progress', agent: 'codex', session: CODEX_SESSION, cwd: '/home/user/project', toolUseId: 'call_def456' }],
  ['codex/Stop.json', 'codex', { kind: 'stop', agent: 'codex', session: CODEX_SESSION, cwd: '/home/user/project' }],
  // Gemini CLI.
  ['gemini-cli/BeforeAgent.json', 'gemini-cli', { kind: 'prompt', agent: 'gemini-cli', session: GEMINI_SESSION, cwd: '/home/user/project' }],
  ['gemini-cli/AfterTool-write_file.json', 'gemini-cli', { kind: 'progress', agent: 'gemini-cli', session: GEMINI_SESSION, cwd: '/home/user/project', written: { characters: 57, lines: 2 } }],
  ['gemini-cli/AfterTool-replace.json', 'gemini-cli', { kind: 'progress', agent: 'gemini-cli', session: GEMINI_SESSION, cwd: '/home/user/project', written: { characters: 25, lines: 2 } }],
  ['gemini-cli/AfterTool-read_file.json', 'gemini-cli', { kind: 'progress', agent: 'gemini-cli', session: GEMINI_SESSION, cwd: '/home/user/project' }],
  ['gemini-cli/AfterAgent.json', 'gemini-cli', { kind: 'stop', agent: 'gemini-cli', session: GEMINI_SESSION, cwd: '/home/user/project' }],
  // VS Code's agent hooks (Copilot Chat's runner: snake case, a timestamp, no permission_mode).
  ['vscode-agent/UserPromptSubmit.json', 'vscode-agent', { kind: 'prompt', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project' }],
  ['vscode-agent/PostToolUse-create_file.json', 'vscode-agent', { kind: 'progress', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project', written: { characters: 30, lines: 1 }, toolUseId: 'toolu_vrtx_01' }],
  [
    'vscode-agent/PostToolUse-replace_string_in_file.json',
    'vscode-agent',
    { kind: 'progress', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project', written: { characters: 25, lines: 2 }, toolUseId: 'toolu_vrtx_02' },
  ],
  [
    'vscode-agent/PostToolUse-multi_replace_string_in_file.json',
    'vscode-agent',
    { kind: 'progress', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project', written: { characters: 5, lines: 3 }, toolUseId: 'toolu_vrtx_03' },
  ],
  ['vscode-agent/PostToolUse-run_in_terminal.json', 'vscode-agent', { kind: 'progress', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project', toolUseId: 'toolu_vrtx_04' }],
  ['vscode-agent/Stop.json', 'vscode-agent', { kind: 'stop', agent: 'vscode-agent', session: VSCODE_SESSION, cwd: '/home/user/project' }],
  // VS Code's older core runner: camel case.
  ['vscode-agent/legacy-camelCase-UserPromptSubmit.json', 'vscode-agent', { kind: 'prompt', agent: 'vscode-agent', session: 'vscode-chat-session-42', cwd: '/home/user/project' }],
  [
    'vscode-agent/legacy-camelCase-PostToolUse.json',
    'vscode-agent',
    { kind: 'progress', agent: 'vscode-agent', session: 'vscode-chat-session-42', cwd: '/home/user/project', written: { characters: 4, lines: 1 }, toolUseId: 'legacy-1' },
  ],
  ['vscode-agent/legacy-camelCase-Stop.json', 'vscode-agent', { kind: 'stop', agent: 'vscode-agent', session: 'vscode-chat-session-42', cwd: '/home/user/project' }],
];

describe('agents: every hook payload kind of every agent', () => {
  for (const [file, agent, expected] of CASES) {
    it(`${file} at hook ${agent} → ${expected === undefined ? 'nothing' : `${expected.kind}${expected.written ? ` ${expected.written.characters} chars/${expected.written.lines} lines` : ''}`}`, () => {
      assert.deepEqual(parseHookEvent(agent, fixture(file)), expected);
    });
  }

  // VS Code also runs the hooks of ~/.claude/settings.json: what it sends to `hook claude-code` is VS Code's.
  for (const [file, , expected] of CASES.filter(([file]) => file.startsWith('vscode-agent/'))) {
    it(`${file} at hook claude-code is recorded as vscode-agent`, () => {
      assert.deepEqual(parseHookEvent('claude-code', fixture(file)), expected);
    });
  }

  it('keeps every Claude Code payload as Claude Code (none of them looks like VS Code)', () => {
    for (const [file, , expected] of CASES.filter(([file]) => file.startsWith('claude-code'))) {
      if (expected) assert.equal(parseHookEvent('claude-code', fixture(file))?.agent, 'claude-code', file);
    }
  });

  it('a Codex notify with no thread id records nothing; a PostToolUse of Codex with the patch under `input` counts the same', () => {
    assert.equal(parseHookEvent('codex', { type: 'agent-turn-complete', cwd: '/x' }), undefined);
    const payload = fixture('codex/PostToolUse-apply_patch.json');
    const patch = (payload.tool_input as { command: string }).command;
    assert.deepEqual(parseHookEvent('codex', { ...payload, tool_input: { input: patch } })?.written, { characters: 65, lines: 5 });
  });

  it('counts a unified diff without its +++ header, and an added ++ line with it', () => {
    assert.deepEqual(patchAdditions('--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+++i;\n'), { characters: 5, lines: 1 });
    assert.deepEqual(patchAdditions('*** Begin Patch\n*** Update File: x\n@@\n+++i;\n+\n*** End Patch\n'), { characters: 6, lines: 2 });
  });

  it('an Edit with replace_all and no original file counts its new text once', () => {
    const payload = fixture('claude-code/PostToolUse-Edit-replaceAll.json');
    assert.deepEqual(parseHookEvent('claude-code', { ...payload, tool_response: {} })?.written, { characters: 2, lines: 1 });
  });

  describe('through hands-on hook, into the journal', () => {
    const dir = useTempDir();
    const T = Date.UTC(2026, 4, 1, 10);

    it('a VS Code session at hook claude-code is vscode-agent time and characters, never Claude Code', async () => {
      const world = hookWorld(dir.path);
      for (const [file, at] of [
        ['vscode-agent/UserPromptSubmit.json', 0],
        ['vscode-agent/PostToolUse-create_file.json', 20_000],
        ['vscode-agent/Stop.json', 50_000],
      ] as const) {
        const result = await hook(world, 'claude-code', fixtureText(file), T + at);
        assert.deepEqual(result, { code: 0, out: [], err: [] });
      }
      const activity = await readActivityPerLocalDay(world.dataDir, '2026-05-01', '2026-05-01', 'UTC');
      const [day] = activity.days;
      assert.deepEqual(day!.agents, { 'vscode-agent': 50 / 60 });
      assert.deepEqual(day!.agentWriting, { 'vscode-agent': { characters: 30, lines: 1 } });
      assert.equal(day!.minutes, 0);
      assert.doesNotMatch(journalText(world.dataDir), /claude-code/);
    });

    for (const [agent, files] of [
      ['codex', ['codex/UserPromptSubmit.json', 'codex/PostToolUse-apply_patch.json', 'codex/Stop.json']],
      ['gemini-cli', ['gemini-cli/BeforeAgent.json', 'gemini-cli/AfterTool-write_file.json', 'gemini-cli/AfterAgent.json']],
    ] as const) {
      it(`a ${agent} turn records its 50 s and its characters`, async () => {
        const world = hookWorld(dir.path);
        for (const [i, file] of files.entries()) assert.deepEqual(await hook(world, agent, fixtureText(file), T + [0, 20_000, 50_000][i]!), { code: 0, out: [], err: [] });
        const [day] = (await readActivityPerLocalDay(world.dataDir, '2026-05-01', '2026-05-01', 'UTC')).days;
        assert.deepEqual(day!.agents, { [agent]: 50 / 60 });
        assert.deepEqual(day!.agentWriting, { [agent]: agent === 'codex' ? { characters: 65, lines: 5 } : { characters: 57, lines: 2 } });
      });
    }

    it("Codex's notify program: the payload is the last argument, and stdin is not read", async () => {
      const world = hookWorld(dir.path);
      const { runHook } = await import('./helpers');
      // A turn known from its hooks, whose end comes by notify.
      await hook(world, 'codex', { ...fixture('codex/UserPromptSubmit.json'), session_id: 'b5f6c1c2-1111-2222-3333-444455556666' }, T);
      const result = await runHook(world, ['codex', '--data-dir', world.dataDir, fixtureText('codex/notify.json').trim()], 'not json on stdin', T + 30_000);
      assert.deepEqual(result, { code: 0, out: [], err: [] });
      const [day] = (await readActivityPerLocalDay(world.dataDir, '2026-05-01', '2026-05-01', 'UTC')).days;
      assert.deepEqual(day!.agents, { codex: 0.5 });
    });
  });
});
