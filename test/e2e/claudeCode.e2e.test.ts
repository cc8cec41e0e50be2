// A real Claude Code (the npm package's own binary) runs a session against a model stand-in on 127.0.0.1, with the
// hooks that `hands-on setup claude-code` installs; then `hands-on activity --json` must show that session as agent
// time and agent characters of "claude-code", with no coding time, and nothing of ours may have reached the model.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClaudeCode, runClaude, type ClaudeRun } from '../harness/claudeCode';
import { startModelStandIn, type ModelStandIn } from '../harness/modelStandIn';
import { ROOT } from './workbench';

const CLI = join(ROOT, 'dist', 'cli.js');
const AGENT = 'claude-code';
const PROMPT = 'Write notes.ts with three constants, then change the second one.';
/** Each model turn waits this long, so the session lasts about 3 × 8 s between its prompt and its stop. */
const TURN_DELAY_MS = 8_000;
/** How far the agent minutes may be from the measured session (the hooks' own start-up is a fraction of it). */
const TOLERANCE_MINUTES = 0.1;

const WRITTEN = 'const first = 1;\nconst second = 2;\nconst third = 3;\n';
const OLD_STRING = 'const second = 2;';
const NEW_STRING = 'const second = 22; // doubled';
const FINAL_TEXT = 'Done: notes.ts has three constants and the second is doubled.';

interface ActivityDay {
  date: string;
  codingMinutes: number;
  agents?: Record<string, number>;
  agentCharacters?: Record<string, number>;
}

interface HookEntry {
  matcher?: string;
  hooks?: { type?: string; command?: string }[];
}

interface ClaudeSettings {
  hooks?: Record<string, HookEntry[]>;
  [key: string]: unknown;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function cli(args: string[], home: string): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: home } });
}

function readSettings(home: string): ClaudeSettings {
  return JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')) as ClaudeSettings;
}

/** The commands of every hook in settings.json, by event. */
function hookCommands(settings: ClaudeSettings): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [event, entries] of Object.entries(settings.hooks ?? {})) {
    result[event] = entries.flatMap((entry) => (entry.hooks ?? []).map((hook) => hook.command ?? ''));
  }
  return result;
}

/** Our hooks call the launcher setup writes into the state folder under HOME, which runs this repo's CLI. */
const isOurs = (command: string) => /hands-on-hook claude-code\b/.test(command);

