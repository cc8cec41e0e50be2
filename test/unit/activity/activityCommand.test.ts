import * as assert from 'node:assert/strict';
import { run } from '../../../src/cli/activityCommand';
import { UsageError, type CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { startOfLocalDate } from '../../../src/core/time/localDays';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, now: () => Date.UTC(2026, 2, 20) };
}

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
    ]);
    writer.flush();
  });

  it('prints the exact JSON shape, inclusive dates, in the given zone', async () => {
    const io = captureIO();
    const code = await run(['--data-dir', dir.path, '--from', '2026-03-02', '--to', '2026-03-04', '--tz', 'Europe/Berlin', '--json'], io);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(io.stdout.join('')), {
      days: [
        { date: '2026-03-02', codingMinutes: 0 },
        { date: '2026-03-03', codingMinutes: 135.5 },
        { date: '2026-03-04', codingMinutes: 15 },
      ],
      totalCodingMinutes: 150.5,
    });
  });

  it('prints a readable table by default and is reachable through main', async () => {
    const io = captureIO();
    assert.equal(await main(['activity', `--data-dir=${dir.path}`, '--from', '2026-03-03', '--to', '2026-03-03', '--tz', 'Europe/Berlin'], io), 0);
    const text = io.stdout.join('\n');
    assert.match(text, /2026-03-03\s+2h 16m/);
    assert.match(text, /Total\s+2h 16m/);
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
