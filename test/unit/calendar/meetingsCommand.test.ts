import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { run } from '../../../src/cli/meetingsCommand';
import { UsageError, type CliIO } from '../../../src/cli/io';
import { FIXTURES } from './helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, now: () => Date.UTC(2024, 2, 10) };
  return { value, out, err };
}

describe('hands-on meetings', () => {
  it('prints JSON with offsets in --tz, per-day minutes and verdicts', async () => {
    const cli = io();
    const code = await run(['--calendar', path.join(FIXTURES, 'rules.ics'), '--from', '2024-03-04', '--to', '2024-03-06', '--tz', 'Europe/Berlin', '--me', 'me@x.com', '--json'], cli.value);
    assert.equal(code, 0);
    const json = JSON.parse(cli.out.join(''));
    assert.deepEqual(json.days, [
      { date: '2024-03-04', meetingMinutes: 60 },
      { date: '2024-03-05', meetingMinutes: 60 },
      { date: '2024-03-06', meetingMinutes: 90 },
    ]);
    assert.equal(json.totalMeetingMinutes, 210);
    const standup = json.occurrences.find((o: { title: string }) => o.title === 'Standup');
    assert.deepEqual(standup, { start: '2024-03-04T10:00:00+01:00', end: '2024-03-04T10:30:00+01:00', title: 'Standup', counted: true, reason: 'counted' });
  });

  it('reads a folder of .ics files', async () => {
    const cli = io();
    await run(['--calendar', path.join(FIXTURES, 'folder'), '--from', '2024-03-04', '--to', '2024-03-04', '--tz', 'UTC', '--json'], cli.value);
    assert.deepEqual(JSON.parse(cli.out.join('')).occurrences.map((o: { title: string }) => o.title), ['From A', 'From B']);
  });

  it('fails with one clear line for a missing file or a non-calendar', async () => {
    await assert.rejects(run(['--calendar', '/no/such.ics', '--from', '2024-03-04', '--to', '2024-03-04'], io().value), (e: unknown) => e instanceof UsageError && /no such file/.test(e.message));
    await assert.rejects(run(['--calendar', path.join(FIXTURES, 'not-a-calendar.txt'), '--from', '2024-03-04', '--to', '2024-03-04'], io().value), /not an iCalendar file/);
  });

  it('rejects bad dates', async () => {
    await assert.rejects(run(['--calendar', 'x.ics', '--from', '2024-02-30', '--to', '2024-03-04'], io().value), UsageError);
  });
});
