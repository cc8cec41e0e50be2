import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { JournalWriter } from '../../../src/node/journal/journalWriter';
import { MINUTE_MS } from '../../../src/core/time/clock';
import { FakeClock } from '../../builders/fakeClock';
import { durationMs } from '../../../src/core/time/interval';
import { spans } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const NOW = Date.UTC(2026, 2, 10, 12);
const MORNING = Date.UTC(2026, 2, 10, 9);
const WHOLE_DAY = { start: Date.UTC(2026, 2, 10), end: Date.UTC(2026, 2, 11) };
const RUNNING_AS_ROOT = process.getuid?.() === 0;

describe('journal: a folder that cannot be written', () => {
  const dir = useTempDir();

  function writerFor(root: string): JournalWriter {
    return new JournalWriter({ root, clock: new FakeClock(NOW), writerId: 'host-1-aaa' });
  }

  it('missing folder: buffers, explains, and writes everything once the folder exists', async () => {
    const root = path.join(dir.path, 'share');
    const writer = writerFor(root);
    writer.appendSpans(spans(MORNING, 3));
    const failed = writer.flush();
    assert.equal(failed.ok, false);
    assert.equal(writer.problem?.kind, 'missing');
    assert.match(writer.problem?.remedy ?? '', /handsOn\.dataDirectory/);
    writer.appendSpans(spans(MORNING + 10 * MINUTE_MS, 2));
    assert.equal(writer.flush().ok, false);
    assert.equal(writer.bufferedRecords, 5);

    fs.mkdirSync(root);
    assert.deepEqual(writer.flush(), { ok: true, written: 5 });
    assert.equal(writer.problem, undefined);
    assert.equal(writer.bufferedRecords, 0);
    assert.equal(durationMs((await readHistory(root, WHOLE_DAY)).union), 5 * MINUTE_MS);
  });

  it('a file in the way of the folder: reported as not a folder, written after it is fixed, never twice', async () => {
    const root = path.join(dir.path, 'data');
    fs.writeFileSync(root, 'not a folder');
    const writer = writerFor(root);
    writer.appendSpans(spans(MORNING, 4));
    const failed = writer.flush();
    assert.equal(failed.ok, false);
    assert.equal(writer.problem?.kind, 'not-a-folder');
    const since = writer.problem?.since;
    writer.flush();
    assert.equal(writer.problem?.since, since, 'the same problem keeps its start time');

    fs.rmSync(root);
    fs.mkdirSync(root);
    assert.equal(writer.flush().ok, true);
    writer.appendSpans(spans(MORNING + HOUR, 1));
    writer.flush();
    const history = await readHistory(root, WHOLE_DAY);
    assert.equal(durationMs(history.union), 5 * MINUTE_MS);
    assert.equal(history.corruptLines, 0);
  });

  /** Makes the journal folder unwritable: chmod 0555, or (root ignores chmod) a file in its place. */
  function block(live: string): () => void {
    if (!RUNNING_AS_ROOT) {
      fs.chmodSync(live, 0o555);
      return () => fs.chmodSync(live, 0o755);
    }
    fs.renameSync(live, `${live}.aside`);
    fs.writeFileSync(live, '');
    return () => {
      fs.rmSync(live);
      fs.renameSync(`${live}.aside`, live);
    };
  }

  it('read-only folder: buffered, then written once it works again, nothing counted twice', async () => {
    const root = path.join(dir.path, 'data');
    fs.mkdirSync(root);
    const writer = writerFor(root);
    writer.appendSpans(spans(MORNING, 2));
    assert.equal(writer.flush().ok, true);
    const unblock = block(path.join(root, 'journal', 'live'));
    writer.appendSpans(spans(MORNING + HOUR, 3));
    assert.equal(writer.flush().ok, false);
    assert.ok(writer.problem?.message.includes(root));
    assert.equal(writer.bufferedRecords, 3);

    unblock();
    assert.equal(writer.flush().ok, true);
    assert.equal(writer.flush().ok, true);
    assert.equal(durationMs((await readHistory(root, WHOLE_DAY)).union), 5 * MINUTE_MS);
  });

  it('a write that failed half-way leaves a torn line: the retried batch starts on a fresh line', async () => {
    const root = path.join(dir.path, 'data');
    fs.mkdirSync(root);
    const writer = writerFor(root);
    writer.appendSpans(spans(MORNING, 1));
    writer.flush();
    const live = path.join(root, 'journal', 'live');
    const [name] = fs.readdirSync(live);
    const unblock = block(live);
    writer.appendSpans(spans(MORNING + HOUR, 1));
    assert.equal(writer.flush().ok, false);
    unblock();
    // What a short write on a full disk leaves behind.
    fs.appendFileSync(path.join(live, name!), '{"v":1,"k":"a","s":177');
    assert.equal(writer.flush().ok, true);
    const history = await readHistory(root, WHOLE_DAY);
    assert.equal(durationMs(history.union), 2 * MINUTE_MS);
    assert.equal(history.corruptLines, 1);
  });
});

const HOUR = 60 * MINUTE_MS;
