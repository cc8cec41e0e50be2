import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { terminalSpans } from '../../src/core/activity/terminalSpans';
import { durationMs, union, type Interval } from '../../src/core/time/interval';
import { MINUTE_MS } from '../../src/core/time/clock';
import { ensureSystemPackages } from '../harness/system';
import { integratedTerminal, shellIntegrationScripts } from './vscodeTerminal';
import { CLI, exitRecordsLanded, journalSpans, makeHome, PROMPT, readBack, removeTempRoots, tempRoot, TmuxServer, TmuxShell, wait, type ShellName } from './tmuxShell';

// Real bash, zsh and fish from Debian in tmux, typed into as a person would, with the snippet that `hands-on setup`
// puts in the rc file and the idle timeout set to 1 minute in VS Code's settings. Every scenario of every shell runs
// at the same time (they wait on real time), then each is checked against the rule (terminalSpans) and read back
// through `hands-on activity --json`.
const SHELLS: readonly ShellName[] = ['bash', 'zsh', 'fish'];
const IDLE_MS = MINUTE_MS;
/**
 * `hands-on activity --json` rounds to 0.1 min (3 s either way); the rest is the test's own view of when keys landed
 * and when it saw the first prompt (later than the shell showed it, on a loaded machine). Counting a capped command
 * or Neovim's run would add 20 s.
 */
const TOLERANCE_S = 10;

interface Outcome {
  /** Hands-on seconds read back. */
  seconds: number;
  /** Each agent's seconds read back. */
  agents: Record<string, number>;
  expected: number;
  pane: string;
  /** The test's events, the rule's spans and the journal's records, in seconds from the first event, for a failure. */
  timeline: string;
  extra?: string;
}

const server = new TmuxServer();
const results = new Map<string, Promise<Outcome>>();

/** Starts a scenario now; its test awaits it (a failure before then is not an unhandled rejection). */
function start(key: string, outcome: Promise<Outcome>): void {
  outcome.catch(() => undefined);
  results.set(key, outcome);
}

function ruleSpans(shells: readonly TmuxShell[]): Interval[] {
  return shells.flatMap((shell) => terminalSpans(shell.events, IDLE_MS, shell.exitAt));
}

function timeline(shells: readonly TmuxShell[], dataDir: string): string {
  const origin = Math.min(...shells.map((shell) => shell.events[0]?.time ?? Infinity));
  const at = (ms: number) => ((ms - origin) / 1000).toFixed(1);
  const span = ({ start, end }: Interval) => `${at(start)}..${at(end)}`;
  const events = shells.map((shell) => `${shell.name}: ${shell.events.map((e) => `${e.kind === 'enter' ? `enter(${e.command})` : 'prompt'} ${at(e.time)}`).join(', ')}${shell.exitAt === undefined ? '' : `, exit ${at(shell.exitAt)}`}`);
  return [...events, `rule: ${ruleSpans(shells).map(span).join(' ')}`, `journal: ${journalSpans(dataDir).map(span).join(' ')}`].join('\n');
}

async function scenario(label: string, shell: ShellName, body: (dataDir: string, root: string) => Promise<{ shells: TmuxShell[]; extra?: string }>, dataDirOf = (root: string) => path.join(root, 'data')): Promise<Outcome> {
  const root = tempRoot(`${label}-${shell}`);
  const dataDir = dataDirOf(root);
  if (label !== 'missing') fs.mkdirSync(dataDir);
  const started = Date.now();
  const { shells, extra } = await body(dataDir, root);
  await exitRecordsLanded(dataDir, shells);
  const pane = (await Promise.all(shells.map((s) => s.pane()))).join('\n').replace(/^\s*\n/gm, '');
  const read = journalSpans(dataDir).length > 0 ? await readBack(dataDir, started, Date.now()) : { coding: 0, agents: {} };
  return { seconds: read.coding, agents: read.agents, expected: durationMs(union(ruleSpans(shells))) / 1000, pane, timeline: timeline(shells, dataDir), ...(extra !== undefined && { extra }) };
}

