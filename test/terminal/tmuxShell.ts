import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TerminalEvent } from '../../src/core/activity/terminalSpans';
import type { Interval } from '../../src/core/time/interval';

export type ShellName = 'bash' | 'zsh' | 'fish';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist/cli.js');
/** What every test prompt shows, so the test sees when the shell is ready for the next line. */
export const PROMPT = 'READY$ ';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * Every process the scenarios start is asynchronous: they all run at once and note the times they see, and one
 * synchronous call (a CLI run under load takes seconds) would hold every other scenario's clock.
 */
const run = promisify(execFile);

/** One tmux server for the run (its own socket), killed at the end. */
export class TmuxServer {
  readonly socket = `hands-on-test-${process.pid}`;
  async tmux(...args: string[]): Promise<string> {
    return (await run('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' })).stdout;
  }
  kill(): void {
    try {
      execFileSync('tmux', ['-L', this.socket, 'kill-server']);
    } catch {
      // Already gone.
    }
  }
}

/**
 * A person's home for one scenario: HOME, XDG folders, ZDOTDIR, a VS Code settings.json with a 1-minute idle timeout
 * and the data folder, and the rc file of the shell with the user's own prompt hook, then the line `hands-on setup`
 * adds (this CLI by absolute paths, since `hands-on` is not on the test's PATH).
 */
export async function makeHome(root: string, shell: ShellName, dataDir: string): Promise<NodeJS.ProcessEnv> {
  const home = path.join(root, 'home');
  const env: NodeJS.ProcessEnv = {
    PATH: (process.env.PATH ?? '').split(':').filter((dir) => !fs.existsSync(path.join(dir, 'hands-on'))).join(':'),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    ZDOTDIR: path.join(home, 'zdot'),
    TERM: 'tmux-256color',
    LANG: 'C.UTF-8',
  };
  const settings = path.join(env.XDG_CONFIG_HOME!, 'Code/User/settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({ 'handsOn.idleTimeoutMinutes': 1, 'handsOn.dataDirectory': dataDir }));
  fs.mkdirSync(env.ZDOTDIR!, { recursive: true });
  fs.mkdirSync(path.join(env.XDG_CONFIG_HOME!, 'fish'), { recursive: true });
  // The user's own hooks, which must keep running: each prompt counts up __user_prompts.
  const userRc: Record<ShellName, [string, string]> = {
    bash: [path.join(home, '.bashrc'), `PS1='${PROMPT}'\n__user_prompts=0\nPROMPT_COMMAND='__user_prompts=$((__user_prompts + 1))'\n`],
    zsh: [path.join(env.ZDOTDIR!, '.zshrc'), `PS1='${PROMPT}'\n__user_prompts=0\nprecmd() { (( __user_prompts++ )) }\n`],
    fish: [
      path.join(env.XDG_CONFIG_HOME!, 'fish/config.fish'),
      `set -g fish_greeting\nfunction fish_prompt; echo -n '${PROMPT}'; end\nset -g __user_prompts 0\nfunction __user_prompt --on-event fish_prompt; set -g __user_prompts (math $__user_prompts + 1); end\n`,
    ],
  };
  const [rc, text] = userRc[shell];
  fs.writeFileSync(rc, text);
  await run(process.execPath, [CLI, 'setup', shell], { env, encoding: 'utf8' });
  return env;
}

/** A shell in a tmux window, driven through send-keys as a person at a keyboard; it notes the events it causes. */
export class TmuxShell {
  readonly events: TerminalEvent[] = [];
  exitAt: number | undefined;

  private constructor(
    private readonly server: TmuxServer,
    readonly name: string,
  ) {}

  static async start(server: TmuxServer, name: string, shell: ShellName, env: NodeJS.ProcessEnv, args = ['-i']): Promise<TmuxShell> {
    const envArgs = Object.entries(env).map(([key, value]) => `${key}=${value ?? ''}`);
    await server.tmux('new-session', '-d', '-s', name, '-c', env.HOME!, '-x', '160', '-y', '50', 'env', '-i', ...envArgs, shell, ...args);
    await server.tmux('set-option', '-t', name, 'remain-on-exit', 'on');
    const session = new TmuxShell(server, name);
    await session.waitForPrompts(1);
    session.events.push({ kind: 'prompt', time: Date.now() });
    return session;
  }

  async pane(): Promise<string> {
    return this.server.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', this.name);
  }

  private async prompts(): Promise<number> {
    return (await this.pane()).split(PROMPT).length - 1;
  }

  async waitForPrompts(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.prompts()) < count) {
      if (Date.now() > deadline) throw new Error(`${this.name}: no prompt ${count} after ${timeoutMs} ms:\n${await this.pane()}`);
      await sleep(50);
    }
  }

  /** Types a line, presses Enter, and waits for the next prompt, which is noted as the time it showed. */
  async run(line: string, timeoutMs?: number): Promise<void> {
    const before = await this.prompts();
    await this.typeLine(line);
    await this.waitForPrompts(before + 1, timeoutMs);
    this.events.push({ kind: 'prompt', time: Date.now() });
  }

  /** Types a line and presses Enter without waiting for the command (a full-screen program, `exit`). */
  async typeLine(line: string): Promise<void> {
    await this.server.tmux('send-keys', '-t', this.name, '-l', line);
    this.events.push({ kind: 'enter', time: Date.now(), command: line });
    await this.server.tmux('send-keys', '-t', this.name, 'Enter');
  }

  async keys(...keys: string[]): Promise<void> {
    await this.server.tmux('send-keys', '-t', this.name, ...keys);
  }

  async exit(): Promise<void> {
    await this.typeLine('exit');
    this.exitAt = Date.now();
    const deadline = Date.now() + 10_000;
    while ((await this.server.tmux('display-message', '-p', '-t', this.name, '#{pane_dead}')).trim() !== '1') {
      if (Date.now() > deadline) throw new Error(`${this.name} did not exit:\n${await this.pane()}`);
      await sleep(50);
    }
  }
}