describe('Claude Code, with the hooks of hands-on setup claude-code', function () {
  // Installing Claude Code the first time (about 15 s) and one session of about 25 s.
  this.timeout(240_000);

  let root: string;
  let home: string;
  let workspace: string;
  let data: string;
  let standIn: ModelStandIn | undefined;

  before(function () {
    ensureClaudeCode();
    // No "hands-on" in these paths: the workspace path reaches the model, which must see nothing of ours.
    root = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
    home = join(root, 'home');
    workspace = join(root, 'workspace');
    data = join(root, 'data');
    for (const dir of [home, workspace, data]) mkdirSync(dir, { recursive: true });
    // A user's own settings and hook, which setup and uninstall must leave as they are.
    mkdirSync(join(home, '.claude'), { recursive: true });
    writeFileSync(
      join(home, '.claude', 'settings.json'),
      JSON.stringify({ cleanupPeriodDays: 30, hooks: { Stop: [{ matcher: '', hooks: [{ type: 'command', command: 'true' }] }] } }, null, 2),
    );
  });

  after(async function () {
    await standIn?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('records the session as agent time and agent characters, and uninstalls cleanly', async function () {
    // 1. Our setup writes the hooks; the user's own stay.
    cli(['setup', 'claude-code', '--data-dir', data], home);
    const installed = readSettings(home);
    assert.equal(installed.cleanupPeriodDays, 30, 'setup keeps the user settings');
    const commands = hookCommands(installed);
    assert.ok(commands.Stop?.includes('true'), 'setup keeps the user own Stop hook');
    for (const event of ['UserPromptSubmit', 'PostToolUse', 'Stop']) {
      const ours = (commands[event] ?? []).filter(isOurs);
      assert.equal(ours.length, 1, `one hook of ours for ${event}: ${JSON.stringify(commands[event])}`);
      assert.ok(ours[0]?.includes(data), `the ${event} hook names the data folder: ${ours[0]}`);
    }
    const launcher = readFileSync(join(home, '.local', 'state', 'hands-on', 'bin', 'hands-on-hook'), 'utf8');
    assert.ok(launcher.includes(`'${join(ROOT, 'dist', 'hook.js')}' "$@"`), `the launcher runs this CLI's hook bundle with an absolute path: ${launcher}`);
    assert.ok(launcher.includes(`'${process.execPath}'`), `the launcher names its runtime by absolute path: ${launcher}`);

    // 2. A real session: Write a file, then Edit it, then end the turn; each model turn takes TURN_DELAY_MS.
    const file = join(workspace, 'notes.ts');
    standIn = await startModelStandIn({
      prompt: PROMPT,
      turnDelayMs: TURN_DELAY_MS,
      tools: [
        { name: 'Write', input: { file_path: file, content: WRITTEN } },
        { name: 'Edit', input: { file_path: file, old_string: OLD_STRING, new_string: NEW_STRING } },
      ],
      finalText: FINAL_TEXT,
    });
    const run: ClaudeRun = await runClaude({ home, cwd: workspace, baseUrl: standIn.baseUrl, prompt: PROMPT });
    const details = `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
    assert.equal(run.code, 0, details);
    assert.ok(run.stdout.includes(FINAL_TEXT), `claude printed the final text: ${details}`);
    assert.doesNotMatch(run.stderr, /hook/i, `no hook complained: ${details}`);
    assert.equal(readFileSync(file, 'utf8'), WRITTEN.replace(OLD_STRING, NEW_STRING), 'Claude Code wrote and edited the file');
    assert.deepEqual(
      standIn.answered.map((turn) => turn.sent),
      ['tool_use', 'tool_use', 'text'],
      'the stand-in played its whole script',
    );

    // Nothing of ours reached the model: no hook output, no error about a hook, no path of our data.
    const main = standIn.requests.filter((request) => request.kind === 'main');
    assert.ok(main.length >= 3, `${main.length} requests of the conversation`);
    for (const request of standIn.requests) {
      const ours = /.{0,80}hands-on.{0,80}/is.exec(request.body);
      assert.ok(!ours, `a request to ${request.url} carries our text: …${ours?.[0]}…`);
      assert.ok(!request.body.includes(data), `a request to ${request.url} carries the data folder`);
    }

    // The session's wall time: the prompt hook runs before the first request, the stop hook after the last answer,
    // and the process wraps both.
    const firstRequest = main[0]?.at ?? run.startedAt;
    const lastAnswer = standIn.answered.at(-1)?.at ?? run.endedAt;
    const inner = (lastAnswer - firstRequest) / 60_000;
    const outer = (run.endedAt - run.startedAt) / 60_000;
    console.log(`      claude session: ${(outer * 60).toFixed(1)} s process, ${(inner * 60).toFixed(1)} s from first request to last answer`);

    // 3. What Hands-On recorded.
    const from = utcDay(run.startedAt);
    const to = utcDay(run.endedAt);
    const activity = JSON.parse(cli(['activity', '--json', '--data-dir', data, '--from', from, '--to', to, '--tz', 'UTC'], home)) as { days: ActivityDay[] };
    const days = activity.days;
    assert.ok(days.length >= 1, JSON.stringify(activity));
    const sum = (pick: (day: ActivityDay) => number | undefined) => days.reduce((total, day) => total + (pick(day) ?? 0), 0);
    assert.equal(sum((day) => day.codingMinutes), 0, `no coding time: ${JSON.stringify(days)}`);
    const agentMinutes = sum((day) => day.agents?.[AGENT]);
    assert.ok(
      agentMinutes >= inner - TOLERANCE_MINUTES && agentMinutes <= outer + TOLERANCE_MINUTES,
      `agent minutes ${agentMinutes} within ${TOLERANCE_MINUTES} of the session (${inner.toFixed(3)}–${outer.toFixed(3)} min): ${JSON.stringify(days)}`,
    );
    assert.equal(sum((day) => day.agentCharacters?.[AGENT]), WRITTEN.length + NEW_STRING.length, `agent characters: ${JSON.stringify(days)}`);

    // 4. Uninstall removes ours and nothing else.
    cli(['setup', 'claude-code', '--uninstall'], home);
    const after = readSettings(home);
    assert.equal(after.cleanupPeriodDays, 30, 'uninstall keeps the user settings');
    const left = hookCommands(after);
    assert.deepEqual(
      Object.values(left).flat().filter((command) => isOurs(command) || /hands-on|cli\.js/i.test(command)),
      [],
      `no hook of ours is left: ${JSON.stringify(after.hooks)}`,
    );
    assert.deepEqual(left.Stop, ['true'], 'the user own Stop hook is still there');
    assert.ok(existsSync(join(home, '.claude', 'settings.json')));
  });
});
