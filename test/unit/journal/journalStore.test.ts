import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivityPerLocalDay, readHistory } from '../../../src/node/journal/activityHistory';
import { journalPaths } from '../../../src/node/journal/layout';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { spans, writerAt } from '../../builders/journalBuilders';
import { listFiles, useTempDir } from '../../builders/tempDir';

const NOW = Date.UTC(2026, 2, 10, 12);
const MORNING = Date.UTC(2026, 2, 10, 9);
const WHOLE_DAY = { start: Date.UTC(2026, 2, 10), end: Date.UTC(2026, 2, 11) };

describe('journal: append and read', () => {
  const dir = useTempDir();

  it('writes one line per record, each writer in its own file, with a schema version', () => {
    const a = writerAt(dir.path, NOW, 'host-1-aaa');
    const b = writerAt(dir.path, NOW, 'host-2-bbb');
    a.writer.appendSpans(spans(MORNING, 3));
    b.writer.appendSpans(spans(MORNING, 2));
    assert.deepEqual(a.writer.flush(), { ok: true, written: 3 });
    assert.deepEqual(b.writer.flush(), { ok: true, written: 2 });
    const live = journalPaths(dir.path).live;
    assert.deepEqual(listFiles(live), ['2026-03-10.host-1-aaa.jsonl', '2026-03-10.host-2-bbb.jsonl']);
    const lines = fs.readFileSync(path.join(live, '2026-03-10.host-1-aaa.jsonl'), 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(JSON.parse(lines[0]!), { v: 1, k: 'a', s: MORNING, e: MORNING + MINUTE_MS });
  });

  it('reads without blocking: the event loop turns while the files are read, as a synced or network folder needs', async () => {
    const a = writerAt(dir.path, NOW, 'host-1-aaa');
    const b = writerAt(dir.path, NOW, 'host-2-bbb');
    a.writer.appendSpans(spans(MORNING, 20));
    b.writer.appendSpans(spans(MORNING, 10));
    a.writer.flush();
    b.writer.flush();
    const order: string[] = [];
    const reading = readHistory(dir.path, WHOLE_DAY).then((history) => order.push(`read ${durationMs(history.union) / MINUTE_MS} min`));
    setImmediate(() => order.push('event loop'));
    await reading;
    // A synchronous read inside the async function would finish before the next turn of the loop.
    assert.deepEqual(order, ['event loop', 'read 20 min']);
  });

  it('takes the union across writers: two windows over the same 20 minutes count 20', async () => {
    const a = writerAt(dir.path, NOW, 'host-1-aaa');
    const b = writerAt(dir.path, NOW, 'host-2-bbb');
    a.writer.appendSpans(spans(MORNING, 20, 1, 1));
    b.writer.appendSpans([{ start: MORNING + 30_000, end: MORNING + 20 * MINUTE_MS }]);
    a.writer.flush();
    b.writer.flush();
    const history = await readHistory(dir.path, WHOLE_DAY);
    assert.equal(durationMs(history.union), 20 * MINUTE_MS);
    assert.equal(history.union.length, 1);
  });

  it('a span written again (extended by a later flush, or a retried batch) never counts twice', async () => {
    const { writer } = writerAt(dir.path, NOW);
    writer.appendSpans([{ start: MORNING, end: MORNING + 5 * MINUTE_MS }]);
    writer.flush();
    writer.appendSpans([{ start: MORNING, end: MORNING + 10 * MINUTE_MS }]);
    writer.flush();
    writer.appendSpans([{ start: MORNING, end: MORNING + 10 * MINUTE_MS }]);
    writer.flush();
    assert.equal(durationMs((await readHistory(dir.path, WHOLE_DAY)).union), 10 * MINUTE_MS);
  });

  it('clips to the range and breaks minutes down by workspace and language, each counted once', async () => {
    const { writer } = writerAt(dir.path, NOW);
    writer.appendSpans([
      { start: MORNING, end: MORNING + 30 * MINUTE_MS, workspace: 'shop', language: 'typescript' },
      { start: MORNING + 10 * MINUTE_MS, end: MORNING + 40 * MINUTE_MS, workspace: 'shop', language: 'markdown' },
      { start: MORNING + HOUR_MS, end: MORNING + 2 * HOUR_MS },
    ]);
    writer.flush();
    const history = await readHistory(dir.path, { start: MORNING, end: MORNING + 90 * MINUTE_MS });
    assert.equal(durationMs(history.union), 70 * MINUTE_MS);
    assert.deepEqual(history.minutesByWorkspace, { shop: 40 });
    assert.deepEqual(history.minutesByLanguage, { typescript: 30, markdown: 30 });
  });

  it('breaks hands-on minutes down by source: each writer its own union, a minute two sources saw counted for each and once in total', async () => {
    const { writer } = writerAt(dir.path, NOW, 'host-1-aaa');
    writer.appendSpans([{ start: MORNING, end: MORNING + 30 * MINUTE_MS, language: 'go' }]);
    writer.flush();
    // The shell snippet and the Neovim plugin append documented lines under their own writer ids.
    const line = (fields: object) => `${JSON.stringify({ v: 1, ...fields })}\n`;
    const live = journalPaths(dir.path).live;
    fs.appendFileSync(path.join(live, '2026-03-10.host-terminal.jsonl'), line({ k: 'a', s: MORNING + 20 * MINUTE_MS, e: MORNING + 50 * MINUTE_MS, src: 'terminal' }) + line({ k: 'a', s: MORNING + 25 * MINUTE_MS, e: MORNING + 45 * MINUTE_MS, src: 'terminal' }));
    fs.appendFileSync(path.join(live, '2026-03-10.host-neovim.jsonl'), line({ k: 'a', s: MORNING + HOUR_MS, e: MORNING + HOUR_MS + 15 * MINUTE_MS, src: 'neovim', l: 'lua' }) + line({ k: 'g', s: MORNING + 2 * HOUR_MS, e: MORNING + 2 * HOUR_MS + 5 * MINUTE_MS, src: 'neovim', ag: 'disk' }));
    const history = await readHistory(dir.path, WHOLE_DAY);
    assert.deepEqual(history.minutesBySource, { vscode: 30, terminal: 30, neovim: 15 });
    assert.equal(durationMs(history.union), 65 * MINUTE_MS, 'the minutes both VS Code and the terminal saw count once');
    const [day] = (await readActivityPerLocalDay(dir.path, '2026-03-10', '2026-03-10', 'UTC')).days;
    assert.deepEqual([day!.minutes, day!.sources, day!.agents], [65, { vscode: 30, terminal: 30, neovim: 15 }, { disk: 5 }]);
  });

  it('stores logged meetings and reads them back without duplicates', async () => {
    const { writer } = writerAt(dir.path, NOW);
    const meeting = { start: MORNING, end: MORNING + HOUR_MS, note: 'Planning' };
    assert.equal(writer.appendManualMeeting(meeting).ok, true);
    writer.appendManualMeeting(meeting);
    writer.appendManualMeeting({ start: MORNING + 2 * HOUR_MS, end: MORNING + 3 * HOUR_MS });
    const { meetings } = await readHistory(dir.path, WHOLE_DAY);
    assert.deepEqual(meetings, [meeting, { start: MORNING + 2 * HOUR_MS, end: MORNING + 3 * HOUR_MS }]);
    assert.equal(durationMs((await readHistory(dir.path, WHOLE_DAY)).union), 0, 'meetings are not coding');
  });

  it('rejects a meeting that ends before it starts or lasts more than a day', () => {
    const { writer } = writerAt(dir.path, NOW);
    assert.throws(() => writer.appendManualMeeting({ start: MORNING, end: MORNING }), RangeError);
    assert.throws(() => writer.appendManualMeeting({ start: MORNING, end: MORNING + 25 * HOUR_MS }), RangeError);
  });

  it('skips and counts corrupt and torn lines, keeps every intact record, and never throws', async () => {
    const { writer } = writerAt(dir.path, NOW);
    writer.appendSpans(spans(MORNING, 3));
    writer.flush();
    const file = path.join(journalPaths(dir.path).live, listFiles(journalPaths(dir.path).live)[0]!);
    fs.appendFileSync(file, 'garbage\n{"v":1,"k":"a","s":"x","e":2}\n{"v":99,"k":"a","s":1,"e":2}\n\n');
    writer.appendSpans(spans(MORNING + HOUR_MS, 2));
    writer.flush();
    fs.appendFileSync(file, '{"v":1,"k":"a","s":17730');
    const history = await readHistory(dir.path, WHOLE_DAY);
    assert.equal(durationMs(history.union), 5 * MINUTE_MS);
    assert.equal(history.corruptLines, 4);
  });

  it('gives coding by workspace and language over a part of the range, from the same read', async () => {
    const { writer } = writerAt(dir.path, NOW, 'host-1-aaa');
    writer.appendSpans([
      { start: MORNING, end: MORNING + 30 * MINUTE_MS, workspace: 'api', language: 'go' },
      { start: MORNING + HOUR_MS, end: MORNING + HOUR_MS + 20 * MINUTE_MS, workspace: 'web', language: 'typescript' },
    ]);
    writer.flush();
    const laterOnly = await readHistory(dir.path, WHOLE_DAY, { start: MORNING + HOUR_MS, end: WHOLE_DAY.end });
    assert.equal(durationMs(laterOnly.union), 50 * MINUTE_MS, 'coding still covers the whole range');
    assert.deepEqual(laterOnly.minutesByWorkspace, { web: 20 });
    assert.deepEqual(laterOnly.minutesByLanguage, { typescript: 20 });
    assert.deepEqual((await readHistory(dir.path, WHOLE_DAY)).minutesByWorkspace, { api: 30, web: 20 });
    const statusBarRead = await readHistory(dir.path, WHOLE_DAY, null);
    assert.deepEqual([statusBarRead.minutesByWorkspace, statusBarRead.minutesByLanguage, durationMs(statusBarRead.union)], [{}, {}, 50 * MINUTE_MS], 'no breakdown asked, none computed');
  });

  it('counts a history file it cannot read, keeps reading the others, and leaves it in place', async () => {
    const { writer } = writerAt(dir.path, NOW, 'host-1-aaa');
    writer.appendSpans(spans(MORNING, 5));
    writer.flush();
    // A directory where a journal should be: reading it fails with EISDIR, as a file without read permission would.
    const blocked = path.join(journalPaths(dir.path).live, '2026-03-10.host-9-zzz.jsonl');
    fs.mkdirSync(blocked);
    const history = await readHistory(dir.path, WHOLE_DAY);
    assert.deepEqual(history.unreadableFiles, [{ path: blocked, reason: 'a folder is in the way' }]);
    assert.equal(durationMs(history.union), 5 * MINUTE_MS);
    assert.ok(fs.existsSync(blocked));
  });

  it('reads nothing, without throwing, from a folder that does not exist', async () => {
    const history = await readHistory(path.join(dir.path, 'nope'), WHOLE_DAY);
    assert.deepEqual(history.union, []);
  });
});
