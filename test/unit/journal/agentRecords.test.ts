import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { compact } from '../../../src/node/journal/compaction';
import { decodeDay, encodeDay } from '../../../src/node/journal/dayFile';
import { journalFileName, journalPaths } from '../../../src/node/journal/layout';
import { encodeActivityLine, encodeCharactersLine, parseRecordLine } from '../../../src/node/journal/records';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const MARCH_2 = Date.UTC(2026, 2, 2);
const NINE = MARCH_2 + 9 * HOUR_MS;
const EVERYTHING = { start: MARCH_2 - DAY_MS, end: MARCH_2 + 10 * DAY_MS };
const counts = (typed: number, pasted: number, aiCompletion: number, agent: number) => ({ typed, pasted, aiCompletion, agent });

describe('journal: agent time and character counts', () => {
  const dir = useTempDir();

  it('reads a line written by 0.1.0 as hands-on coding', async () => {
    const line = `{"v":1,"k":"a","s":${NINE},"e":${NINE + MINUTE_MS},"w":"shop","l":"go"}`;
    assert.deepEqual(parseRecordLine(line), { kind: 'activity', span: { start: NINE, end: NINE + MINUTE_MS, workspace: 'shop', language: 'go' } });
    const live = journalPaths(dir.path).live;
    fs.mkdirSync(live, { recursive: true });
    fs.writeFileSync(path.join(live, journalFileName('2026-03-02', 'old-1-abc')), `${line}\n`);
    const history = await readHistory(dir.path, EVERYTHING);
    assert.equal(durationMs(history.union), MINUTE_MS);
    assert.deepEqual(history.agent, []);
  });

  it('round-trips agent spans and character buckets through journal lines, and rejects malformed counts', () => {
    const span = { start: NINE, end: NINE + MINUTE_MS, agent: "vscode" as const };
    assert.match(encodeActivityLine(span), /"k":"g"/);
    assert.deepEqual(parseRecordLine(encodeActivityLine(span)), { kind: 'activity', span });
    const bucket = { start: NINE, counts: counts(1, 2, 3, 4) };
    assert.deepEqual(parseRecordLine(encodeCharactersLine(bucket)), { kind: 'characters', bucket });
    assert.equal(parseRecordLine(encodeCharactersLine(bucket).replace('"y":1', '"y":-1')), undefined);
    assert.equal(parseRecordLine(encodeCharactersLine({ ...bucket, start: NINE + 1 })), undefined, 'not on a quarter hour');
  });

  it('agent time never overlaps hands-on time: the overlap is hands-on', async () => {
    const { writer } = writerAt(dir.path, NINE + HOUR_MS);
    writer.appendSpans([
      { start: NINE, end: NINE + 10 * MINUTE_MS },
      { start: NINE + 5 * MINUTE_MS, end: NINE + 30 * MINUTE_MS, agent: "vscode" },
    ]);
    writer.flush();
    const history = await readHistory(dir.path, EVERYTHING);
    assert.equal(durationMs(history.union), 10 * MINUTE_MS);
    assert.equal(durationMs(history.agent), 20 * MINUTE_MS);
  });

  it('sums characters across writers, each writer’s quarter hour once however often it was written', async () => {
    const a = writerAt(dir.path, NINE + HOUR_MS, 'host-1-aaa').writer;
    const b = writerAt(dir.path, NINE + HOUR_MS, 'host-2-bbb').writer;
    a.appendCharacters([{ start: NINE, counts: counts(10, 0, 0, 5) }]);
    a.flush();
    a.appendCharacters([{ start: NINE, counts: counts(12, 0, 0, 5) }]);
    a.flush();
    a.appendCharacters([{ start: NINE, counts: counts(12, 0, 0, 5) }]);
    a.flush();
    b.appendCharacters([{ start: NINE, counts: counts(1, 40, 100, 0) }]);
    b.flush();
    const history = await readHistory(dir.path, EVERYTHING);
    assert.deepEqual(
      history.characters.map((c) => c.counts),
      [counts(12, 0, 0, 5), counts(1, 40, 100, 0)],
    );
  });

  it('reads the quarter hour a range starts in, live or compacted', async () => {
    const { writer } = writerAt(dir.path, NINE + HOUR_MS);
    writer.appendCharacters([{ start: NINE, counts: counts(3, 0, 0, 44) }]);
    writer.flush();
    const midBucket = { start: NINE + 10 * 1000, end: NINE + HOUR_MS };
    assert.deepEqual((await readHistory(dir.path, midBucket)).characters.map((c) => c.counts), [counts(3, 0, 0, 44)]);
    compact(dir.path, MARCH_2 + 5 * DAY_MS);
    assert.deepEqual((await readHistory(dir.path, midBucket)).characters.map((c) => c.counts), [counts(3, 0, 0, 44)]);
    assert.deepEqual((await readHistory(dir.path, { start: NINE + 15 * MINUTE_MS, end: NINE + HOUR_MS })).characters, []);
  });

  it('keeps agent spans and characters through compaction, and compacting twice changes nothing', async () => {
    const { writer } = writerAt(dir.path, NINE + HOUR_MS, 'host-1-aaa');
    writer.appendSpans([{ start: NINE, end: NINE + 10 * MINUTE_MS }, { start: NINE + 20 * MINUTE_MS, end: NINE + 40 * MINUTE_MS, agent: "vscode" }]);
    writer.appendCharacters([{ start: NINE, counts: counts(7, 8, 9, 10) }]);
    writer.flush();
    const before = await readHistory(dir.path, EVERYTHING);
    compact(dir.path, MARCH_2 + 5 * DAY_MS);
    // A second writer's journal of the same day, merged into the existing day file by a later compaction.
    const other = writerAt(dir.path, NINE + HOUR_MS, 'host-2-bbb').writer;
    other.appendCharacters([{ start: NINE, counts: counts(1, 0, 0, 0) }]);
    other.flush();
    compact(dir.path, MARCH_2 + 5 * DAY_MS);
    compact(dir.path, MARCH_2 + 6 * DAY_MS);
    const after = await readHistory(dir.path, EVERYTHING);
    assert.deepEqual(after.union, before.union);
    assert.deepEqual(after.agent, before.agent);
    assert.deepEqual(
      after.characters.map((c) => [c.writer, c.counts]),
      [
        ['host-1-aaa', counts(7, 8, 9, 10)],
        ['host-2-bbb', counts(1, 0, 0, 0)],
      ],
    );
  });

  it('decodes a day file written by 0.1.0 (no agent entries, no counts) and one with both', () => {
    const old = `{"v":1,"day":"2026-03-02","t0":${MARCH_2},"a":[{"x":[0,60000]}],"m":[]}`;
    assert.deepEqual(decodeDay(old), { spans: [{ start: MARCH_2, end: MARCH_2 + 60_000 }], meetings: [], characters: [] });
    const contents = {
      spans: [{ start: NINE, end: NINE + MINUTE_MS, agent: "vscode" as const }],
      meetings: [],
      characters: [{ writer: 'w-1-a', start: NINE, counts: counts(1, 2, 3, 4) }],
    };
    assert.deepEqual(decodeDay(encodeDay('2026-03-02', MARCH_2, contents).text), contents);
    assert.equal(decodeDay(old.replace('"m":[]', '"m":[],"c":[{"id":"x","s":0,"y":"many","p":0,"i":0,"g":0}]')), undefined);
  });
});
