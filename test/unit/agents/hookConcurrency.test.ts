import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivityPerLocalDay } from '../../../src/node/journal/activityHistory';
import { journalPaths } from '../../../src/node/journal/layout';
import { parseRecordLine } from '../../../src/node/journal/records';
import { buildBundles } from '../../builders/bundles';
import { useTempDir } from '../../builders/tempDir';
import { fixture, hookWorld, readOrEmpty, type HookWorld } from './helpers';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js hook <agent> --data-dir D` as an agent runs it: its own process, the payload on stdin. */
function hookProcess(cli: string, world: HookWorld, agent: string, payload: object): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'hook', agent, '--data-dir', world.dataDir], { env: { PATH: process.env.PATH, ...world.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(payload));
  });
}

describe('agents: concurrent hook processes (subagents writing at once)', function () {
  this.timeout(120_000);
  let bundles: string;
  const dir = useTempDir();

  before(function () {
    this.timeout(120_000);
    bundles = buildBundles();
  });
  after(() => fs.rmSync(bundles, { recursive: true, force: true }));

  it('dist/hook.js, which the launcher runs, gives up silently with exit 0 when its input never ends (the agent never waits)', async () => {
    const world = hookWorld(dir.path);
    const exit = await new Promise<Exit>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(bundles, 'hook.js'), 'claude-code', '--data-dir', world.dataDir], { env: { PATH: process.env.PATH, ...world.env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      // Half a payload, and standard input left open, as a hung agent would.
      child.stdin.write('{"session_id":"s","hook_event_name":"Stop"');
      child.on('close', (code) => {
        child.stdin.destroy();
        resolve({ code, stdout, stderr });
      });
    });
    assert.deepEqual(exit, { code: 0, stdout: '', stderr: '' });
  });

  it('20 PostToolUse at once, one repeated: whole lines only, every tool use counted exactly once', async () => {
    const world = hookWorld(dir.path);
    const cli = path.join(bundles, 'cli.js');
    const base = fixture('claude-code/PostToolUse-Write-subagent.json');
    // Tool use i writes i+1 lines of 10 characters: every sum is distinct, so a lost or doubled one shows.
    const content = (i: number) => 'abcdefghi\n'.repeat(i + 1);
    const payloads = Array.from({ length: 20 }, (_, i) => ({ ...base, session_id: 'parallel', tool_use_id: `toolu_par_${i}`, tool_input: { file_path: '/p/f.ts', content: content(i) } }));
    // The same tool use reported a second time (a retry, two hooks for one event).
    payloads.push({ ...payloads[7]! });
    const exits = await Promise.all(payloads.map((payload) => hookProcess(cli, world, 'claude-code', payload)));
    for (const exit of exits) assert.deepEqual(exit, { code: 0, stdout: '', stderr: '' });
    assert.equal(readOrEmpty(world.places.log), '', 'no problem noted');

    const live = journalPaths(world.dataDir).live;
    const files = fs.readdirSync(live);
    assert.equal(files.length, 1, 'one file for this machine and agent');
    const text = fs.readFileSync(path.join(live, files[0]!), 'utf8');
    assert.ok(text.endsWith('\n'));
    const lines = text.slice(0, -1).split('\n');
    for (const line of lines) assert.ok(parseRecordLine(line), `a whole record: ${line}`);
    const characterLines = lines.filter((line) => parseRecordLine(line)?.kind === 'characters');
    assert.equal(characterLines.length, 21, 'each call appended its own line');

    const expected = Array.from({ length: 20 }, (_, i) => content(i).length).reduce((a, b) => a + b, 0);
    const expectedLines = Array.from({ length: 20 }, (_, i) => i + 1).reduce((a, b) => a + b, 0);
    // The processes take real time: read yesterday to tomorrow, in case midnight passed.
    const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const activity = await readActivityPerLocalDay(world.dataDir, dateOf(Date.now() - 86_400_000), dateOf(Date.now() + 86_400_000), 'UTC');
    const written = activity.days.map((day) => day.agentWriting['claude-code'] ?? { characters: 0, lines: 0 });
    assert.deepEqual({ characters: written.reduce((a, w) => a + w.characters, 0), lines: written.reduce((a, w) => a + w.lines, 0) }, { characters: expected, lines: expectedLines });
    assert.equal(activity.corruptLines, 0);
  });
});
