import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { compact } from '../../../src/node/journal/compaction';
import { journalPaths } from '../../../src/node/journal/layout';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { spans, writerAt } from '../../builders/journalBuilders';
import { listFiles, useTempDir } from '../../builders/tempDir';

const MARCH_2 = Date.UTC(2026, 2, 2);
const EVERYTHING = { start: MARCH_2 - 10 * DAY_MS, end: MARCH_2 + 30 * DAY_MS };

describe('journal: compaction of closed days', () => {
  const dir = useTempDir();

  function writeThreeDaysFromTwoWindows(): void {
    for (const [id, offset] of [['host-1-aaa', 0], ['host-2-bbb', 30 * MINUTE_MS]] as const) {
      for (let day = 0; day < 3; day++) {
        const start = MARCH_2 + day * DAY_MS + 9 * HOUR_MS + offset;
        const { writer } = writerAt(dir.path, start + 2 * HOUR_MS, id);
        writer.appendSpans(spans(start, 60, 1, 1, { workspace: 'shop', language: day === 2 ? 'go' : 'typescript' }));
        writer.flush();
      }
    }
  }

  it('merges closed days into one file per day, removes their journals, keeps totals', async () => {
    writeThreeDaysFromTwoWindows();
    const { writer } = writerAt(dir.path, MARCH_2 + 2 * DAY_MS + 23 * HOUR_MS, 'host-1-aaa');
    writer.appendManualMeeting({ start: MARCH_2 + 14 * HOUR_MS, end: MARCH_2 + 15 * HOUR_MS, note: '1:1' });
    const before = await readHistory(dir.path, EVERYTHING);
    assert.equal(durationMs(before.union), 3 * 90 * MINUTE_MS);

    // On March 5 (UTC) the closed days are March 2 and 3; March 4 is still open.
    const result = compact(dir.path, MARCH_2 + 3 * DAY_MS + HOUR_MS);
    assert.equal(result.daysWritten, 2);
    assert.equal(result.journalsRemoved, 4);
    const paths = journalPaths(dir.path);
    assert.deepEqual(listFiles(paths.days).map((name) => name.slice(0, 10)), ['2026-03-02', '2026-03-03']);
    assert.deepEqual(listFiles(paths.live), ['2026-03-04.host-1-aaa.jsonl', '2026-03-04.host-2-bbb.jsonl']);

    const after = await readHistory(dir.path, EVERYTHING);
    assert.deepEqual(after.union, before.union);
    assert.deepEqual(after.minutesByWorkspace, before.minutesByWorkspace);
    assert.deepEqual(after.minutesByLanguage, before.minutesByLanguage);
    assert.deepEqual((await readHistory(dir.path, EVERYTHING)).meetings, [{ start: MARCH_2 + 14 * HOUR_MS, end: MARCH_2 + 15 * HOUR_MS, note: '1:1' }]);
  });

  it('is idempotent and merges a late journal of a compacted day into a single day file again', async () => {
    writeThreeDaysFromTwoWindows();
    const later = MARCH_2 + 10 * DAY_MS;
    compact(dir.path, later);
    const once = listFiles(journalPaths(dir.path).days);
    assert.equal(compact(dir.path, later).daysWritten, 0);
    assert.deepEqual(listFiles(journalPaths(dir.path).days), once);

    // A machine whose sync arrived late.
    const { writer } = writerAt(dir.path, MARCH_2 + 20 * HOUR_MS, 'laptop-9-zzz');
    writer.appendSpans([{ start: MARCH_2 + 18 * HOUR_MS, end: MARCH_2 + 19 * HOUR_MS }]);
    writer.flush();
    compact(dir.path, later);
    const days = listFiles(journalPaths(dir.path).days);
    assert.equal(days.length, 3);
    assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 3 * 90 * MINUTE_MS + HOUR_MS);
  });

  it('splits a span that crosses UTC midnight between the two day files', async () => {
    const { writer } = writerAt(dir.path, MARCH_2 + DAY_MS + HOUR_MS);
    writer.appendSpans([{ start: MARCH_2 + DAY_MS - HOUR_MS, end: MARCH_2 + DAY_MS + HOUR_MS }]);
    writer.flush();
    compact(dir.path, MARCH_2 + 10 * DAY_MS);
    assert.equal(listFiles(journalPaths(dir.path).days).length, 2);
    assert.deepEqual((await readHistory(dir.path, EVERYTHING)).union, [{ start: MARCH_2 + DAY_MS - HOUR_MS, end: MARCH_2 + DAY_MS + HOUR_MS }]);
  });

  it('keeps a journal with corrupt lines (merging its intact records) and never deletes it', async () => {
    const { writer } = writerAt(dir.path, MARCH_2 + 12 * HOUR_MS);
    writer.appendSpans(spans(MARCH_2 + 9 * HOUR_MS, 10));
    writer.flush();
    const live = journalPaths(dir.path).live;
    const [name] = listFiles(live);
    fs.appendFileSync(path.join(live, name!), '\u0000\u0000garbage\n');
    const result = compact(dir.path, MARCH_2 + 10 * DAY_MS);
    assert.equal(result.filesKeptForCorruption, 1);
    assert.equal(result.journalsRemoved, 0);
    assert.deepEqual(listFiles(live), [name]);
    assert.equal(listFiles(journalPaths(dir.path).days).length, 1);
    assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 10 * MINUTE_MS);
  });

  it('leaves open days alone', () => {
    const now = MARCH_2 + 12 * HOUR_MS;
    const { writer } = writerAt(dir.path, now);
    writer.appendSpans(spans(MARCH_2 + 9 * HOUR_MS, 10));
    writer.flush();
    assert.equal(compact(dir.path, now + DAY_MS).daysWritten, 0);
    assert.equal(listFiles(journalPaths(dir.path).live).length, 1);
  });
});
