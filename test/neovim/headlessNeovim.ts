import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The plugin as the package ships it. */
export const PLUGIN_DIR = path.join(ROOT, 'nvim');

/** A clean environment for Neovim in `home`: no user config, shada, swap or plugins of the machine. */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  for (const dir of ['config', 'data', 'state', 'cache']) fs.mkdirSync(path.join(home, dir), { recursive: true });
  return {
    HOME: home,
    PATH: process.env.PATH,
    TERM: 'xterm-256color',
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ...extra,
  };
}

/** Runs a real Neovim headless: `init` as its init.lua, then the Ex commands, then quits. Returns what it printed (errors go there). */
export function runHeadless(home: string, init: string, commands: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const initFile = path.join(home, 'init.lua');
  fs.writeFileSync(initFile, init);
  const args = ['--headless', '-i', 'NONE', '-n', '-u', initFile, ...commands.flatMap((command) => ['-c', command]), '-c', 'qa!'];
  const result = spawnSync('nvim', args, { cwd: home, env: isolatedEnv(home, env), encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`;
}
