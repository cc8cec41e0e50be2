import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './support';

/** The hook commands of our own in the settings file, by event. */
function ourCommands(file: string): Record<string, string[]> {
  const settings = JSON.parse(readFileSync(file, 'utf8')) as { hooks?: Record<string, { hooks?: { command?: string }[] }[]> };
  const commands: Record<string, string[]> = {};
  for (const [event, groups] of Object.entries(settings.hooks ?? {})) {
    const ours = groups.flatMap((group) => (group.hooks ?? []).map((hook) => hook.command ?? '')).filter((command) => command.includes('hands-on-hook'));
    if (ours.length > 0) commands[event] = ours;
  }
  return commands;
}

describe('Connect Coding Agents…', () => {
  it('connects the agents picked through a launcher that runs this extension with VS Code’s own runtime, and disconnects them again', async () => {
    const api = await extensionApi();
    const settings = join(api.agentHome, '.claude', 'settings.json');
    const launcher = join(api.agentHome, '.local', 'state', 'hands-on', 'bin', 'hands-on-hook');

    api.answerAgentPickWith(['claude-code']);
    await vscode.commands.executeCommand('handsOn.connectAgents');
    const commands = ourCommands(settings);
    assert.deepEqual(Object.keys(commands).sort(), ['PostToolUse', 'SessionEnd', 'Stop', 'SubagentStop', 'UserPromptSubmit']);
    assert.deepEqual(commands.Stop, [`${launcher} claude-code --data-dir ${api.dataDirectory()}`]);
    assert.ok(!existsSync(join(api.agentHome, '.gemini', 'settings.json')), 'agents not picked are left alone');
    const text = readFileSync(launcher, 'utf8');
    assert.ok(text.includes(`'${process.execPath}'`), `the launcher names this runtime: ${text}`);
    assert.match(text, /dist\/hook\.js' "\$@"/);

    // The hook, as Claude Code would call it: a prompt and its stop become Claude Code's time in this data folder.
    const hook = (payload: object) => execFileSync(launcher, ['claude-code', '--data-dir', api.dataDirectory()], { input: JSON.stringify(payload), env: { HOME: api.agentHome, PATH: process.env.PATH ?? '' } });
    const session = { session_id: 'integration-session', cwd: '/work/project', permission_mode: 'acceptEdits' };
    assert.equal(hook({ ...session, hook_event_name: 'UserPromptSubmit', prompt: 'secret prompt' }).length, 0, 'the hook prints nothing');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(hook({ ...session, hook_event_name: 'Stop' }).length, 0);
    const live = join(api.dataDirectory(), 'journal', 'live');
    const lines = readdirSync(live)
      .filter((name) => name.endsWith('-claude-code.jsonl'))
      .flatMap((name) => readFileSync(join(live, name), 'utf8').trim().split('\n'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /"k":"g".*"ag":"claude-code","src":"hook"/);
    assert.doesNotMatch(lines.join('\n'), /secret prompt/);

    api.answerAgentPickWith([]);
    await vscode.commands.executeCommand('handsOn.connectAgents');
    assert.deepEqual(ourCommands(settings), {}, 'unpicking an agent disconnects it');
  });
});

describe('Install Command Line', () => {
  it("puts a hands-on command in the user's own bin folder on PATH that runs this extension's CLI, and removes it again", async () => {
    const api = await extensionApi();
    const bin = join(api.agentHome, '.local', 'bin');
    const command = join(bin, 'hands-on');
    await vscode.commands.executeCommand('handsOn.installCommandLine');
    const text = readFileSync(command, 'utf8');
    assert.ok(text.includes(`'${process.execPath}'`), `VS Code's runtime is the fallback: ${text}`);

    // As a user's new terminal would run it: by name, from PATH.
    const env = { HOME: api.agentHome, PATH: `${bin}:${process.env.PATH ?? ''}` };
    assert.match(execFileSync('hands-on', ['--help'], { env, encoding: 'utf8' }), /Usage: hands-on <command>/);
    const activity = JSON.parse(execFileSync('hands-on', ['activity', '--json', '--from', '2026-01-01', '--to', '2026-01-02', '--data-dir', api.dataDirectory()], { env, encoding: 'utf8' })) as { days: unknown[] };
    assert.equal(activity.days.length, 2);

    await vscode.commands.executeCommand('handsOn.uninstallCommandLine');
    assert.ok(!existsSync(command));
  });
});
