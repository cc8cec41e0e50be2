import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '../../../src/node/journal/activityHistory';
import { applyCompaction, compact, planCompaction } from '../../../src/node/journal/compaction';
import { PLACEHOLDER_REASON, unreadableReason } from '../../../src/node/journal/journalReader';
import { classifyJournalName, journalPaths, journalWriterKeys, stripConflictMarkers } from '../../../src/node/journal/layout';
import { encodeActivityLine, encodeCharactersLine } from '../../../src/node/journal/records';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { charactersPer } from '../../../src/core/activity/characterCounts';
import { spans, writerAt } from '../../builders/journalBuilders';
import { listFiles, useTempDir } from '../../builders/tempDir';

const MARCH_2 = Date.UTC(2026, 2, 2);
const EVERYTHING = { start: MARCH_2 - 10 * DAY_MS, end: MARCH_2 + 30 * DAY_MS };
const LATER = MARCH_2 + 10 * DAY_MS;
const LIVE = '2026-03-02.host-1-aaa';
const DAY = '2026-03-02.0123456789abcdef';

/** Every conflict-copy form of the issue, as each tool names a copy of `stem.ext`. */
const COPY_FORMS: readonly (readonly [string, (stem: string) => string])[] = [
  ['syncthing', (stem) => `${stem}.sync-conflict-20260302-101112-ABCDEFG`],
  ['dropbox', (stem) => `${stem} (laptop's conflicted copy 2026-03-02)`],
  ['dropbox', (stem) => `${stem} (Jane Doe\u2019s conflicted copy 2026-03-02 (1))`],
  ['nextcloud', (stem) => `${stem} (conflicted copy alice 2026-03-02 101112)`],
  ['nextcloud', (stem) => `${stem} (conflicted copy 2026-03-02 101112)`],
  ['nextcloud', (stem) => `${stem}_conflict-20260302-101112`],
  ['icloud', (stem) => `${stem} 2`],
  ['google-drive', (stem) => `${stem} (1)`],
];

function writeLines(file: string, lines: readonly string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
}

/** One hour of coding, minute spans, from `start`. */
const hourOf = (start: number) => spans(start, 60, 1, 1).map(encodeActivityLine);

