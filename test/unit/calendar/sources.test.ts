import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CalendarCache, type CacheEntry } from '../../../src/node/calendar/calendarCache';
import { readCalendarFile, readCalendarFolder } from '../../../src/node/calendar/fileSource';
import { readCalendars } from '../../../src/node/calendar/loadCalendar';
import { parseInWorker, startParseWorker } from '../../../src/node/calendar/parseInWorker';
import { CalendarParseError } from '../../../src/node/calendar/parseError';
import { icsText } from '../../builders/icsBuilder';
import { buildCalendarWorker } from '../../builders/calendarWorker';
import { readCalendar, type ReadOptions } from '../../../src/core/calendar/readCalendar';
import { DEFAULT_RULES } from '../../../src/core/calendar/types';
import { FIXTURES, fixture, MARCH_WEEK } from './helpers';

const OPTIONS: ReadOptions = { ...MARCH_WEEK, zone: 'Europe/Berlin', rules: { ...DEFAULT_RULES, myEmails: ['me@x.com'] }, source: 'rules.ics' };
/** One source's texts as parseInWorker takes them: labelled like OPTIONS.source. */
const one = (text: string) => [{ name: 'rules.ics', text }];

describe('calendar sources', () => {
  let temp: string;

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-sources-'));
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  describe('parseInWorker', () => {
    let workerFile: string;

    before(async () => {
      workerFile = await buildCalendarWorker(path.join(temp, 'calendarWorker.js'));
    });

    it('gives in a worker thread exactly what readCalendar gives in-process', async () => {
      for (const name of ['rules.ics', 'this-and-future.ics', 'windows-tzids.ics', 'malformed-line.ics']) {
        const text = fixture(name);
        const inWorker = await parseInWorker(one(text), OPTIONS, workerFile);
        assert.deepEqual(inWorker, readCalendar(text, OPTIONS), name);
      }
      assert.ok((await parseInWorker(one(fixture('rules.ics')), OPTIONS, workerFile)).occurrences.some((o) => o.counted));
    });

    it('parses every file of a folder in one worker, as readCalendars does in-process', async () => {
      const texts = ['rules.ics', 'windows-tzids.ics', 'this-and-future.ics'].map((name) => ({ name, text: fixture(name) }));
      const options = { from: OPTIONS.from, to: OPTIONS.to, zone: OPTIONS.zone, rules: OPTIONS.rules };
      assert.deepEqual(await parseInWorker(texts, options, workerFile), readCalendars(texts, options));
    });

    it('rejects with a clear message, never the JavaScript one, when parsing fails there or in-process', async () => {
      // Not a text at all: readCalendar throws, in the worker as in-process.
      const notText = null as unknown as string;
      const raw = (() => {
        try {
          readCalendar(notText, OPTIONS);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      assert.notEqual(raw, '');
      const clear = (e: Error) => e instanceof CalendarParseError && e.kind === 'failed' && !e.message.includes(raw) && /please report it/.test(e.message);
      await assert.rejects(parseInWorker(one(notText), OPTIONS, workerFile), clear);
      await assert.rejects(parseInWorker(one(notText), OPTIONS, undefined), clear);
    });

    it('stops a parse that runs past its time budget, and one that needs more memory than allowed', async () => {
      const big = icsText(Array.from({ length: 20_000 }, (_, i) => ({ start: OPTIONS.from + i * 60_000, end: OPTIONS.from + i * 60_000 + 30_000, title: `Meeting ${i}` })));
      await assert.rejects(parseInWorker(one(big), OPTIONS, workerFile, { timeMs: 1, heapMb: 512 }), (e: Error) => e instanceof CalendarParseError && e.kind === 'too-slow' && /took too long to read/.test(e.message));
      await assert.rejects(parseInWorker(one(big), OPTIONS, workerFile, { timeMs: 60_000, heapMb: 2 }), (e: Error) => e instanceof CalendarParseError && e.kind === 'too-large' && /needed more than 2 MB/.test(e.message));
      // The limits are per parse: the next one, with room, reads the same text in full.
      assert.equal((await parseInWorker(one(big), OPTIONS, workerFile)).occurrences.length, readCalendar(big, OPTIONS).occurrences.length);
    });

    it('parses with a worker started ahead of its texts, and ends that worker after the parse', async () => {
      const started = startParseWorker(workerFile)!;
      assert.ok(started, 'a worker is started');
      const exited = once(started.worker, 'exit');
      const text = fixture('rules.ics');
      assert.deepEqual(await parseInWorker(one(text), OPTIONS, workerFile, undefined, started), readCalendar(text, OPTIONS));
      await exited;
      assert.equal(startParseWorker(path.join(temp, 'no-such-worker.js')), undefined, 'no worker without its file: parsing runs in-process');
    });

    it('rejects at once with a clear message when a worker started ahead failed before its texts came', async () => {
      const broken = path.join(temp, 'broken-worker.js');
      fs.writeFileSync(broken, "throw new Error('the bundle is broken');\n");
      const started = startParseWorker(broken)!;
      await new Promise((resolve) => started.worker.once('exit', resolve));
      // A 10-minute budget: a rejection that waited for it would exceed the test's timeout.
      await assert.rejects(
        parseInWorker(one(fixture('rules.ics')), OPTIONS, broken, { timeMs: 600_000, heapMb: 512 }, started),
        (e: Error) => e instanceof CalendarParseError && e.kind === 'failed' && /please report it/.test(e.message),
      );
    });

    it('lets the process end when a worker started ahead is never used', function () {
      this.timeout(30_000);
      const module = require.resolve('../../../src/node/calendar/parseInWorker');
      const script = `const { startParseWorker } = require(${JSON.stringify(module)}); if (!startParseWorker(${JSON.stringify(workerFile)})) process.exit(3);`;
      const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(result.signal, null, 'ended by itself, not killed');
      assert.equal(result.status, 0, result.stderr);
    });

    it('parses in-process when the worker file is missing or not given', async () => {
      const text = fixture('rules.ics');
      const expected = readCalendar(text, OPTIONS);
      assert.deepEqual(await parseInWorker(one(text), OPTIONS, path.join(temp, 'no-such-worker.js')), expected);
      assert.deepEqual(await parseInWorker(one(text), OPTIONS, undefined), expected);
    });
  });

  describe('CalendarCache', () => {
    const secretUrl = 'https://calendar.google.com/calendar/ical/me%40x.com/private-0123456789abcdef/basic.ics';
    const entry = (result: string[], refreshedAt: number): CacheEntry<string[]> => ({ hash: 'h1', etag: '"e1"', refreshedAt, result });

    it('saves and loads an entry per source, and returns undefined for an unknown one', async () => {
      const cache = new CalendarCache<string[]>(path.join(temp, 'cache-a'));
      await cache.save(secretUrl, entry(['Standup'], 1000));
      await cache.save('/home/me/work.ics', entry(['Review'], 2000));
      assert.deepEqual(await cache.load(secretUrl), entry(['Standup'], 1000));
      assert.deepEqual((await cache.load('/home/me/work.ics'))?.result, ['Review']);
      assert.equal(await cache.load('https://other.example/x.ics'), undefined);
    });

    it('never puts the source id or URL in a file name, nor leaves temp files', async () => {
      const dir = path.join(temp, 'cache-b');
      const cache = new CalendarCache<string[]>(dir);
      await cache.save(secretUrl, entry(['Standup'], 1000));
      const names = fs.readdirSync(dir);
      assert.equal(names.length, 1);
      assert.match(names[0]!, /^calendar-[0-9a-f]{24}\.json$/);
      for (const piece of ['private', '0123456789abcdef', 'google', 'basic', 'x.com']) assert.ok(!names[0]!.includes(piece), names[0]);
    });

    it('treats a damaged cache file as missing, and removes entries', async () => {
      const dir = path.join(temp, 'cache-d');
      const cache = new CalendarCache<string[]>(dir);
      await cache.save('a', entry(['A'], 1));
      fs.writeFileSync(path.join(dir, fs.readdirSync(dir)[0]!), '{"hash": "h1", "result": [');
      assert.equal(await cache.load('a'), undefined);
      await cache.save('b', entry(['B'], 2));
      await cache.remove('b');
      assert.equal(await cache.load('b'), undefined);
      await cache.remove('never-there');
    });
  });

  describe('readCalendarFile / readCalendarFolder', () => {
    it('reads a file with its name as label', async () => {
      const one = await readCalendarFile(path.join(FIXTURES, 'rules.ics'));
      assert.equal(one.name, 'rules.ics');
      assert.match(one.text, /^BEGIN:VCALENDAR/);
    });

    it('fails with one clear line for a missing file, a folder given as file, and a non-calendar', async () => {
      await assert.rejects(readCalendarFile(path.join(temp, 'missing.ics')), (e: Error) => e.message === `no such file: ${path.join(temp, 'missing.ics')}`);
      await assert.rejects(readCalendarFile(FIXTURES), (e: Error) => /^cannot read .* \(EISDIR\)$/.test(e.message));
      await assert.rejects(readCalendarFile(path.join(FIXTURES, 'not-a-calendar.txt')), /^Error: not an iCalendar file: /);
    });

    it('reads .ics files of a folder and its direct subfolders, sorted, skipping other files and non-calendars', async () => {
      const dir = path.join(temp, 'vdir');
      fs.mkdirSync(path.join(dir, 'work'), { recursive: true });
      fs.mkdirSync(path.join(dir, '.hidden'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'b.ics'), fixture('duration.ics'));
      fs.writeFileSync(path.join(dir, 'a.ICS'), fixture('floating.ics'));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a calendar');
      fs.writeFileSync(path.join(dir, 'broken.ics'), '<html>login</html>');
      fs.writeFileSync(path.join(dir, 'work', 'c.ics'), fixture('rules.ics'));
      fs.writeFileSync(path.join(dir, '.hidden', 'd.ics'), fixture('rules.ics'));
      const texts = await readCalendarFolder(dir);
      assert.deepEqual(
        texts.map((t) => t.name),
        ['a.ICS', 'b.ics', path.join('work', 'c.ics')],
      );
    });

    it('fails for a folder without .ics files and for a missing folder', async () => {
      const empty = path.join(temp, 'empty');
      fs.mkdirSync(empty);
      fs.writeFileSync(path.join(empty, 'readme.md'), '# nothing');
      await assert.rejects(readCalendarFolder(empty), (e: Error) => e.message === `no .ics files in ${empty}`);
      await assert.rejects(readCalendarFolder(path.join(temp, 'no-folder')), /ENOENT/);
    });
  });
});
