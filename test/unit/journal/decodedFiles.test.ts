import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DAY_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { compact } from '../../../src/node/journal/compaction';
import { DecodedFiles, fileVersion } from '../../../src/node/journal/decodedFiles';
import { journalPaths } from '../../../src/node/journal/layout';
import { spans, writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const MONDAY = Date.UTC(2026, 2, 9, 9);
const WEEK = { start: Date.UTC(2026, 2, 9), end: Date.UTC(2026, 2, 16) };
const codedMinutes = async (root: string, cache?: DecodedFiles) => durationMs((await readHistory(root, WEEK, null, cache)).union) / MINUTE_MS;

/** Same bytes count, same modification time, other content: only a cache keyed by the file's version keeps the old records. */
function scrambleKeepingVersion(file: string): void {
  const before = fs.statSync(file);
  fs.writeFileSync(file, 'x'.repeat(before.size));
  fs.utimesSync(file, before.atime, before.mtime);
  assert.equal(fileVersion(fs.statSync(file)), fileVersion(before), "the test could restore the version");
}

describe('journal: reading again only what changed', () => {
  const dir = useTempDir();

  it('does not read or decode an unchanged file again', async () => {
    const { writer } = writerAt(dir.path, MONDAY);
    writer.appendSpans(spans(MONDAY, 10));
    writer.flush();
    const cache = new DecodedFiles();
    assert.equal(await codedMinutes(dir.path, cache), 10);
    const [journal] = fs.readdirSync(journalPaths(dir.path).live);
    scrambleKeepingVersion(path.join(journalPaths(dir.path).live, journal!));
    assert.equal(await codedMinutes(dir.path, cache), 10, 'the cached records, since the file looks unchanged');
    assert.equal(await codedMinutes(dir.path), 0, 'without the cache the scrambled file holds nothing');
  });

  it('sees every append, and a compaction neither loses nor doubles time', async () => {
    const { writer, clock } = writerAt(dir.path, MONDAY);
    const cache = new DecodedFiles();
    writer.appendSpans(spans(MONDAY, 10));
    writer.flush();
    assert.equal(await codedMinutes(dir.path, cache), 10);
    writer.appendSpans(spans(MONDAY + 60 * MINUTE_MS, 5));
    writer.flush();
    assert.equal(await codedMinutes(dir.path, cache), 15, 'the appended spans');

    clock.set(MONDAY + 2 * DAY_MS);
    compact(dir.path, clock.now());
    assert.deepEqual(fs.readdirSync(journalPaths(dir.path).live), [], 'the journal was merged into a day file');
    assert.equal(await codedMinutes(dir.path, cache), 15, 'the day file, once');
    assert.equal(cache.size, 1, 'the removed journal left the cache');
  });
});
