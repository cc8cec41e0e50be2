/**
 * Activity benchmarks (issue 3). Run: npx tsc -p tsconfig.test.json && node out/bench/activity.bench.js
 *   activity.handler_ns_per_event        cost of ActivityTracker.record() over 1,000,000 events (target ≤ 1000)
 *   activity.attributed_ns_per_event     the hot path with attribution on (issue 9): typing as VS Code delivers it, a text
 *                                        change then a keyboard selection, with an agent edit elsewhere every 20 keys,
 *                                        through AttributedActivity, per event (target ≤ 1000)
 *   activity.year_read_ms                a year (250 workdays × 6 h, 3 windows) read into per-day totals after compaction (target ≤ 50)
 *   activity.year_bytes_before/after     that year on disk before and after compaction (target after ≤ 1 MB)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AttributedActivity } from '../src/core/activity/attributedActivity';
import { ActivityTracker } from '../src/core/activity/activityTracker';
import type { TextChangeFacts } from '../src/core/activity/attribution';
import { readActivityPerLocalDay, readHistory } from '../src/node/journal/activityHistory';
import { DecodedFiles } from '../src/node/journal/decodedFiles';
import { currentFiguresRange } from '../src/core/status/currentFigures';
import { compact } from '../src/node/journal/compaction';
import { JournalWriter } from '../src/node/journal/journalWriter';
import { journalPaths, utcDateOf } from '../src/node/journal/layout';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../src/core/time/clock';
import { FakeClock } from '../test/builders/fakeClock';
import { median } from './median';

function handlerNsPerEvent(events: number): number {
  let now = Date.UTC(2026, 0, 5, 9);
  // Events 200 ms apart with a 30 s idle gap every 10,000 events: mostly the hot path, some span changes.
  const clock = { now: () => (now += 200) };
  const tracker = new ActivityTracker({ clock });
  for (let i = 0; i < 10_000; i++) tracker.record();
  const started = process.hrtime.bigint();
  for (let i = 0; i < events; i++) tracker.record();
  const elapsed = Number(process.hrtime.bigint() - started);
  tracker.takeSpans();
  return elapsed / events;
}

function attributedNsPerEvent(keys: number): number {
  let now = Date.UTC(2026, 0, 5, 9);
  const clock = { now: () => now };
  const activity = new AttributedActivity({ clock });
  const typed: TextChangeFacts = { inActiveEditor: true, undoRedo: false, insertedChars: 1, multiLine: false, atCursor: true, clean: false };
  const agent: TextChangeFacts = { inActiveEditor: false, undoRedo: false, insertedChars: 40, multiLine: true, atCursor: false, clean: false };
  const press = (i: number) => {
    now += 100;
    activity.textChanged(typed);
    now += 1;
    activity.humanInput();
    if (i % 20 === 0) activity.textChanged(agent);
    if (i % 300 === 0) activity.tick();
  };
  for (let i = 0; i < 10_000; i++) press(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < keys; i++) press(i);
  const elapsed = Number(process.hrtime.bigint() - started);
  activity.takeSpans();
  activity.takeCharacters();
  return elapsed / (keys * 2 + Math.ceil(keys / 20));
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, name)).size;
  return total;
}

function writeYear(root: string, firstDay: number): number {
  const windows = ['desktop-101-aaa', 'desktop-202-bbb', 'laptop-303-ccc'];
  let workdays = 0;
  for (let day = 0; workdays < 250; day++) {
    const dayStart = firstDay + day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    workdays++;
    windows.forEach((writerId, w) => {
      const writer = new JournalWriter({ root, writerId, clock: new FakeClock(dayStart + 20 * HOUR_MS), createRoot: true, durable: false });
      // 09–12 and 13–16 UTC in 25-minute blocks; each window covers most of it, shifted, so they overlap.
      for (const session of [9, 13]) {
        for (let minute = w * 2; minute < 180 - (2 - w) * 2; minute++) {
          if (minute % 25 === 24) continue;
          const start = dayStart + session * HOUR_MS + minute * MINUTE_MS;
          writer.appendSpans([{ start, end: start + MINUTE_MS, workspace: w === 2 ? 'api' : 'shop', language: minute % 50 < 25 ? 'typescript' : 'markdown' }]);
          if (minute % 10 === 0) writer.flush();
        }
      }
      writer.flush();
    });
  }
  return workdays;
}

async function main(): Promise<void> {
  console.log(`activity.handler_ns_per_event ${handlerNsPerEvent(1_000_000).toFixed(1)}`);
  console.log(`activity.attributed_ns_per_event ${attributedNsPerEvent(1_000_000).toFixed(1)}`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-bench-'));
  try {
    const firstDay = Date.UTC(2025, 0, 6);
    writeYear(root, firstDay);
    const paths = journalPaths(root);
    console.log(`activity.year_bytes_before ${folderBytes(paths.live)}`);
    const lastDay = firstDay + 360 * DAY_MS;
    const started = process.hrtime.bigint();
    compact(root, lastDay + 3 * DAY_MS);
    console.log(`activity.compaction_ms ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}`);
    console.log(`activity.year_bytes_after ${folderBytes(paths.days)} (${fs.readdirSync(paths.days).length} day files, ${fs.readdirSync(paths.live).length} journals left)`);

    const runs: number[] = [];
    let total = 0;
    for (let run = 0; run < 7; run++) {
      const t = process.hrtime.bigint();
      total = (await readActivityPerLocalDay(root, utcDateOf(firstDay), utcDateOf(lastDay), 'Europe/Berlin')).totalMinutes;
      runs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`activity.year_read_ms ${median(runs).toFixed(1)} (first ${runs[0]!.toFixed(1)}, median of ${runs.length})`);
    console.log(`activity.year_coding_hours ${(total / 60).toFixed(1)}`);

    // The status bar's read after a flush: the 23 days around now, without the breakdown, with the host's cache.
    const now = lastDay + 12 * HOUR_MS;
    const statusRange = currentFiguresRange(now);
    const timed = async (read: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await read();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const uncached: number[] = [];
    for (let run = 0; run < 7; run++) uncached.push(await timed(() => readHistory(root, statusRange)));
    const cache = new DecodedFiles();
    await readHistory(root, statusRange, null, cache);
    const cached: number[] = [];
    for (let run = 0; run < 7; run++) cached.push(await timed(() => readHistory(root, statusRange, null, cache)));
    console.log(`activity.status_read_ms ${median(cached).toFixed(2)} (unchanged files from the cache, no breakdown; ${median(uncached).toFixed(2)} reading and decoding all with the breakdown, medians of 7)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
