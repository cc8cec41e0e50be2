import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countedBuckets } from '../../../src/core/activity/characterCounts';
import { computeSkills, skillsRange, type Skills } from '../../../src/core/skills/skills';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs, union } from '../../../src/core/time/interval';
import { readSkillsHistory } from '../../../src/node/journal/activityHistory';
import { compact } from '../../../src/node/journal/compaction';
import { readStore } from '../../../src/node/journal/journalReader';
import { journalPaths } from '../../../src/node/journal/layout';
import { skillsFolder } from '../../../src/node/journal/skillsIndex';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const ZONE = 'Europe/Berlin';
const DATE = '2026-03-20';
const typed = (n: number) => ({ typed: n, pasted: 1, aiCompletion: 2, agent: 0 });

/** Skills over the store read the ordinary way: every file decoded, every bucket through countedBuckets. */
async function reference(root: string): Promise<Skills> {
  const { range } = skillsRange({ date: DATE, zone: ZONE });
  const store = await readStore(root, range);
  return computeSkills({ spans: store.spans, characters: countedBuckets(store.characters) }, { date: DATE, zone: ZONE });
}

async function viaIndex(root: string): Promise<Skills> {
  const { range } = skillsRange({ date: DATE, zone: ZONE });
  return computeSkills(await readSkillsHistory(root, range), { date: DATE, zone: ZONE });
}