async function startShell(name: string, shell: ShellName, root: string, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<TmuxShell> {
  return TmuxShell.start(server, name, shell, { ...(await makeHome(path.join(root, name), shell, dataDir)), ...env });
}

/** What VS Code's agent mode puts in the environment of the terminals it runs its commands in. */
const VSCODE_AGENT_TERMINAL = { AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1' };

/** A command every 10 s for about a minute, then `exit`. */
async function minuteOfCommands(session: TmuxShell): Promise<string> {
  for (let i = 1; i <= 6; i++) {
    await wait(10_000 - 300);
    await session.run(`echo step ${i}`);
  }
  await session.run('echo user prompts $__user_prompts');
  const prompts = /user prompts (\d+)/.exec(await session.pane())?.[1] ?? 'none';
  await session.exit();
  return prompts;
}

before(function () {
  // Installed when the run is root on Debian (as CI's .ci/run does), else named in one line.
  ensureSystemPackages(['tmux', 'zsh', 'fish', 'neovim']);
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const scripts = shellIntegrationScripts();
  for (const shell of SHELLS) {
    start(`minute ${shell}`, scenario('minute', shell, async (dataDir, root) => {
      const session = await startShell(`minute-${shell}`, shell, root, dataDir);
      return { shells: [session], extra: await minuteOfCommands(session) };
    }));
    start(`long ${shell}`, scenario('long', shell, async (dataDir, root) => {
      const session = await startShell(`long-${shell}`, shell, root, dataDir);
      await wait(2000);
      await session.run('sleep 80', 120_000);
      await session.exit();
      return { shells: [session] };
    }));
    start(`nvim ${shell}`, scenario('nvim', shell, async (dataDir, root) => {
      const session = await startShell(`nvim-${shell}`, shell, root, dataDir);
      await wait(2000);
      await session.typeLine('nvim --clean');
      await wait(50_000);
      await session.keys('Escape');
      await session.run(':q', 20_000);
      await session.exit();
      // The Enter of `:q` went to Neovim, not to the shell.
      session.events.splice(session.events.findIndex((e) => e.kind === 'enter' && e.command === ':q'), 1);
      return { shells: [session] };
    }));
    start(`agent ${shell}`, scenario('agent', shell, async (dataDir, root) => {
      const session = await startShell(`agent-${shell}`, shell, root, dataDir, VSCODE_AGENT_TERMINAL);
      for (let i = 1; i <= 3; i++) await wait(5000).then(() => session.run(`echo agent ${i}`));
      await session.exit();
      return { shells: [session] };
    }));
    start(`vscode ${shell}`, scenario('vscode', shell, async (dataDir, root) => {
      const terminal = integratedTerminal(scripts, shell, await makeHome(path.join(root, 'home'), shell, dataDir), path.join(root, 'vscode-zsh'));
      const session = await TmuxShell.start(server, `vscode-${shell}`, shell, terminal.env, terminal.args);
      for (let i = 1; i <= 3; i++) await wait(5000).then(() => session.run(`echo in vscode ${i}`));
      await session.run('echo integration $VSCODE_SHELL_INTEGRATION, user prompts $__user_prompts');
      const seen = /integration (\S*), user prompts (\d+)/.exec(await session.pane());
      await session.exit();
      return { shells: [session], extra: JSON.stringify({ integration: seen?.[1], userPrompts: Number(seen?.[2]) }) };
    }));
    start(`missing ${shell}`, scenario('missing', shell, async (dataDir, root) => {
      const session = await startShell(`missing-${shell}`, shell, root, dataDir);
      // Past a minute, so the snippet tries its once-a-minute write while the shell is in use.
      for (let i = 1; i <= 7; i++) await session.run(`echo missing ${i}`).then(() => wait(10_000));
      await session.run('echo still here');
      await session.exit();
      return { shells: [session] };
    }, (root) => path.join(root, 'no-such-folder')));
    start(`unwritable ${shell}`, scenario('unwritable', shell, async (dataDir, root) => {
      const session = await startShell(`unwritable-${shell}`, shell, root, dataDir);
      // Root writes through permissions, so the live folder becomes a file: no append can open it.
      const live = path.join(dataDir, 'journal/live');
      fs.rmSync(live, { recursive: true });
      fs.writeFileSync(live, '');
      fs.chmodSync(path.join(dataDir, 'journal'), 0o555);
      for (let i = 1; i <= 7; i++) await session.run(`echo unwritable ${i}`).then(() => wait(10_000));
      await session.run('echo still here');
      await session.exit();
      return { shells: [session], extra: String(fs.statSync(live).size) };
    }));
  }
  // Two shells at once, both busy over the same half minute and more: one history, counted once.
  start('together', scenario('together', 'bash', async (dataDir, root) => {
    const first = await startShell('together-bash', 'bash', root, dataDir);
    const second = await startShell('together-zsh', 'zsh', root, dataDir);
    const third = await startShell('together-fish', 'fish', root, dataDir);
    for (let i = 1; i <= 4; i++) {
      await wait(3000);
      await first.run(`echo first ${i}`);
      await wait(3000);
      await second.run(`echo second ${i}`);
      await wait(3000);
      await third.run(`echo third ${i}`);
    }
    await Promise.all([first.exit(), second.exit(), third.exit()]);
    return { shells: [first, second, third] };
  }));
  // Mocha waits for nothing here: each test awaits its own scenario, which all run at once.
});

after(() => {
  server.kill();
  removeTempRoots();
});

function assertAbout(outcome: Outcome, what: string): void {
  // Not "what: expected …": mocha's reporter shows only the part before such a colon.
  assert.ok(Math.abs(outcome.seconds - outcome.expected) <= TOLERANCE_S, `${what} took ${outcome.expected.toFixed(1)} s by the rule, ${outcome.seconds.toFixed(1)} s read back\n${outcome.timeline}\n${outcome.pane}`);
}

function cleanPane(pane: string): string[] {
  return pane.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(PROMPT) && !/^(missing|unwritable) \d$|^still here$|^exit$|^Pane is dead/.test(line.trim()));
}

const measured: string[] = [];
after(() => console.log(`\n  measured (seconds, by the rule / read back):\n${measured.map((line) => `    ${line}`).join('\n')}`));

describe('the terminal writer in real shells (tmux, 1-minute idle timeout)', () => {
  for (const shell of SHELLS) {
    describe(shell, () => {
      it('a minute of commands counts the minute and the half-minute credit, and the user\'s own prompt hook keeps running', async () => {
        const outcome = await results.get(`minute ${shell}`)!;
        measured.push(`${shell} a minute of commands: ${outcome.expected.toFixed(1)} / ${outcome.seconds.toFixed(1)}`);
        assertAbout(outcome, 'a minute of commands');
        assert.ok(outcome.expected > 85 && outcome.expected < 115, `the scenario itself took ${outcome.expected} s`);
        assert.ok(Number(outcome.extra) >= 7, `the user's prompt hook ran ${outcome.extra} times, expected one per prompt (8)`);
      });

      it('a command running longer than the idle timeout counts only up to the idle timeout', async () => {
        const outcome = await results.get(`long ${shell}`)!;
        measured.push(`${shell} sleep 80: ${outcome.expected.toFixed(1)} / ${outcome.seconds.toFixed(1)}`);
        assertAbout(outcome, 'sleep 80');
        assert.ok(outcome.seconds < 105, `the whole run was counted: ${outcome.seconds} s`);
      });

      it("Neovim's time is left to Neovim's plugin", async () => {
        const outcome = await results.get(`nvim ${shell}`)!;
        measured.push(`${shell} 50 s in nvim: ${outcome.expected.toFixed(1)} / ${outcome.seconds.toFixed(1)}`);
        assertAbout(outcome, 'nvim');
        assert.ok(outcome.seconds < 75, `Neovim's 50 s were counted: ${outcome.seconds} s`);
      });

      it("a shell an agent drives (VS Code's agent mode) records that agent's time, none of it hands-on", async () => {
        const outcome = await results.get(`agent ${shell}`)!;
        measured.push(`${shell} agent's shell: ${outcome.expected.toFixed(1)} / ${(outcome.agents['vscode-agent'] ?? 0).toFixed(1)} as vscode-agent`);
        assert.equal(outcome.seconds, 0, `hands-on time from the agent's commands\n${outcome.timeline}`);
        assert.deepEqual(Object.keys(outcome.agents), ['vscode-agent'], `agents read back\n${outcome.timeline}`);
        assertAbout({ ...outcome, seconds: outcome.agents['vscode-agent']! }, "the agent's shell");
      });

      it("counts in VS Code's integrated terminal, beside VS Code's shell integration and the user's prompt hook", async () => {
        const outcome = await results.get(`vscode ${shell}`)!;
        measured.push(`${shell} in VS Code's terminal: ${outcome.expected.toFixed(1)} / ${outcome.seconds.toFixed(1)}`);
        const seen = JSON.parse(outcome.extra!) as { integration?: string; userPrompts: number };
        assert.equal(seen.integration, '1', `VS Code's shell integration did not load:\n${outcome.pane}`);
        assert.ok(seen.userPrompts >= 4, `the user's prompt hook ran ${seen.userPrompts} times, expected one per prompt (5)`);
        assertAbout(outcome, "VS Code's terminal");
      });

      for (const kind of ['missing', 'unwritable'] as const) {
        it(`a ${kind} data folder leaves the shell working and silent`, async () => {
          const outcome = await results.get(`${kind} ${shell}`)!;
          assert.match(outcome.pane, /^still here$/m);
          assert.deepEqual(cleanPane(outcome.pane), [], `the shell printed more than the commands' output:\n${outcome.pane}`);
          assert.equal(outcome.seconds, 0);
          if (kind === 'unwritable') assert.equal(outcome.extra, '0', 'something was written where no append could go');
        });
      }
    });
  }

  it('three shells at once count each second once', async () => {
    const outcome = await results.get('together')!;
    measured.push(`bash+zsh+fish together: ${outcome.expected.toFixed(1)} / ${outcome.seconds.toFixed(1)}`);
    assertAbout(outcome, 'three shells');
  });
});
