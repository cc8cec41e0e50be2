/**
 * `hands-on hook` as agents run it: a whole process per event, the payload on stdin, into a fresh data folder.
 * Prints the wall time (median and max of 40 PostToolUse events of an edit, after 3 warm-up runs) of dist/hook.js,
 * which the agents' launcher runs, and of `hands-on hook` through the whole CLI, beside an empty Node start on the
 * same machine, so the part that is ours shows. Needs `npm run build` (dist/hook.js, dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from './median';

const repoRoot = path.resolve(__dirname, '../..');
const cli = path.join(repoRoot, 'dist/cli.js');
const hookBundle = path.join(repoRoot, 'dist/hook.js');
const RUNS = 40;
const WARM_UP = 3;

function timed(args: string[], input: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 || result.stdout.length > 0) throw new Error(`hook exited ${result.status} or printed: ${result.stdout.toString()}`);
  return ms;
}

function series(args: string[], input: (i: number) => string, env: NodeJS.ProcessEnv): number[] {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const ms = timed(args, input(i), env);
    if (i >= WARM_UP) times.push(ms);
  }
  return times;
}

if (!fs.existsSync(cli)) {
  console.log(`hook skipped: needs ${cli}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-hook-bench-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'config') };
  const payload = (i: number) =>
    JSON.stringify({
      session_id: 'bench-session',
      transcript_path: '/tmp/transcript.jsonl',
      cwd: '/home/user/project',
      permission_mode: 'acceptEdits',
      hook_event_name: 'PostToolUse',
      tool_name: 'Write',
      tool_input: { file_path: `/home/user/project/file${i}.ts`, content: 'export const answer = 42;\n'.repeat(40) },
      tool_response: { type: 'create' },
      tool_use_id: `toolu_${i}`,
    });
  // What agents run (the launcher's dist/hook.js), and the same through the whole CLI (`hands-on hook`).
  const hook = series([hookBundle, 'claude-code', '--data-dir', data], payload, env);
  const throughCli = series([cli, 'hook', 'claude-code', '--data-dir', data], payload, env);
  const empty = series(['-e', '0'], () => '', env);
  console.log(`hook.wall_median_ms ${median(hook).toFixed(1)}`);
  console.log(`hook.wall_max_ms ${Math.max(...hook).toFixed(1)}`);
  console.log(`hook.through_cli_median_ms ${median(throughCli).toFixed(1)}`);
  console.log(`hook.node_start_median_ms ${median(empty).toFixed(1)}`);
  console.log(`hook.ours_median_ms ${(median(hook) - median(empty)).toFixed(1)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
