import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../../src/cli/activityCommand';
import { UsageError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { startOfLocalDate } from '../../../src/core/time/localDays';
import { writerAt } from '../../builders/journalBuilders';
import { journalPaths } from '../../../src/node/journal/layout';
import { useTempDir } from '../../builders/tempDir';
import { fakeCliIO } from '../../builders/cliIO';

const captureIO = (env: NodeJS.ProcessEnv = {}) => fakeCliIO({ env, now: Date.UTC(2026, 2, 20) });

const NO_CHARACTERS = { typed: 0, pasted: 0, aiCompletion: 0, agent: 0 };
const BERLIN_DAYS = {
  days: [
    { date: '2026-03-02', codingMinutes: 0, agentMinutes: 0, agents: {}, sources: {}, characters: NO_CHARACTERS, agentCharacters: {}, agentLines: {} },
    {
      date: '2026-03-03',
      codingMinutes: 135.5,
      agentMinutes: 20,
      agents: { vscode: 20 },
      sources: { vscode: 135.5 },
      characters: { typed: 120, pasted: 40, aiCompletion: 10, agent: 50 },
      agentCharacters: { vscode: 50 },
      agentLines: {},
    },
    { date: '2026-03-04', codingMinutes: 15, agentMinutes: 0, agents: {}, sources: { vscode: 15 }, characters: NO_CHARACTERS, agentCharacters: {}, agentLines: {} },
  ],
  totalCodingMinutes: 150.5,
  totalAgentMinutes: 20,
};

describe('cli: hands-on activity', () => {
  const dir = useTempDir();

  beforeEach(() => {
    const zone = 'Europe/Berlin';
    const { writer } = writerAt(dir.path, Date.UTC(2026, 2, 20));
    const day = startOfLocalDate('2026-03-03', zone);
    writer.appendSpans([
      { start: day + 9 * HOUR_MS, end: day + 11 * HOUR_MS },
      { start: day + 10 * HOUR_MS, end: day + 11 * HOUR_MS + 30 * 1000 },
      { start: day + 23 * HOUR_MS + 45 * MINUTE_MS, end: day + 24 * HOUR_MS + 15 * MINUTE_MS },
      // Agent time: 20 minutes alone, and half an hour inside coding, which stays hands-on.
      { start: day + 12 * HOUR_MS, end: day + 12 * HOUR_MS + 20 * MINUTE_MS, agent: "vscode" },
      { start: day + 10 * HOUR_MS, end: day + 10 * HOUR_MS + 30 * MINUTE_MS, agent: "vscode" },
    ]);
    // The same quarter hour flushed twice, cumulatively: the later counts stand, nothing is added up twice.
    writer.appendCharacters([{ start: day + 9 * HOUR_MS, counts: { typed: 100, pasted: 40, aiCompletion: 10, agent: 50 } }]);
    writer.flush();
    writer.appendCharacters([{ start: day + 9 * HOUR_MS, counts: { typed: 120, pasted: 40, aiCompletion: 10, agent: 50 } }]);
    writer.flush();
  });

  it('prints the exact JSON shape, inclusive dates, in the given zone', async () => {
    const io = captureIO();
    const code = await run(['--data-dir', dir.path, '--from', '2026-03-02', '--to', '2026-03-04', '--tz', 'Europe/Berlin', '--json'], io);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(io.stdout.join('')), BERLIN_DAYS);
  });

  it('takes the zone from $TZ when there is no --tz, as meetings and report do', async () => {
    const berlin = captureIO({ TZ: 'Europe/Berlin' });
    assert.equal(await run(['--data-dir', dir.path, '--from', '2026-03-02', '--to', '2026-03-04', '--json'], berlin), 0);
    assert.deepEqual(JSON.parse(berlin.stdout.join('')), BERLIN_DAYS);
    // Berlin 23:45–00:15 (the night of 3 March) is 07:45–08:15 on 4 March in Tokyo: all 30 minutes fall on the 4th there.
    const tokyo = captureIO({ TZ: 'Asia/Tokyo' });
    assert.equal(await run(['--data-dir', dir.path, '--from', '2026-03-03', '--to', '2026-03-04'], tokyo), 0);
    // Durations as the status bar and the dashboard write them.
    assert.deepEqual(tokyo.stdout.join('').split('\n'), [
      'Date        Coding     Agent  (Asia/Tokyo)',
      '2026-03-03      2h1m       20m  VS Code edits 20m',
      '2026-03-04       30m        0m',
      'Total          2h31m       20m',
    ]);
    // --tz still wins over $TZ.
    const flag = captureIO({ TZ: 'Asia/Tokyo' });
    assert.equal(await run(['--data-dir', dir.path, '--from', '2026-03-02', '--to', '2026-03-04', '--tz', 'Europe/Berlin', '--json'], flag), 0);
    assert.deepEqual(JSON.parse(flag.stdout.join('')), BERLIN_DAYS);
  });

  it('names each history file it cannot read, says why, and still prints the rest', async () => {
    // A folder where a journal should be fails to read (EISDIR) for every user, root included, as a file without
    // read permission does for others.
    const blocked = path.join(journalPaths(dir.path).live, '2026-03-03.other-host-1-abc.jsonl');
    fs.mkdirSync(blocked);
    const io = captureIO();
    assert.equal(await run(['--data-dir', dir.path, '--from', '2026-03-02', '--to', '2026-03-04', '--tz', 'Europe/Berlin', '--json'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout.join('')), BERLIN_DAYS);
    assert.deepEqual(io.stderr, [`hands-on activity: warning: cannot read ${blocked} (a folder is in the way); its time is not included. Make it readable by you (or let your sync tool download it) and run again.`]);
  });

  describe('the data folder, found as report finds it', () => {
    const home = useTempDir('hands-on-home-');

    function writeSettings(text: string): void {
      const user = path.join(home.path, '.config', 'Code', 'User');
      fs.mkdirSync(user, { recursive: true });
      fs.writeFileSync(path.join(user, 'settings.json'), text);
    }

    const args = ['--from', '2026-03-02', '--to', '2026-03-04', '--tz', 'Europe/Berlin', '--json'];

    it('uses handsOn.dataDirectory from VS Code settings.json under $HOME when there is no --data-dir', async () => {
      writeSettings(`{\n  // JSONC, as VS Code writes it\n  "handsOn.dataDirectory": ${JSON.stringify(dir.path)},\n}`);
      const io = captureIO({ HOME: home.path });
      assert.equal(await run(args, io, { platform: 'linux' }), 0);
      assert.deepEqual(JSON.parse(io.stdout.join('')), BERLIN_DAYS);
      assert.deepEqual(io.stderr, []);
    });

    it('--data-dir overrides the setting', async () => {
      writeSettings(`{ "handsOn.dataDirectory": ${JSON.stringify(path.join(home.path, 'elsewhere'))} }`);
      const io = captureIO({ HOME: home.path });
      assert.equal(await run(['--data-dir', dir.path, ...args], io, { platform: 'linux' }), 0);
      assert.deepEqual(JSON.parse(io.stdout.join('')), BERLIN_DAYS);
    });

    it('without the setting, looks in the extension storage under $HOME and says where', async () => {
      writeSettings('{ "handsOn.targetPercent": "lots" }');
      const io = captureIO({ HOME: home.path });
      await assert.rejects(run(args, io, { platform: 'linux' }), (error: unknown) => error instanceof UsageError && error.message.includes(`no Hands-On data folder at ${path.join(home.path, '.config', 'Code', 'User', 'globalStorage')}`));
      // A problem with a setting activity does not use is not worth a warning here.
      assert.deepEqual(io.stderr, []);
    });

    it('warns about an invalid handsOn.dataDirectory and falls back to the default', async () => {
      writeSettings('{ "handsOn.dataDirectory": 42 }');
      const io = captureIO({ HOME: home.path });
      await assert.rejects(run(args, io, { platform: 'linux' }), /no Hands-On data folder/);
      assert.equal(io.stderr.length, 1);
      assert.match(io.stderr[0]!, /^hands-on activity: warning: handsOn\.dataDirectory/);
    });
  });

  it('prints a readable table by default and is reachable through main', async () => {
    const io = captureIO();
    assert.equal(await main(['activity', `--data-dir=${dir.path}`, '--from', '2026-03-03', '--to', '2026-03-03', '--tz', 'Europe/Berlin'], io), 0);
    const text = io.stdout.join('\n');
    assert.deepEqual(text.split('\n'), ['Date        Coding     Agent  (Europe/Berlin)', '2026-03-03     2h16m       20m  VS Code edits 20m', 'Total          2h16m       20m']);
  });

  for (const [args, message] of [
    [['--to', '2026-03-03'], /--from YYYY-MM-DD is required/],
    [['--from', '2026-02-30', '--to', '2026-03-03'], /--from must be a date/],
    [['--from', '2026-03-04', '--to', '2026-03-03'], /is after --to/],
    [['--from', '2026-03-03', '--to', '2026-03-03', '--tz', 'Mars/Olympus'], /not a time zone/],
    [['--from', '2026-03-03', '--to', '2026-03-03', '--bogus'], /unknown argument/],
  ] as const) {
    it(`rejects bad input: ${args.join(' ')}`, async () => {
      await assert.rejects(run(['--data-dir', dir.path, ...args], captureIO()), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }

  it('a data folder that does not exist is a usage error with exit code 2 through main', async () => {
    const io = captureIO();
    assert.equal(await main(['activity', '--data-dir', `${dir.path}/missing`, '--from', '2026-03-03', '--to', '2026-03-03'], io), 2);
    assert.match(io.stderr.join(''), /no Hands-On data folder/);
  });
});
