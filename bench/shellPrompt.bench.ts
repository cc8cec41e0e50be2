/**
 * The snippet's cost per prompt, with and without `hands-on init`'s snippet, as the difference of the medians of 5
 * runs divided by 1,000 prompts. bash and zsh run interactively and read 1,000 `:` lines, each drawing a prompt and
 * running the hooks (PS0 and PROMPT_COMMAND; preexec and precmd). fish emits no prompt events without a terminal, so
 * its loop emits fish_preexec and fish_prompt 1,000 times, as its reader does for each command line.
 * Needs `npm run build` (dist/cli.js).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from './median';

const cli = path.resolve(__dirname, '../../dist/cli.js');
const PROMPTS = 1000;
const RUNS = 5;

function milliseconds(shell: string, args: string[], input: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(shell, args, { input, env, stdio: ['pipe', 'ignore', 'ignore'] });
  if (result.status !== 0) throw new Error(`${shell} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** How each shell runs 1,000 prompts with the rc file `rc` (in its own folder, for zsh's ZDOTDIR). */
function promptRun(shell: string, rc: string, env: NodeJS.ProcessEnv): () => number {
  const lines = `${':\n'.repeat(PROMPTS)}exit\n`;
  if (shell === 'bash') return () => milliseconds('bash', ['--noprofile', '--rcfile', rc, '-i'], lines, env);
  if (shell === 'zsh') return () => milliseconds('zsh', ['-i'], lines, { ...env, ZDOTDIR: path.dirname(rc) });
  const loop = `source ${rc}; for i in (seq ${PROMPTS}); emit fish_preexec :; emit fish_prompt; end`;
  return () => milliseconds('fish', ['--no-config', '-c', loop], '', env);
}

if (!fs.existsSync(cli)) {
  console.log(`shell_prompt skipped: needs ${cli}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-prompt-bench-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), TERM: 'dumb' };
  for (const shell of ['bash', 'zsh', 'fish']) {
    const rcName = shell === 'zsh' ? '.zshrc' : `rc.${shell}`;
    const withDir = path.join(dir, `with-${shell}`);
    const withoutDir = path.join(dir, `without-${shell}`);
    fs.mkdirSync(withDir);
    fs.mkdirSync(withoutDir);
    fs.writeFileSync(path.join(withDir, rcName), execFileSync(process.execPath, [cli, 'init', shell, '--data-dir', data], { env, encoding: 'utf8' }));
    fs.writeFileSync(path.join(withoutDir, rcName), '');
    const withSnippet = promptRun(shell, path.join(withDir, rcName), env);
    const without = promptRun(shell, path.join(withoutDir, rcName), env);
    const times = { with: [] as number[], without: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      times.without.push(without());
      times.with.push(withSnippet());
    }
    const extra = (median(times.with) - median(times.without)) / PROMPTS;
    console.log(`shell_prompt.${shell}_extra_ms_per_prompt ${extra.toFixed(3)}`);
  }
}