describe('skills: monthly aggregates of compacted days', () => {
  const dir = useTempDir();

  function writeDay(day: number, writerId: string, language: string | undefined, chars: number): void {
    const nine = day + 9 * HOUR_MS;
    const { writer } = writerAt(dir.path, day + 20 * HOUR_MS, writerId);
    const context = language === undefined ? {} : { language };
    writer.appendSpans([
      { start: nine, end: nine + HOUR_MS, ...context },
      { start: nine + 30 * MINUTE_MS, end: nine + 2 * HOUR_MS, ...context, agent: 'codex', source: 'hook' },
      { start: nine + 3 * HOUR_MS, end: nine + 4 * HOUR_MS, ...context, agent: 'vscode' },
    ]);
    writer.appendCharacters([{ start: nine, counts: typed(chars), ...context }]);
    assert.ok(writer.flush().ok);
  }

  beforeEach(() => {
    writeDay(Date.UTC(2026, 1, 2), 'a-1-x', 'rust', 100);
    writeDay(Date.UTC(2026, 1, 3), 'b-1-x', 'go', 50);
    writeDay(Date.UTC(2026, 2, 2), 'a-1-x', undefined, 7);
    writeDay(Date.UTC(2026, 2, 2), 'b-1-x', 'rust', 9);
    compact(dir.path, Date.UTC(2026, 2, 10));
  });

  it('gives what reading every day file gives, and keeps one aggregate per month', async () => {
    const expected = await reference(dir.path);
    assert.deepEqual(await viaIndex(dir.path), expected);
    assert.deepEqual(
      fs.readdirSync(skillsFolder(dir.path)).map((name) => name.slice(0, 7)),
      ['2026-02', '2026-03'],
    );
    // The second read finds them, and agrees.
    assert.deepEqual(await viaIndex(dir.path), expected);
    assert.equal(expected.languages.find((l) => l.language === 'rust')!.typedCharacters, 109);
  });

  it('rebuilds a month whose day files changed, and replaces its aggregate', async () => {
    await viaIndex(dir.path);
    const before = fs.readdirSync(skillsFolder(dir.path));
    writeDay(Date.UTC(2026, 2, 4), 'c-1-x', 'python', 30);
    compact(dir.path, Date.UTC(2026, 2, 12));
    assert.deepEqual(await viaIndex(dir.path), await reference(dir.path));
    const after = fs.readdirSync(skillsFolder(dir.path));
    assert.equal(after.length, 2);
    assert.equal(after[0], before[0]);
    assert.notEqual(after[1], before[1]);
  });

  it('rebuilds a damaged aggregate, and works when none can be written', async () => {
    await viaIndex(dir.path);
    const folder = skillsFolder(dir.path);
    for (const name of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, name), '{"v":1,"l":');
    assert.deepEqual(await viaIndex(dir.path), await reference(dir.path));
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'a file in the way');
    assert.deepEqual(await viaIndex(dir.path), await reference(dir.path));
  });

  it('counts a quarter hour once when a live journal repeats a compacted one (flushed after UTC midnight)', async () => {
    const lastQuarter = Date.UTC(2026, 2, 3) - 15 * MINUTE_MS;
    const { writer } = writerAt(dir.path, Date.UTC(2026, 2, 2, 23, 50), 'a-1-x');
    writer.appendCharacters([{ start: lastQuarter, counts: typed(40), language: 'go' }]);
    assert.ok(writer.flush().ok);
    compact(dir.path, Date.UTC(2026, 2, 10));
    // The same writer's bucket, larger, in the journal of the next day (still live).
    const next = writerAt(dir.path, Date.UTC(2026, 2, 3, 0, 5), 'a-1-x').writer;
    next.appendCharacters([{ start: lastQuarter, counts: typed(60), language: 'go' }]);
    assert.ok(next.flush().ok);
    assert.ok(fs.readdirSync(journalPaths(dir.path).live).length > 0);
    const skills = await viaIndex(dir.path);
    assert.deepEqual(skills, await reference(dir.path));
    assert.equal(skills.languages.find((l) => l.language === 'go')!.typedCharacters, 50 + 60);
  });

  it('keeps the logged meetings of compacted months and reads those of live journals, as the journal holds them', async () => {
    const logged = (start: number, minutes: number, writerId: string, now: number) => {
      const { writer } = writerAt(dir.path, now, writerId);
      assert.ok(writer.appendManualMeeting({ start, end: start + minutes * MINUTE_MS, note: 'sync' }).ok);
    };
    logged(Date.UTC(2026, 1, 5, 10), 60, 'a-1-x', Date.UTC(2026, 1, 5, 12));
    // The same meeting logged on a second machine, and an overlapping one.
    logged(Date.UTC(2026, 1, 5, 10), 60, 'b-1-x', Date.UTC(2026, 1, 5, 12));
    logged(Date.UTC(2026, 1, 5, 10, 30), 60, 'b-1-x', Date.UTC(2026, 1, 5, 12));
    compact(dir.path, Date.UTC(2026, 2, 10));
    // Still live: logged today.
    logged(Date.UTC(2026, 2, 19, 14), 30, 'a-1-x', Date.UTC(2026, 2, 19, 15));
    const { range } = skillsRange({ date: DATE, zone: ZONE });
    const store = await readStore(dir.path, range);
    const expected = union(store.meetings.map(({ start, end }) => ({ start, end })));
    assert.equal(durationMs(expected), 120 * MINUTE_MS);
    assert.deepEqual(union((await readSkillsHistory(dir.path, range)).loggedMeetings), expected);
    // From the aggregates, the second time.
    assert.deepEqual(union((await readSkillsHistory(dir.path, range)).loggedMeetings), expected);
  });

  it('rebuilds an aggregate written before it kept logged meetings', async () => {
    const start = Date.UTC(2026, 1, 5, 10);
    assert.ok(writerAt(dir.path, Date.UTC(2026, 1, 5, 12), 'a-1-x').writer.appendManualMeeting({ start, end: start + HOUR_MS }).ok);
    compact(dir.path, Date.UTC(2026, 2, 10));
    const { range } = skillsRange({ date: DATE, zone: ZONE });
    await readSkillsHistory(dir.path, range);
    const folder = skillsFolder(dir.path);
    for (const name of fs.readdirSync(folder)) {
      const json = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as Record<string, unknown>;
      delete json.m;
      fs.writeFileSync(path.join(folder, name), JSON.stringify(json));
    }
    assert.deepEqual((await readSkillsHistory(dir.path, range)).loggedMeetings, [{ start, end: start + HOUR_MS }]);
  });
});
