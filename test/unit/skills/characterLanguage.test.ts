import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributedActivity } from '../../../src/core/activity/attributedActivity';
import { CharacterCounter, latestBuckets } from '../../../src/core/activity/characterCounts';
import { computeSkills } from '../../../src/core/skills/skills';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { readSkillsHistory } from '../../../src/node/journal/activityHistory';
import { compact } from '../../../src/node/journal/compaction';
import { decodeDay, encodeDay } from '../../../src/node/journal/dayFile';
import { journalFileName, journalPaths } from '../../../src/node/journal/layout';
import { encodeCharactersLine, parseRecordLine } from '../../../src/node/journal/records';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const MARCH_2 = Date.UTC(2026, 2, 2);
const NINE = MARCH_2 + 9 * HOUR_MS;
const counts = (typed: number) => ({ typed, pasted: 0, aiCompletion: 0, agent: 0 });

describe('typed characters per language', () => {
  const dir = useTempDir();

  it('keeps a counter bucket per language, beside the per-agent ones', () => {
    const counter = new CharacterCounter('vscode');
    counter.add('typed', 10, NINE, undefined, 'rust');
    counter.add('typed', 5, NINE + MINUTE_MS, undefined, 'go');
    counter.add('typed', 1, NINE + 2 * MINUTE_MS);
    counter.add('agent', 40, NINE, 'disk', 'go');
    assert.deepEqual(counter.take(0), [
      { start: NINE, counts: counts(1) },
      { start: NINE, counts: counts(5), language: 'go' },
      { start: NINE, counts: counts(10), language: 'rust' },
      { start: NINE, counts: { typed: 0, pasted: 0, aiCompletion: 0, agent: 40 }, agent: 'disk', language: 'go' },
    ]);
  });

  it('counts characters under the active editor’s language, and none when project names are not recorded', () => {
    let now = NINE;
    const activity = new AttributedActivity({ clock: { now: () => now } });
    activity.setFocused(true);
    activity.setContext({ workspace: 'shop', language: 'rust' });
    activity.textChanged({ inActiveEditor: true, undoRedo: false, insertedChars: 1, multiLine: false, atCursor: true, clean: false });
    now += 10;
    activity.humanInput();
    now += 5000;
    activity.tick();
    activity.setRecordProjectNames(false);
    activity.setContext({ workspace: 'shop', language: 'go' });
    activity.textChanged({ inActiveEditor: true, undoRedo: false, insertedChars: 1, multiLine: false, atCursor: true, clean: false });
    now += 10;
    activity.humanInput();
    now += 5000;
    activity.tick();
    const buckets = activity.takeCharacters();
    assert.deepEqual(
      buckets.map((b) => [b.language, b.counts.typed]),
      [
        [undefined, 1],
        ['rust', 1],
      ],
    );
  });

  it('writes `l` on `c` records and reads it back; a record without it has no language', () => {
    const line = encodeCharactersLine({ start: NINE, counts: counts(3), language: 'rust' });
    assert.match(line, /"l":"rust"/);
    assert.deepEqual(parseRecordLine(line), { kind: 'characters', bucket: { start: NINE, counts: counts(3), language: 'rust' } });
    const old = `{"v":1,"k":"c","s":${NINE},"e":${NINE + 15 * MINUTE_MS},"y":3,"p":0,"i":0,"g":0}`;
    assert.deepEqual(parseRecordLine(old), { kind: 'characters', bucket: { start: NINE, counts: counts(3) } });
    assert.equal(parseRecordLine(line.replace('"l":"rust"', '"l":7')), undefined);
    assert.equal(parseRecordLine(line.replace('"l":"rust"', `"l":"${'x'.repeat(101)}"`)), undefined);
  });

  it('keeps the latest counts per writer, quarter hour, agent and language', () => {
    const latest = latestBuckets([
      { writer: 'w', start: NINE, counts: counts(3), language: 'rust' },
      { writer: 'w', start: NINE, counts: counts(5), language: 'rust' },
      { writer: 'w', start: NINE, counts: counts(2), language: 'go' },
    ]);
    assert.deepEqual(
      latest.map((b) => [b.language, b.counts.typed]),
      [
        ['go', 2],
        ['rust', 5],
      ],
    );
  });

  it('keeps the language through a compacted day, idempotently', () => {
    const contents = { spans: [], meetings: [], characters: [{ writer: 'w', start: NINE, counts: counts(3), language: 'rust' }] };
    const encoded = encodeDay('2026-03-02', MARCH_2, contents);
    const decoded = decodeDay(encoded.text)!;
    assert.deepEqual(decoded.characters, contents.characters);
    assert.equal(encodeDay('2026-03-02', MARCH_2, decoded).hash, encoded.hash);
  });

  it('reads per-language typed characters from journals and day files; old counts are "unknown"', async () => {
    const { writer } = writerAt(dir.path, NINE + HOUR_MS, 'host-1-abc');
    writer.appendSpans([{ start: NINE, end: NINE + 30 * MINUTE_MS, language: 'rust' }]);
    writer.appendCharacters([
      { start: NINE, counts: counts(120), language: 'rust' },
      { start: NINE, counts: counts(200), language: 'rust' },
    ]);
    assert.ok(writer.flush().ok);
    const live = journalPaths(dir.path).live;
    const old = `{"v":1,"k":"c","s":${NINE},"e":${NINE + 15 * MINUTE_MS},"y":50,"p":0,"i":0,"g":0}`;
    fs.writeFileSync(path.join(live, journalFileName('2026-03-02', 'old-1-abc')), `${old}\n`);
    const read = async () => {
      const history = await readSkillsHistory(dir.path, { start: MARCH_2 - 40 * 24 * HOUR_MS, end: MARCH_2 + 24 * HOUR_MS });
      const skills = computeSkills(history, { date: '2026-03-02', zone: 'UTC' });
      return skills.languages.map((l) => [l.language, l.handsOnMinutes, l.typedCharacters]);
    };
    const expected = [
      ['rust', 30, 200],
      ['unknown', 0, 50],
    ];
    assert.deepEqual(await read(), expected);
    compact(dir.path, MARCH_2 + 5 * 24 * HOUR_MS);
    assert.deepEqual(fs.readdirSync(live), []);
    assert.deepEqual(await read(), expected);
  });
});
