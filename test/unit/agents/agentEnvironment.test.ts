import * as assert from 'node:assert/strict';
import { agentOfEnvironment, isAgentTerminal } from '../../../src/core/agents/agentEnvironment';

describe('the environment of a shell an agent drives', () => {
  it('names the agent from AI_AGENT, the cross-vendor convention, with or without a version', () => {
    assert.equal(agentOfEnvironment({ AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1' }), 'vscode-agent');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'claude-code@2.1.120' }), 'claude-code');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'claude_code' }), 'claude-code');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'Codex' }), 'codex');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'gemini' }), 'gemini-cli');
  });

  it('keeps an agent this version does not know by its own name, reduced to what a journal line and a shell can carry', () => {
    assert.equal(agentOfEnvironment({ AI_AGENT: 'cursor-cli' }), 'cursor-cli');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'My Agent"; rm -rf ~ %s' }), 'my-agent-rm-rf-s');
    assert.equal(agentOfEnvironment({ AI_AGENT: 'x'.repeat(100) })?.length, 40);
  });

  it('reads the agents’ own markers where AI_AGENT is not set', () => {
    assert.equal(agentOfEnvironment({ COPILOT_AGENT: '1' }), 'vscode-agent');
    assert.equal(agentOfEnvironment({ CLAUDECODE: '1' }), 'claude-code');
    assert.equal(agentOfEnvironment({ GEMINI_CLI: '1' }), 'gemini-cli');
    assert.equal(agentOfEnvironment({ CODEX_THREAD_ID: '0199a' }), 'codex');
    assert.equal(agentOfEnvironment({ CODEX_SANDBOX: 'seatbelt' }), 'codex');
    assert.equal(agentOfEnvironment({ CURSOR_AGENT: '1' }), 'cursor');
  });

  it("is the user's own where nothing marks an agent: settings users set for agents are not agents", () => {
    assert.equal(agentOfEnvironment({}), undefined);
    assert.equal(agentOfEnvironment({ HOME: '/home/me', TERM_PROGRAM: 'vscode', VSCODE_INJECTION: '1' }), undefined);
    assert.equal(agentOfEnvironment({ CLAUDE_CODE_USE_BEDROCK: '1', CODEX_HOME: '/home/me/.codex', GEMINI_API_KEY: 'k' }), undefined);
    assert.equal(agentOfEnvironment({ AI_AGENT: '', CLAUDECODE: '' }), undefined);
    assert.equal(agentOfEnvironment({ AI_AGENT: ' @1 ' }), undefined);
    assert.equal(agentOfEnvironment({ AI_AGENT: null, COPILOT_AGENT: null }), undefined);
  });

  it('takes a terminal hidden from the user or started with an agent’s environment for an agent’s', () => {
    assert.equal(isAgentTerminal({ hideFromUser: true }), true);
    assert.equal(isAgentTerminal({ env: { AI_AGENT: 'github_copilot_vscode_agent' } }), true);
    assert.equal(isAgentTerminal({}), false);
    assert.equal(isAgentTerminal({ hideFromUser: false, env: { PATH: '/usr/bin' } }), false);
  });
});