describe('journal: sync tools’ conflict copies', () => {
  const dir = useTempDir();

  describe('names', () => {
    for (const [tool, copy] of COPY_FORMS) {
      it(`reads a ${tool} copy of a live journal and of a day file: ${copy('name')}`, () => {
        assert.deepEqual(classifyJournalName('live', `${copy(LIVE)}.jsonl`), { kind: 'journal', utcDate: '2026-03-02', writerId: 'host-1-aaa', copyBy: [tool] });
        assert.deepEqual(classifyJournalName('days', `${copy(DAY)}.json`), { kind: 'day', utcDate: '2026-03-02', copyBy: [tool] });
      });
    }

    it('reads a OneDrive copy of a day file (name-HOSTNAME, name-HOSTNAME-N)', () => {
      assert.deepEqual(classifyJournalName('days', `${DAY}-LAPTOP.json`), { kind: 'day', utcDate: '2026-03-02', copyBy: ['onedrive'] });
      assert.deepEqual(classifyJournalName('days', `${DAY}-LAPTOP-2.json`), { kind: 'day', utcDate: '2026-03-02', copyBy: ['onedrive'] });
    });

    it('takes a OneDrive copy of a live journal (name-HOSTNAME) as the same writer when its original is there', () => {
      const journals = [
        { utcDate: '2026-03-02', writerId: 'host-1-aaa' },
        { utcDate: '2026-03-02', writerId: 'host-1-aaa-LAPTOP' },
        { utcDate: '2026-03-02', writerId: 'host-1-aaa-LAPTOP-2' },
        { utcDate: '2026-03-02', writerId: 'host-claude-code' },
        { utcDate: '2026-03-03', writerId: 'host-1-aaa-LAPTOP' },
      ];
      assert.deepEqual(journalWriterKeys(journals), ['host-1-aaa', 'host-1-aaa', 'host-1-aaa', 'host-claude-code', 'host-1-aaa-LAPTOP']);
    });

    it('reads a copy of a copy, and the originals as they are', () => {
      assert.deepEqual(stripConflictMarkers(`${LIVE}.sync-conflict-20260302-101112-ABCDEFG (1) 2`), { stem: LIVE, tools: ['icloud', 'google-drive', 'syncthing'] });
      assert.deepEqual(classifyJournalName('live', `${LIVE}.jsonl`), { kind: 'journal', utcDate: '2026-03-02', writerId: 'host-1-aaa' });
      assert.deepEqual(classifyJournalName('days', `${DAY}.json`), { kind: 'day', utcDate: '2026-03-02' });
    });

    it('never reads sync tools’ own files or writes in progress as history', () => {
      const toolFiles = [
        `.syncthing.${LIVE}.jsonl.tmp`,
        `~syncthing~${LIVE}.jsonl.tmp`,
        '.stfolder',
        '.stignore',
        '.stversions',
        'desktop.ini',
        'Desktop.ini',
        '.DS_Store',
        'Thumbs.db',
        `._${LIVE}.jsonl`,
        `.tmp-${DAY}.json-123-ab`,
        '.dropbox',
        '.dropbox.attr',
        '.sync_0123abcd.db',
        '._sync_0123abcd.db-wal',
        '.owncloudsync.log',
        `.${LIVE}.jsonl.~1a2b3c`,
        '.tmp.drivedownload',
        `${LIVE}.jsonl.!sync`,
      ];
      for (const name of toolFiles) {
        assert.deepEqual(classifyJournalName('live', name), { kind: 'tool' }, name);
        assert.deepEqual(classifyJournalName('days', name), { kind: 'tool' }, name);
      }
    });

    it('takes iCloud’s .NAME.icloud stand-in for history that is not on this machine', () => {
      assert.deepEqual(classifyJournalName('live', `.${LIVE}.jsonl.icloud`), { kind: 'placeholder', utcDate: '2026-03-02', name: `${LIVE}.jsonl`, tool: 'icloud' });
      assert.deepEqual(classifyJournalName('days', `.${DAY}.json.icloud`), { kind: 'placeholder', utcDate: '2026-03-02', name: `${DAY}.json`, tool: 'icloud' });
    });

    it('calls anything else unknown: other names, other extensions, impossible dates', () => {
      for (const name of ['notes.txt', `${LIVE}.json`, '2026-02-30.host-1-aaa.jsonl', '2026-03-02.host x.jsonl', '2026-03-02.jsonl', `${LIVE}.jsonl.bak`]) {
        assert.deepEqual(classifyJournalName('live', name), { kind: 'unknown' }, name);
      }
      for (const name of ['2026-03-02.0123.json', `${DAY}.jsonl`, '2026-03-02.0123456789ABCDEF.json']) assert.deepEqual(classifyJournalName('days', name), { kind: 'unknown' }, name);
    });

    it('says what an EDEADLK or EIO read means', () => {
      assert.match(unreadableReason(Object.assign(new Error('x'), { code: 'EDEADLK' })), /not downloaded to this machine/);
      assert.equal(unreadableReason(Object.assign(new Error('x'), { code: 'EIO' })), 'I/O error');
    });
  });

  describe('readers', () => {
    it('counts 6 hours when 5 of them are in copies by Syncthing, Dropbox, Nextcloud, iCloud and Google Drive (the issue: 60 min)', async () => {
      const live = journalPaths(dir.path).live;
      writeLines(path.join(live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 8 * HOUR_MS));
      const forms = [COPY_FORMS[0]!, COPY_FORMS[1]!, COPY_FORMS[3]!, COPY_FORMS[6]!, COPY_FORMS[7]!];
      forms.forEach(([, copy], i) => writeLines(path.join(live, `${copy(LIVE)}.jsonl`), hourOf(MARCH_2 + (9 + i) * HOUR_MS)));
      const history = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(history.union), 6 * HOUR_MS);
      assert.deepEqual(history.unknownFiles, []);
    });

    it('counts a copy that repeats its original once: minutes and character counts, OneDrive’s copy too', async () => {
      const live = journalPaths(dir.path).live;
      const bucket = { start: MARCH_2 + 9 * HOUR_MS, counts: { typed: 100, pasted: 0, aiCompletion: 0, agent: 0 } };
      const lines = [...hourOf(MARCH_2 + 9 * HOUR_MS), encodeCharactersLine(bucket)];
      for (const name of [LIVE, `${LIVE}.sync-conflict-20260302-101112-ABCDEFG`, `${LIVE} (1)`, `${LIVE}-LAPTOP`]) writeLines(path.join(live, `${name}.jsonl`), lines);
      const history = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(history.union), HOUR_MS);
      assert.equal(charactersPer(history.characters, [EVERYTHING])[0]!.typed, 100);
    });

    it('reads copies of day files', async () => {
      writeThreeHoursInJournals(dir.path);
      compact(dir.path, LATER);
      const days = journalPaths(dir.path).days;
      const [name] = listFiles(days);
      fs.renameSync(path.join(days, name!), path.join(days, name!.replace('.json', ' (laptop\'s conflicted copy 2026-03-02).json')));
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 3 * HOUR_MS);
    });

    it('skips tool files and lists unknown files, without reading either', async () => {
      const { live, days } = journalPaths(dir.path);
      writeLines(path.join(live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 9 * HOUR_MS));
      writeLines(path.join(live, `.syncthing.${LIVE}.jsonl.tmp`), hourOf(MARCH_2 + 10 * HOUR_MS));
      writeLines(path.join(live, `~syncthing~${LIVE}.jsonl.tmp`), hourOf(MARCH_2 + 11 * HOUR_MS));
      writeLines(path.join(live, '.tmp-x'), hourOf(MARCH_2 + 12 * HOUR_MS));
      writeLines(path.join(live, '.DS_Store'), ['\u0000']);
      writeLines(path.join(live, 'notes.txt'), hourOf(MARCH_2 + 13 * HOUR_MS));
      writeLines(path.join(days, 'backup.json'), ['{}']);
      const history = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(history.union), HOUR_MS);
      assert.equal(history.corruptLines, 0);
      assert.deepEqual(history.unknownFiles, [path.join(days, 'backup.json'), path.join(live, 'notes.txt')]);
    });

    it('reports an iCloud placeholder as history it cannot read yet, never as nothing', async () => {
      const live = journalPaths(dir.path).live;
      writeLines(path.join(live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 9 * HOUR_MS));
      writeLines(path.join(live, '.2026-03-02.host-2-bbb.jsonl.icloud'), ['bplist00']);
      const history = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(history.union), HOUR_MS);
      assert.deepEqual(history.unreadableFiles, [{ path: path.join(live, '2026-03-02.host-2-bbb.jsonl'), reason: PLACEHOLDER_REASON }]);
    });
  });

  describe('compaction', () => {
    it('merges every copy of journals and day files into one day file, then removes them', async () => {
      const { live, days } = journalPaths(dir.path);
      writeLines(path.join(live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 8 * HOUR_MS));
      COPY_FORMS.forEach(([, copy], i) => writeLines(path.join(live, `${copy(LIVE)}.jsonl`), hourOf(MARCH_2 + (9 + i) * HOUR_MS)));
      writeLines(path.join(live, `${LIVE}-LAPTOP.jsonl`), hourOf(MARCH_2 + 17 * HOUR_MS));
      const before = await readHistory(dir.path, EVERYTHING);
      assert.equal(durationMs(before.union), 10 * HOUR_MS);

      const result = compact(dir.path, LATER);
      assert.equal(result.daysWritten, 1);
      assert.equal(result.journalsRemoved, 10);
      assert.equal(result.copiesMerged, COPY_FORMS.length);
      assert.deepEqual(listFiles(live), []);
      const [dayName] = listFiles(days);

      // A copy of the day file comes back from a sync tool with a journal that arrived late.
      fs.copyFileSync(path.join(days, dayName!), path.join(days, dayName!.replace('.json', '.sync-conflict-20260305-101112-ABCDEFG.json')));
      writeLines(path.join(live, `2026-03-02.host-2-bbb (1).jsonl`), hourOf(MARCH_2 + 18 * HOUR_MS));
      const again = compact(dir.path, LATER);
      assert.equal(again.copiesMerged, 2);
      assert.equal(listFiles(days).length, 1);
      assert.deepEqual(listFiles(live), []);
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 11 * HOUR_MS);
    });

    it('leaves a day alone while one of its files cannot be read (read error, iCloud placeholder), and compacts it once it can', async () => {
      const { live, days } = journalPaths(dir.path);
      writeThreeHoursInJournals(dir.path);
      // March 3: an unreadable journal (a folder where the file should be reads with EISDIR, like EIO would).
      writeLines(path.join(live, '2026-03-03.host-1-aaa.jsonl'), hourOf(MARCH_2 + DAY_MS + 9 * HOUR_MS));
      fs.mkdirSync(path.join(live, '2026-03-03.host-2-bbb.jsonl'));
      // March 4: an iCloud placeholder.
      writeLines(path.join(live, '2026-03-04.host-1-aaa.jsonl'), hourOf(MARCH_2 + 2 * DAY_MS + 9 * HOUR_MS));
      writeLines(path.join(live, '.2026-03-04.host-2-bbb.jsonl.icloud'), ['bplist00']);

      const result = compact(dir.path, LATER);
      assert.equal(result.daysWritten, 1, 'March 2 only');
      assert.equal(result.daysSkipped, 2);
      assert.deepEqual(
        result.unreadableFiles.map((f) => path.basename(f.path)).sort(),
        ['2026-03-03.host-2-bbb.jsonl', '2026-03-04.host-2-bbb.jsonl'],
      );
      assert.deepEqual(listFiles(days).map((name) => name.slice(0, 10)), ['2026-03-02']);
      assert.deepEqual(listFiles(live), ['.2026-03-04.host-2-bbb.jsonl.icloud', '2026-03-03.host-1-aaa.jsonl', '2026-03-03.host-2-bbb.jsonl', '2026-03-04.host-1-aaa.jsonl']);
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 5 * HOUR_MS);

      // The files come down from the cloud.
      fs.rmdirSync(path.join(live, '2026-03-03.host-2-bbb.jsonl'));
      writeLines(path.join(live, '2026-03-03.host-2-bbb.jsonl'), hourOf(MARCH_2 + DAY_MS + 10 * HOUR_MS));
      fs.unlinkSync(path.join(live, '.2026-03-04.host-2-bbb.jsonl.icloud'));
      writeLines(path.join(live, '2026-03-04.host-2-bbb.jsonl'), hourOf(MARCH_2 + 2 * DAY_MS + 10 * HOUR_MS));
      const healed = compact(dir.path, LATER);
      assert.equal(healed.daysWritten, 2);
      assert.equal(healed.daysSkipped, 0);
      assert.deepEqual(listFiles(live), []);
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 7 * HOUR_MS);
    });

    it('keeps a journal appended after compaction read it, and merges the append next time', async () => {
      const live = journalPaths(dir.path).live;
      const file = path.join(live, `${LIVE}.jsonl`);
      writeLines(file, hourOf(MARCH_2 + 9 * HOUR_MS));
      writeLines(path.join(live, '2026-03-02.host-2-bbb.jsonl'), hourOf(MARCH_2 + 10 * HOUR_MS));
      const plan = planCompaction(dir.path, LATER);
      // A writer whose clock is behind, or whose sync came late, appends while the compaction runs.
      fs.appendFileSync(file, hourOf(MARCH_2 + 11 * HOUR_MS).map((line) => `${line}\n`).join(''));
      const result = applyCompaction(plan);
      assert.equal(result.filesChangedMeanwhile, 1);
      assert.equal(result.journalsRemoved, 1);
      assert.deepEqual(listFiles(live), [`${LIVE}.jsonl`]);
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 3 * HOUR_MS);

      compact(dir.path, LATER);
      assert.deepEqual(listFiles(live), []);
      assert.equal(listFiles(journalPaths(dir.path).days).length, 1);
      assert.equal(durationMs((await readHistory(dir.path, EVERYTHING)).union), 3 * HOUR_MS);
    });

    it('removes nothing when the day file does not read back with everything in it', () => {
      const live = journalPaths(dir.path).live;
      writeLines(path.join(live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 9 * HOUR_MS));
      // Learn the name the day file will have, then put a damaged file of that name in its place.
      const probe = path.join(dir.path, 'probe');
      writeLines(path.join(journalPaths(probe).live, `${LIVE}.jsonl`), hourOf(MARCH_2 + 9 * HOUR_MS));
      compact(probe, LATER);
      const [dayName] = listFiles(journalPaths(probe).days);
      writeLines(path.join(journalPaths(dir.path).days, dayName!), ['{"v":1,"day":"2026-03-02","t0":0,"a":[],"m":[]}']);

      const result = compact(dir.path, LATER);
      assert.equal(result.daysNotVerified, 1);
      assert.equal(result.journalsRemoved, 0);
      assert.deepEqual(listFiles(live), [`${LIVE}.jsonl`]);
    });

    it('unions two machines’ different day files of one day, and a later compaction folds them into one', async () => {
      // Each machine compacts March 2 before the other's journal reached it.
      const a = path.join(dir.path, 'a');
      const b = path.join(dir.path, 'b');
      writeLines(path.join(journalPaths(a).live, '2026-03-02.a-1-aaa.jsonl'), hourOf(MARCH_2 + 9 * HOUR_MS));
      writeLines(path.join(journalPaths(b).live, '2026-03-02.b-1-bbb.jsonl'), [...hourOf(MARCH_2 + 9 * HOUR_MS + 30 * MINUTE_MS), ...hourOf(MARCH_2 + 14 * HOUR_MS)]);
      compact(a, LATER);
      compact(b, LATER);
      const [fromB] = listFiles(journalPaths(b).days);
      // The sync tool brings B's day file to A.
      fs.copyFileSync(path.join(journalPaths(b).days, fromB!), path.join(journalPaths(a).days, fromB!));
      assert.equal(listFiles(journalPaths(a).days).length, 2);
      assert.equal(durationMs((await readHistory(a, EVERYTHING)).union), 2.5 * HOUR_MS);

      const fold = compact(a, LATER);
      assert.equal(fold.daysWritten, 1);
      assert.equal(fold.dayFilesRemoved, 2);
      assert.equal(listFiles(journalPaths(a).days).length, 1);
      assert.equal(durationMs((await readHistory(a, EVERYTHING)).union), 2.5 * HOUR_MS);
      assert.equal(compact(a, LATER).daysWritten, 0, 'folded for good');
    });
  });
});

/** March 2, 9:00-12:00 UTC, from two windows (two journals). */
function writeThreeHoursInJournals(root: string): void {
  for (const [id, hour] of [['host-1-aaa', 9], ['host-2-bbb', 10], ['host-2-bbb', 11]] as const) {
    const { writer } = writerAt(root, MARCH_2 + 20 * HOUR_MS, id);
    writer.appendSpans(spans(MARCH_2 + hour * HOUR_MS, 60, 1, 1));
    writer.flush();
  }
}