const tempRoots: string[] = [];

/** A scratch folder for one scenario; every one is removed when the run ends (removeTempRoots). */
export function tempRoot(label: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hands-on-${label}-`));
  tempRoots.push(root);
  return root;
}

export function removeTempRoots(): void {
  for (const root of tempRoots.splice(0)) {
    // The unwritable scenarios leave read-only folders behind.
    fs.chmodSync(root, 0o755);
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Hands-on seconds and each agent's seconds in the data folder, read by the real reader (`hands-on activity --json`). */
export async function readBack(dataDir: string, from: number, to: number): Promise<{ coding: number; agents: Record<string, number> }> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const { stdout } = await run(process.execPath, [CLI, 'activity', '--json', '--tz', 'UTC', '--from', day(from), '--to', day(to), '--data-dir', dataDir], { encoding: 'utf8' });
  const json = JSON.parse(stdout) as { totalCodingMinutes: number; days: { agents: Record<string, number> }[] };
  const agents: Record<string, number> = {};
  for (const { agents: minutes } of json.days) for (const [name, value] of Object.entries(minutes)) agents[name] = (agents[name] ?? 0) + value * 60;
  return { coding: json.totalCodingMinutes * 60, agents };
}

function liveFolder(dataDir: string): string | undefined {
  const live = path.join(dataDir, 'journal/live');
  return fs.existsSync(live) && fs.statSync(live).isDirectory() ? live : undefined;
}

/** The spans the writers appended to the data folder's live journal (none when it is missing or not a folder). */
export function journalSpans(dataDir: string): Interval[] {
  const live = liveFolder(dataDir);
  if (live === undefined) return [];
  return fs
    .readdirSync(live)
    .flatMap((file) => fs.readFileSync(path.join(live, file), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { s: number; e: number })
    .map(({ s, e }) => ({ start: s, end: e }));
}

/**
 * Waits for the record each exited shell appends in the background as it ends (fish starts sh and date for it, which
 * takes seconds on a loaded machine): its span runs to the exit's credit, past every exit. Where no append can land,
 * it waits two seconds, for anything the shell would print about it.
 */
export async function exitRecordsLanded(dataDir: string, shells: readonly TmuxShell[]): Promise<void> {
  if (liveFolder(dataDir) === undefined) return sleep(2000);
  const exited = Math.max(...shells.map((shell) => shell.exitAt ?? -Infinity));
  const deadline = Date.now() + 20_000;
  while (journalSpans(dataDir).filter((span) => span.end >= exited).length < shells.length && Date.now() < deadline) await sleep(100);
}

export const wait = sleep;
