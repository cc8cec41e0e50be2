import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNudgeState, snoozeUntil, tryClaimNudge } from '../../../src/node/nudge/lease';

const T0 = Date.parse('2026-03-25T13:30:00+01:00');
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('nudge lease', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(join(tmpdir(), 'hands-on-lease-'));
  });

  afterEach(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('reads "never shown, not snoozed" from an empty or missing directory', async () => {
    assert.deepEqual(await readNudgeState(join(dataDir, 'missing')), { lastShownAt: undefined, lastShownBy: undefined, snoozedUntil: undefined });
  });

  it('lets the first writer win and records when and by whom', async () => {
    assert.equal(await tryClaimNudge(dataDir, 'window-a', T0, 24), true);
    const state = await readNudgeState(dataDir);
    assert.equal(state.lastShownAt, T0);
    assert.equal(state.lastShownBy, 'window-a');
  });

  it('gives exactly one win to two writers racing in one process', async () => {
    const results = await Promise.all([tryClaimNudge(dataDir, 'window-a', T0, 24), tryClaimNudge(dataDir, 'window-b', T0, 24)]);
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('gives exactly one win to twenty writers racing in one process', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tryClaimNudge(dataDir, `w${i}`, T0 + i, 24)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('gives exactly one win to separate Node processes racing', async () => {
    const worker = join(__dirname, 'fixtures', 'claimWorker.js');
    const children = Array.from({ length: 6 }, (_, i) => {
      const child = spawn(process.execPath, [worker, dataDir, `process-${i}`, String(T0)], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let markReady: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.startsWith('ready\n')) markReady();
      });
      const done = new Promise<string>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out.replace('ready\n', '')) : reject(new Error(`worker exited with ${code}`))));
      });
      return { child, ready, done };
    });
    // Every process has loaded before the start signal, so they really race.
    await Promise.all(children.map((c) => c.ready));
    for (const { child } of children) child.stdin.write('go\n');
    const outcomes = await Promise.all(children.map((c) => c.done));
    assert.equal(outcomes.filter((o) => o === 'won').length, 1, outcomes.join(','));
    assert.equal(outcomes.filter((o) => o === 'lost').length, 5);
  });

  it('rate-limits across writers until minHoursBetween has passed', async () => {
    assert.equal(await tryClaimNudge(dataDir, 'a', T0, 24), true);
    assert.equal(await tryClaimNudge(dataDir, 'b', T0 + 23 * HOUR, 24), false);
    assert.equal(await tryClaimNudge(dataDir, 'a', T0 + 23 * HOUR, 24), false);
    assert.equal(await tryClaimNudge(dataDir, 'b', T0 + 24 * HOUR, 24), true);
    assert.equal((await readNudgeState(dataDir)).lastShownBy, 'b');
    assert.equal(await tryClaimNudge(dataDir, 'a', T0 + 25 * HOUR, 24), false);
  });

  it('recovers from a writer that crashed after claiming, once the claim is stale', async () => {
    // What a crash between the claim and shown.json leaves behind.
    await fs.mkdir(join(dataDir, 'nudge'), { recursive: true });
    await fs.writeFile(join(dataDir, 'nudge', 'claim-0-1.json'), JSON.stringify({ writerId: 'crashed', claimedAt: T0 }));
    assert.equal(await tryClaimNudge(dataDir, 'b', T0 + MINUTE, 24), false, 'a fresh claim may still be showing');
    assert.equal(await tryClaimNudge(dataDir, 'b', T0 + 3 * MINUTE, 24), true);
    assert.equal((await readNudgeState(dataDir)).lastShownAt, T0 + 3 * MINUTE);
  });

  it('treats a claim with torn content by its file time', async () => {
    await fs.mkdir(join(dataDir, 'nudge'), { recursive: true });
    await fs.writeFile(join(dataDir, 'nudge', 'claim-0-1.json'), '{"writ');
    const mtime = (await fs.stat(join(dataDir, 'nudge', 'claim-0-1.json'))).mtimeMs;
    assert.equal(await tryClaimNudge(dataDir, 'b', mtime + 1000, 24), false);
    assert.equal(await tryClaimNudge(dataDir, 'b', mtime + 10 * MINUTE, 24), true);
  });

  it('ignores corrupt state files instead of failing', async () => {
    await fs.mkdir(join(dataDir, 'nudge'), { recursive: true });
    await fs.writeFile(join(dataDir, 'nudge', 'shown.json'), 'not json');
    await fs.writeFile(join(dataDir, 'nudge', 'snooze.json'), '[1,2]');
    assert.equal(await tryClaimNudge(dataDir, 'a', T0, 24), true);
  });

  it('takes the latest time from sync-conflict copies', async () => {
    await fs.mkdir(join(dataDir, 'nudge'), { recursive: true });
    await fs.writeFile(join(dataDir, 'nudge', 'shown.json'), JSON.stringify({ lastShownAt: T0 - 30 * HOUR, writerId: 'laptop' }));
    await fs.writeFile(join(dataDir, 'nudge', 'shown (desktop conflicted copy).json'), JSON.stringify({ lastShownAt: T0 - HOUR, writerId: 'desktop' }));
    assert.equal((await readNudgeState(dataDir)).lastShownBy, 'desktop');
    assert.equal(await tryClaimNudge(dataDir, 'a', T0, 24), false);
  });

  it('blocks every writer while snoozed and lets one through afterwards', async () => {
    await snoozeUntil(dataDir, T0 + 2 * HOUR);
    assert.equal((await readNudgeState(dataDir)).snoozedUntil, T0 + 2 * HOUR);
    assert.equal(await tryClaimNudge(dataDir, 'a', T0 + HOUR, 24), false);
    assert.equal(await tryClaimNudge(dataDir, 'b', T0 + 2 * HOUR, 24), true);
  });

  it('leaves no temporary files behind', async () => {
    await Promise.all([tryClaimNudge(dataDir, 'a', T0, 24), tryClaimNudge(dataDir, 'b', T0, 24)]);
    await snoozeUntil(dataDir, T0 + HOUR);
    const names = await fs.readdir(join(dataDir, 'nudge'));
    assert.deepEqual(names.filter((n) => n.startsWith('.tmp')), []);
  });

  it('removes claims of old generations after a day', async () => {
    assert.equal(await tryClaimNudge(dataDir, 'a', T0, 24), true);
    assert.equal(await tryClaimNudge(dataDir, 'a', T0 + 48 * HOUR, 24), true);
    const names = await fs.readdir(join(dataDir, 'nudge'));
    assert.deepEqual(names.filter((n) => n.startsWith('claim-')), [`claim-${T0}-1.json`]);
  });
});

