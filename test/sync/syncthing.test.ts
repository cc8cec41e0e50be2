import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHistory } from '../../src/node/journal/activityHistory';
import { compact, type CompactionResult } from '../../src/node/journal/compaction';
import { JournalWriter } from '../../src/node/journal/journalWriter';
import { journalPaths } from '../../src/node/journal/layout';
import { readNudgeState, tryClaimNudge } from '../../src/node/nudge/lease';
import { charactersPer, CHARACTER_BUCKET_MS } from '../../src/core/activity/characterCounts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/time/clock';
import { durationMs, union, type Interval } from '../../src/core/time/interval';
import { FakeClock } from '../builders/fakeClock';
import { SyncthingPair, syncthingAvailable, syncthingVersion, treeOf, type SyncthingSide } from './syncthingPair';

/*
 * Issue 17: a real sync engine between two machines. Two Syncthing instances sync one Hands-On data folder between
 * two homes on loopback. A writer on each side records activity (journal spans and character counts, through the
 * production JournalWriter) while the test cuts and heals the link, compacts one day on both sides while apart
 * (two different day files of it), compacts it on one side while the other still appends to it, makes both sides
 * write the same journal name while apart (two machines with one host name: a live journal conflict), and makes both
 * sides win the nudge lease while apart (a lease conflict). After healing,
 * both sides' readers report every acknowledged minute and character once: 0 lost, 0 double counted.
 */

const MARCH_2 = Date.UTC(2026, 2, 2);
/** When the writers think it is: March 2, a day that is closed by the time of the compaction. */
const WRITING = MARCH_2 + 8 * HOUR_MS;
/** When the compactions run: ten days later. */
const COMPACTING = MARCH_2 + 10 * DAY_MS;
const EVERYTHING: Interval = { start: MARCH_2 - DAY_MS, end: MARCH_2 + 30 * DAY_MS };

/** A writer on one side: what it appended and saw acknowledged (flush ok) is what readers must report. */
class SideWriter {
  readonly clock = new FakeClock(WRITING);
  readonly writer: JournalWriter;
  private nextMinute: number;
  /** Its cumulative typed characters per quarter hour, as the extension writes them. */
  private readonly typed = new Map<number, number>();

  constructor(
    readonly root: string,
    private readonly writerId: string,
    firstMinute: number,
    private readonly acknowledged: { minutes: Set<number>; typed: Map<string, number> },
    private readonly countsCharacters = true,
  ) {
    this.writer = new JournalWriter({ root, clock: this.clock, writerId, createRoot: true });
    this.nextMinute = firstMinute;
  }

  /** Appends `count` one-minute spans, every other minute from where it left off, with 10 typed characters each, in one flush. */
  write(count: number): void {
    const minutes: number[] = [];
    for (let i = 0; i < count; i++, this.nextMinute += 2) minutes.push(this.nextMinute);
    this.writer.appendSpans(minutes.map((m) => ({ start: WRITING + m * MINUTE_MS, end: WRITING + (m + 1) * MINUTE_MS })));
    const changed = new Set<number>();
    if (this.countsCharacters) {
      for (const m of minutes) {
        const bucket = Math.floor((WRITING + m * MINUTE_MS) / CHARACTER_BUCKET_MS) * CHARACTER_BUCKET_MS;
        this.typed.set(bucket, (this.typed.get(bucket) ?? 0) + 10);
        changed.add(bucket);
      }
      this.writer.appendCharacters([...changed].map((start) => ({ start, counts: { typed: this.typed.get(start)!, pasted: 0, aiCompletion: 0, agent: 0 } })));
    }
    assert.ok(this.writer.flush().ok, 'the data folder takes the write');
    for (const m of minutes) this.acknowledged.minutes.add(m);
    for (const start of changed) this.acknowledged.typed.set(`${this.writerId}/${start}`, this.typed.get(start)!);
  }
}

