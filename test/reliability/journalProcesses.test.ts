import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '../../src/node/journal/activityHistory';
import { compact } from '../../src/node/journal/compaction';
import { JournalWriter } from '../../src/node/journal/journalWriter';
import { journalPaths } from '../../src/node/journal/layout';
import { parseRecordLine } from '../../src/node/journal/records';
import { readStore } from '../../src/node/journal/journalReader';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/time/clock';
import { FakeClock } from '../builders/fakeClock';
import { durationMs, type Interval } from '../../src/core/time/interval';
import { listFiles, useTempDir } from '../builders/tempDir';
import { recordOf } from './reliabilityRecords';

const CHILD = path.join(__dirname, 'journalChild.js');
const EVERYTHING: Interval = { start: Date.UTC(2020, 0, 1), end: Date.UTC(2100, 0, 1) };

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

function lastAck(stdout: string): number {
  const acks = [...stdout.matchAll(/^ack (\d+)$/gm)];
  return acks.length > 0 ? Number(acks[acks.length - 1]![1]) : 0;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('reliability: journal under real processes', () => {
  const dir = useTempDir('hands-on-reliability-');

  it('4 concurrent writers, 5,000 records each: the union is exactly what was written', async () => {
    const count = 5_000;
    const children = [0, 1, 2, 3].map((c) => finished(start(['write', dir.path, `w-${c}-x`, String(c), String(count), '25'])));
    const results = await Promise.all(children);
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const history = await readHistory(dir.path, EVERYTHING);
    assert.equal(history.corruptLines, 0);
    assert.equal(history.union.length, 4 * count, 'every record once, none merged with another');
    assert.equal(durationMs(history.union), 4 * count * MINUTE_MS);
    assert.equal(listFiles(journalPaths(dir.path).live).length, 4, 'one file per writer');
  });

  it('a writer killed with SIGKILL at 20 random points keeps everything before its last flush, files stay readable', async () => {
    const next = random(20260315);
    const acked: number[] = [];
    for (let round = 0; round < 20; round++) {
      const child = start(['write', dir.path, `k-${round}-x`, String(round), '100000', String(1 + Math.floor(next() * 40))]);
      const done = finished(child);
      const delayMs = 5 + Math.floor(next() * 60);
      await new Promise<void>((resolve) => {
        child.stdout!.once('data', () => setTimeout(resolve, delayMs));
        child.once('close', () => resolve());
      });
      child.kill('SIGKILL');
      const result = await done;
      assert.equal(result.signal, 'SIGKILL', `round ${round} finished before it was killed`);
      acked.push(lastAck(result.stdout));
    }
    const store = await readStore(dir.path, EVERYTHING);
    const written = new Set(store.spans.map((span) => span.start));
    acked.forEach((count, child) => {
      assert.ok(count > 0, `writer ${child} acknowledged nothing`);
      for (let i = 0; i < count; i++) assert.ok(written.has(recordOf(child, i).start), `writer ${child} lost record ${i} of ${count} acknowledged`);
    });
    // One write call per batch; the kernel may still cut a write short when the process is killed in it (a fatal signal
    // stops a write between pages), so the contract is whole lines and at most a torn last one: no torn line inside a file.
    const live = journalPaths(dir.path).live;
    for (const name of listFiles(live)) {
      const lines = fs.readFileSync(path.join(live, name), 'utf8').split('\n').filter((line) => line.trim() !== '');
      lines.slice(0, -1).forEach((line, i) => assert.ok(parseRecordLine(line), `${name}: line ${i + 1} of ${lines.length} is torn, not the last`));
    }
    assert.ok(store.corruptLines <= listFiles(live).length, 'at most one torn line per killed writer, its last');
  });

  it('fuzzed and truncated journals: no exception, every intact record kept', async () => {
    const writer = new JournalWriter({ root: dir.path, writerId: 'fuzz-1-x', clock: new FakeClock(Date.UTC(2026, 0, 15)), createRoot: true, durable: false });
    writer.appendSpans(Array.from({ length: 300 }, (_, i) => ({ ...recordOf(0, i), workspace: `ws${i % 3}`, language: 'typescript' })));
    writer.flush();
    const live = journalPaths(dir.path).live;
    const [name] = listFiles(live);
    const file = path.join(live, name!);
    const original = fs.readFileSync(file);
    const originalLines = new Set(original.toString('utf8').split('\n').filter(Boolean));
    const next = random(42);

    for (let round = 0; round < 200; round++) {
      const bytes = Buffer.from(original);
      let text: Buffer = bytes;
      if (round % 2 === 0) {
        text = bytes.subarray(0, Math.floor(next() * bytes.length));
      } else {
        for (let flips = 1 + Math.floor(next() * 20); flips > 0; flips--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      }
      fs.writeFileSync(file, text);
      const intact = text
        .toString('utf8')
        .split('\n')
        .filter((line) => originalLines.has(line));
      const store = await readStore(dir.path, EVERYTHING);
      const kept = new Set(store.spans.map((span) => JSON.stringify({ v: 1, k: 'a', s: span.start, e: span.end, w: span.workspace, l: span.language })));
      for (const line of intact) assert.ok(kept.has(line), `round ${round}: lost intact line ${line}`);
      if (round % 2 === 0) assert.equal(store.spans.length, intact.length, `round ${round}: a truncated file yields exactly its whole lines`);
    }
  });

  it('concurrent compaction by 4 processes, 3 times over: same totals before and after, one file per day at the end', async () => {
    const writers = ['a-1-x', 'b-2-x', 'c-3-x'];
    const firstDay = Date.UTC(2026, 0, 5);
    let expectedMinutes = 0;
    for (let round = 0; round < 3; round++) {
      for (let day = round * 5; day < round * 5 + 5; day++) {
        writers.forEach((writerId, w) => {
          const dayStart = firstDay + day * DAY_MS;
          const writer = new JournalWriter({ root: dir.path, writerId, clock: new FakeClock(dayStart + 20 * HOUR_MS), createRoot: true, durable: false });
          // Three windows over overlapping hours: 9–12, 10–13, 11–14 → 5 hours of union per day.
          for (let minute = 0; minute < 180; minute++) {
            const start = dayStart + (9 + w) * HOUR_MS + minute * MINUTE_MS;
            writer.appendSpans([{ start, end: start + MINUTE_MS, workspace: writerId, language: 'ts' }]);
            if (minute % 10 === 9) writer.flush();
          }
          writer.flush();
        });
        expectedMinutes += 5 * 60;
      }
      const before = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(before.union), expectedMinutes * MINUTE_MS);
      const now = firstDay + (round * 5 + 7) * DAY_MS;
      const results = await Promise.all([0, 1, 2, 3].map(() => finished(start(['compact', dir.path, String(now)]))));
      for (const result of results) assert.equal(result.code, 0, result.stderr);
      const after = await readHistory(dir.path, EVERYTHING);
      assert.deepEqual(after.union, before.union, `round ${round}`);
      assert.deepEqual(after.minutesByWorkspace, before.minutesByWorkspace);
      assert.equal(listFiles(journalPaths(dir.path).live).length, 0, 'every closed journal was removed');
    }
    compact(dir.path, firstDay + 30 * DAY_MS);
    const dayFiles = listFiles(journalPaths(dir.path).days);
    assert.equal(dayFiles.length, 15);
    assert.equal(new Set(dayFiles.map((n) => n.slice(0, 10))).size, 15);
    assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), expectedMinutes * MINUTE_MS);
  });
});
