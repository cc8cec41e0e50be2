import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivityPerLocalDay, readHistory } from '../../../src/node/journal/activityHistory';
import { classifyJournalName, journalPaths, utcDateOf } from '../../../src/node/journal/layout';
import { DEFAULT_AGENT, parseRecordLine } from '../../../src/node/journal/records';
import { MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs, union } from '../../../src/core/time/interval';
import { useTempDir } from '../../builders/tempDir';

// The contract other writers follow (shell snippet, Neovim plugin, agent hooks): its examples must read as it says.
const DOC = fs.readFileSync(path.resolve(__dirname, '../../../../docs/journal-format.md'), 'utf8');

function exampleLines(): string[] {
  return [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n')).filter((line) => line.trim().startsWith('{"v":'));
}

/** Writer ids the document names in backticks (`host-claude-code`…). */
function documentedWriterIds(): string[] {
  return [...DOC.matchAll(/`(host-[A-Za-z0-9_-]+)`/g)].map((match) => match[1]!);
}

describe('docs/journal-format.md: the examples read as documented', () => {
  const dir = useTempDir();

  it('has examples of every record kind in its table, and each line is a valid record with the documented meaning', () => {
    const lines = exampleLines();
    const kinds = new Set(lines.map((line) => (JSON.parse(line) as { k: string }).k));
    // The table's rows, not its header (`k`).
    const tableKinds = [...DOC.matchAll(/^\| `([a-z])` \| (?!Record \|)/gm)].map((match) => match[1]!);
    assert.deepEqual(tableKinds.sort(), ['a', 'c', 'g', 'm']);
    assert.deepEqual([...kinds].sort(), tableKinds, 'an example line of every kind');
    for (const line of lines) {
      const raw = JSON.parse(line) as Record<string, unknown>;
      const record = parseRecordLine(line);
      assert.ok(record, `an example the reader refuses: ${line}`);
      if (raw.k === 'a' || raw.k === 'g') {
        assert.equal(record.kind, 'activity');
        const span = record.kind === 'activity' ? record.span : undefined;
        assert.deepEqual(
          { start: span?.start, end: span?.end, workspace: span?.workspace, language: span?.language, agent: span?.agent, source: span?.source },
          { start: raw.s, end: raw.e, workspace: raw.w, language: raw.l, agent: raw.k === 'g' ? (raw.ag ?? DEFAULT_AGENT) : undefined, source: raw.src },
          line,
        );
      } else if (raw.k === 'c') {
        assert.equal(record.kind, 'characters');
        const bucket = record.kind === 'characters' ? record.bucket : undefined;
        assert.deepEqual([bucket?.counts.typed, bucket?.counts.agent, bucket?.agent, bucket?.lines, bucket?.language], [raw.y, raw.g, raw.ag, raw.ln, raw.l], line);
      } else {
        assert.equal(record.kind, 'meeting', line);
      }
    }
  });

  it('names writer ids and file names the reader takes as one writer each', () => {
    const ids = documentedWriterIds();
    assert.ok(ids.length >= 2, `writer ids in the document: ${ids.join(', ')}`);
    for (const id of ids) assert.deepEqual(classifyJournalName('live', `2026-12-03.${id}.jsonl`), { kind: 'journal', utcDate: '2026-12-03', writerId: id });
  });

  it('the example lines, appended to a writer file as documented, are read by the extension and the CLI as the union they describe', async () => {
    const lines = exampleLines();
    const records = lines.map((line) => JSON.parse(line) as { k: string; s: number; e: number; src?: string });
    const live = journalPaths(dir.path).live;
    fs.mkdirSync(live, { recursive: true });
    // One file per UTC date of the write, as a writer appends them (here: the day each record starts).
    for (const [i, line] of lines.entries()) fs.appendFileSync(path.join(live, `${utcDateOf(records[i]!.s)}.example-writer.jsonl`), `${line}\n`);
    const spans = records.filter((r) => r.k === 'a');
    const start = Math.min(...records.map((r) => r.s));
    const end = Math.max(...records.map((r) => r.e));
    const history = await readHistory(dir.path, { start, end });
    assert.equal(history.corruptLines, 0);
    assert.equal(durationMs(history.union), durationMs(union(spans.map((r) => ({ start: r.s, end: r.e })))));
    const sources = new Set(spans.map((r) => r.src ?? 'vscode'));
    assert.deepEqual(Object.keys(history.minutesBySource).sort(), [...sources].sort());
    const activity = await readActivityPerLocalDay(dir.path, utcDateOf(start), utcDateOf(end), 'UTC');
    assert.equal(activity.totalMinutes, durationMs(history.union) / MINUTE_MS);
  });
});