describe('sync: two machines, one history, through a real Syncthing pair', function () {
  this.timeout(180_000);
  let root: string;
  let pair: SyncthingPair | undefined;

  before(function () {
    assert.ok(syncthingAvailable(), "this test needs Debian's syncthing (apt-get install syncthing; .ci/run installs it)");
  });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-syncthing-'));
  });

  afterEach(async () => {
    await pair?.stop();
    pair = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writers on both sides, a cut link, a compaction during appends, journal and lease conflicts: 0 lost, 0 double counted', async () => {
    const started = Date.now();
    pair = await SyncthingPair.start(root);
    const { a, b } = pair;
    for (const side of [a, b]) await assertOffline(pair, side);
    const acknowledged = { minutes: new Set<number>(), typed: new Map<string, number>() };
    // A counts even minutes from 0, B odd ones from 1, so each minute has one writer and the union is their sum.
    const writerA = new SideWriter(a.data, 'alpha-101-aaaa', 0, acknowledged);
    const writerB = new SideWriter(b.data, 'beta-202-bbbb', 1, acknowledged);

    // 1. Linked: both write, the folder syncs.
    for (let round = 0; round < 5; round++) {
      writerA.write(6);
      writerB.write(6);
      await pair.sync();
    }

    // 2. The link is cut. Both keep writing, and each compacts March 2 (closed by its clock) from what it has: two
    //    different day files of one day. Both win the nudge lease, each knowing only itself.
    await pair.pause();
    writerA.write(20);
    const apartB = compact(b.data, COMPACTING);
    assert.ok(apartB.journalsRemoved >= 2, JSON.stringify(apartB));
    writerB.write(20);
    assert.equal(await tryClaimNudge(a.data, 'alpha-101-aaaa', COMPACTING, 24), true);
    assert.equal(await tryClaimNudge(b.data, 'beta-202-bbbb', COMPACTING + MINUTE_MS, 24), true, 'apart, each side can only know itself');

    // 3. Still apart: A compacts March 2 and removes the journals it merged, B's included, while B appends to its
    //    journal of that day.
    const firstCompaction = compact(a.data, COMPACTING);
    assert.ok(firstCompaction.journalsRemoved >= 2, JSON.stringify(firstCompaction));
    writerB.write(10);
    //    Both machines have one host name (cloned machines), so their agent hooks write the same journal name. After
    //    the compaction, which would have merged A's. (Hooks count characters per tool use, by id; spans only here.)
    const sharedA = new SideWriter(a.data, 'clone-claude-code', 1000, acknowledged, false);
    const sharedB = new SideWriter(b.data, 'clone-claude-code', 1001, acknowledged, false);
    sharedA.write(10);
    sharedB.write(10);
    await pair.scan(a);
    await pair.scan(b);

    // 4. Healed.
    await pair.resume();
    await pair.sync();
    // Syncthing 1.x: a file modified on one side and deleted on the other comes back, with the modification.
    const cameBack = fs.existsSync(path.join(journalPaths(a.data).live, '2026-03-02.beta-202-bbbb.jsonl'));
    const dayFilesAfterHeal = fs.readdirSync(journalPaths(a.data).days).filter((name) => name.startsWith('2026-03-02.'));
    assert.equal(dayFilesAfterHeal.length, 2, 'both sides’ day files of March 2, read as a union');
    const conflictCopies = [...treeOf(a.data).keys()].filter((name) => name.includes('.sync-conflict-'));

    // Appends go on while A compacts again, now linked.
    writerA.write(10);
    writerB.write(10);
    const during = compact(a.data, COMPACTING);
    writerB.write(10);
    await pair.sync();

    const expectedMinutes = acknowledged.minutes.size;
    const expectedTyped = [...acknowledged.typed.values()].reduce((sum, n) => sum + n, 0);
    const readSide = async (side: SyncthingSide) => {
      const history = await readHistory(side.data, EVERYTHING);
      assert.equal(history.corruptLines, 0);
      assert.deepEqual(history.unreadableFiles, []);
      assert.deepEqual(history.unknownFiles, []);
      return { minutes: durationMs(history.union) / MINUTE_MS, typed: charactersPer(history.characters, [EVERYTHING])[0]!.typed, union: history.union };
    };
    const expectedUnion = union([...acknowledged.minutes].map((m) => ({ start: WRITING + m * MINUTE_MS, end: WRITING + (m + 1) * MINUTE_MS })));
    const afterHeal = [await readSide(a), await readSide(b)];
    for (const read of afterHeal) {
      assert.deepEqual(read.union, expectedUnion, '0 lost, 0 double counted (minutes)');
      assert.equal(read.typed, expectedTyped, '0 lost, 0 double counted (characters)');
    }

    // 5. Both sides compact, in turn; the copies fold into one day file and leave the folder.
    const compactions: CompactionResult[] = [during];
    compactions.push(compact(b.data, COMPACTING));
    await pair.sync();
    compactions.push(compact(a.data, COMPACTING));
    await pair.sync();
    const { live, days } = journalPaths(a.data);
    const finalRead = [await readSide(a), await readSide(b)];
    for (const read of finalRead) {
      assert.deepEqual(read.union, expectedUnion, '0 lost, 0 double counted after compaction');
      assert.equal(read.typed, expectedTyped);
    }
    assert.deepEqual(fs.readdirSync(live), [], 'every journal and copy of the closed days merged');
    const dayDates = fs.readdirSync(days).map((name) => name.slice(0, 10));
    assert.deepEqual(dayDates, [...new Set(dayDates)], 'one day file per day');

    // 6. The lease: both sides see the latest nudge and neither nudges again within the interval; after it,
    //    one side nudges and, once synced, the other does not.
    for (const side of [a, b]) {
      assert.equal((await readNudgeState(side.data)).lastShownAt, COMPACTING + MINUTE_MS);
      assert.equal(await tryClaimNudge(side.data, side.name, COMPACTING + HOUR_MS, 24), false);
    }
    assert.equal(await tryClaimNudge(a.data, 'alpha-101-aaaa', COMPACTING + 25 * HOUR_MS, 24), true);
    await pair.sync();
    assert.equal(await tryClaimNudge(b.data, 'beta-202-bbbb', COMPACTING + 25 * HOUR_MS + MINUTE_MS, 24), false);
    const leaseCopiesLeft = fs.readdirSync(path.join(a.data, 'nudge')).filter((name) => name.startsWith('shown') && name !== 'shown.json');

    const merged = [apartB, firstCompaction, ...compactions].reduce((sum, r) => sum + r.copiesMerged, 0);
    const seconds = (Date.now() - started) / 1000;
    const figures = {
      syncthing: syncthingVersion(),
      minutesWritten: expectedMinutes,
      minutesReadA: finalRead[0]!.minutes,
      minutesReadB: finalRead[1]!.minutes,
      charactersWritten: expectedTyped,
      conflictCopiesSeen: conflictCopies,
      journalDeletedByCompactionCameBack: cameBack,
      dayFilesOfMarch2AfterHeal: dayFilesAfterHeal.length,
      journalCopiesMerged: merged,
      leaseCopiesLeft,
      seconds,
    };
    console.log(`      figures: ${JSON.stringify(figures)}`);
    assert.ok(conflictCopies.some((name) => name.startsWith('journal/live/')), `a journal conflict copy was made: ${conflictCopies.join(', ')}`);
    assert.ok(conflictCopies.some((name) => name.startsWith('nudge/')), `a lease conflict copy was made: ${conflictCopies.join(', ')}`);
    assert.ok(merged >= 1, 'the journal copy was merged');
    assert.deepEqual(leaseCopiesLeft, [], 'superseded lease copies cleaned up');
    assert.ok(seconds < 120, `under two minutes (took ${seconds.toFixed(1)} s)`);
  });
});

/** Nothing leaves the machine: no discovery, and every listener and dial is on loopback. */
async function assertOffline(pair: SyncthingPair, side: SyncthingSide): Promise<void> {
  const config = (await pair.get(side, '/rest/config/options')) as Record<string, unknown>;
  for (const key of ['globalAnnounceEnabled', 'localAnnounceEnabled', 'relaysEnabled', 'natEnabled', 'crashReportingEnabled']) assert.equal(config[key], false, key);
  assert.equal(config.urAccepted, -1);
  assert.equal(config.autoUpgradeIntervalH, 0);
  assert.deepEqual(config.listenAddresses, [`tcp://127.0.0.1:${side.listenPort}`]);
  const status = (await pair.get(side, '/rest/system/status')) as { connectionServiceStatus?: Record<string, unknown>; lastDialStatus?: Record<string, unknown>; discoveryEnabled?: boolean };
  assert.notEqual(status.discoveryEnabled, true);
  for (const address of [...Object.keys(status.connectionServiceStatus ?? {}), ...Object.keys(status.lastDialStatus ?? {})]) assert.match(address, /^tcp:\/\/127\.0\.0\.1:/);
}