describe('nudge lease: sync tools’ conflict copies', () => {
  let machineA: string;
  let machineB: string;

  beforeEach(async () => {
    machineA = await fs.mkdtemp(join(tmpdir(), 'hands-on-lease-a-'));
    machineB = await fs.mkdtemp(join(tmpdir(), 'hands-on-lease-b-'));
  });

  afterEach(async () => {
    await fs.rm(machineA, { recursive: true, force: true });
    await fs.rm(machineB, { recursive: true, force: true });
  });

  /** What Syncthing makes of two machines that created or changed the same files while apart: A's win, B's become copies. */
  async function syncWithConflicts(): Promise<string[]> {
    const a = join(machineA, 'nudge');
    const b = join(machineB, 'nudge');
    const copies: string[] = [];
    for (const name of await fs.readdir(b)) {
      if (name.startsWith('.')) continue;
      const theirs = await fs.readFile(join(b, name), 'utf8');
      const ours = await fs.readFile(join(a, name), 'utf8').catch(() => undefined);
      if (ours === undefined || ours === theirs) await fs.writeFile(join(a, name), theirs);
      else {
        const copy = name.replace(/\.json$/, '.sync-conflict-20260325-133000-BBBBBBB.json');
        await fs.writeFile(join(a, copy), theirs);
        copies.push(copy);
      }
    }
    await fs.rm(b, { recursive: true });
    await fs.cp(a, b, { recursive: true });
    return copies;
  }

  it('two machines that both nudged while apart: the copies merge, one nudge per interval after that, copies cleaned up', async () => {
    assert.equal(await tryClaimNudge(machineA, 'a', T0, 24), true);
    assert.equal(await tryClaimNudge(machineB, 'b', T0 + MINUTE, 24), true, 'apart, each machine can only know its own');
    const copies = await syncWithConflicts();
    assert.deepEqual(copies.sort(), ['claim-0-1.sync-conflict-20260325-133000-BBBBBBB.json', 'shown.sync-conflict-20260325-133000-BBBBBBB.json']);
    for (const machine of [machineA, machineB]) {
      assert.equal((await readNudgeState(machine)).lastShownAt, T0 + MINUTE, 'the latest of the two');
      assert.equal(await tryClaimNudge(machine, 'c', T0 + 23 * HOUR, 24), false);
    }
    assert.equal(await tryClaimNudge(machineA, 'a', T0 + 25 * HOUR, 24), true);
    const left = await fs.readdir(join(machineA, 'nudge'));
    assert.deepEqual(left.filter((name) => name.startsWith('shown')), ['shown.json'], 'the superseded copy is gone');
    // B had no changes since: the sync brings A's state over as it is.
    await fs.rm(join(machineB, 'nudge'), { recursive: true });
    await fs.cp(join(machineA, 'nudge'), join(machineB, 'nudge'), { recursive: true });
    assert.equal(await tryClaimNudge(machineB, 'b', T0 + 25 * HOUR + MINUTE, 24), false);
  });

  it('counts a fresh copy of a claim as the claim, and claims the next attempt once it is stale', async () => {
    await fs.mkdir(join(machineA, 'nudge'), { recursive: true });
    await fs.writeFile(join(machineA, 'nudge', 'claim-0-1 (1).json'), JSON.stringify({ writerId: 'crashed', claimedAt: T0 }));
    assert.equal(await tryClaimNudge(machineA, 'b', T0 + MINUTE, 24), false);
    assert.equal(await tryClaimNudge(machineA, 'b', T0 + 3 * MINUTE, 24), true);
    assert.ok((await fs.readdir(join(machineA, 'nudge'))).includes('claim-0-2.json'));
  });

  it('never gets stuck on a copy from a machine whose clock ran ahead, and never nudges twice because of it', async () => {
    await fs.mkdir(join(machineA, 'nudge'), { recursive: true });
    await fs.writeFile(join(machineA, 'nudge', 'shown 2.json'), JSON.stringify({ lastShownAt: T0 + 400 * 24 * HOUR, writerId: 'future' }));
    assert.equal(await tryClaimNudge(machineA, 'a', T0, 24), true);
    assert.equal(await tryClaimNudge(machineA, 'b', T0 + HOUR, 24), false);
    assert.deepEqual((await fs.readdir(join(machineA, 'nudge'))).filter((name) => name.startsWith('shown')), ['shown.json']);
  });

  it('ignores sync tools’ temp files and reads snooze copies', async () => {
    await fs.mkdir(join(machineA, 'nudge'), { recursive: true });
    await fs.writeFile(join(machineA, 'nudge', '.syncthing.shown.json.tmp'), JSON.stringify({ lastShownAt: T0, writerId: 'tmp' }));
    await fs.writeFile(join(machineA, 'nudge', '~syncthing~shown.json.tmp'), JSON.stringify({ lastShownAt: T0, writerId: 'tmp' }));
    await fs.writeFile(join(machineA, 'nudge', "snooze (laptop's conflicted copy 2026-03-25).json"), JSON.stringify({ until: T0 + HOUR }));
    assert.deepEqual(await readNudgeState(machineA), { lastShownAt: undefined, lastShownBy: undefined, snoozedUntil: T0 + HOUR });
    assert.equal(await tryClaimNudge(machineA, 'a', T0, 24), false);
    assert.equal(await tryClaimNudge(machineA, 'a', T0 + HOUR, 24), true);
  });
});
