import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { hookPlaces, hookStateDirectory, type HookPlaces } from '../../../src/node/hooks/hookPlaces';
import { journalPaths } from '../../../src/node/journal/layout';
import { fakeCliIO } from '../../builders/cliIO';

/** test/fixtures/agentHooks, from the compiled test under out/test/unit/agents. */
export const AGENT_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/agentHooks');

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(AGENT_FIXTURES, name), 'utf8');
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** A machine of its own under `root`: a home, a VS Code config folder, a state folder and a data folder. */
export interface HookWorld {
  readonly home: string;
  readonly config: string;
  readonly stateDir: string;
  readonly dataDir: string;
  readonly places: HookPlaces;
  readonly env: NodeJS.ProcessEnv;
}

export function hookWorld(root: string): HookWorld {
  const home = path.join(root, 'home');
  const config = path.join(home, '.config');
  const state = path.join(home, '.local', 'state');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(config, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env = { HOME: home, XDG_CONFIG_HOME: config, XDG_STATE_HOME: state, TZ: 'UTC' };
  const stateDir = hookStateDirectory(env, 'linux', home);
  return { home, config, stateDir, dataDir, places: hookPlaces(stateDir, 'linux'), env };
}

/** Writes VS Code's user settings.json of that world. */
export function writeVsCodeSettings(world: HookWorld, settings: Record<string, unknown>): void {
  const user = path.join(world.config, 'Code', 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), `// the user's settings\n${JSON.stringify(settings, null, 2)}\n`);
}

export interface HookRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** `hands-on hook <argv…>` in-process, with `input` on stdin (undefined: no stdin at all) and the clock at `now`. */
export async function runHook(world: HookWorld, argv: string[], input: string | undefined, now: number): Promise<HookRun> {
  const io = fakeCliIO({ env: world.env, now, stdin: input });
  const code = await main(['hook', ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

/** `hands-on hook <agent> --data-dir <world's data folder>` with a payload (an object is sent as JSON). */
export function hook(world: HookWorld, agent: string, payload: string | object, now: number, dataDir = world.dataDir): Promise<HookRun> {
  return runHook(world, [agent, '--data-dir', dataDir], typeof payload === 'string' ? payload : JSON.stringify(payload), now);
}

/** Every file below `dir` (none when it is missing). */
export function filesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The text of every journal file of the data folder, joined. */
export function journalText(dataDir: string): string {
  return filesUnder(journalPaths(dataDir).base)
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('');
}

export function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
