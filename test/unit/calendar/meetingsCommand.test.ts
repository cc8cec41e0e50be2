import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/meetingsCommand';
import { UsageError } from '../../../src/cli/io';
import { fakeCliIO } from '../../builders/cliIO';
import { main } from '../../../src/cli/main';
import { FIXTURES } from './helpers';

/** A home without VS Code settings, so the verdicts follow the defaults whatever this machine's user has set. */
const EMPTY_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-meetings-home-'));

function io(env: NodeJS.ProcessEnv = {}) {
  const value = fakeCliIO({ env: { HOME: EMPTY_HOME, ...env }, now: Date.UTC(2024, 2, 10) });
  return { value, out: value.stdout, err: value.stderr };
}

describe('hands-on meetings', () => {
  after(() => fs.rmSync(EMPTY_HOME, { recursive: true, force: true }));

  it("gives the verdicts of the meeting rules in the user's VS Code settings, --me replacing their addresses", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-meetings-settings-'));
    try {
      const user = path.join(home, '.config', 'Code', 'User');
      fs.mkdirSync(user, { recursive: true });
      const settings = {
        'handsOn.calendar.myEmails': ['me@x.com'],
        'handsOn.calendar.excludeKeywords': ['Standup'],
        'handsOn.calendar.countTentative': false,
        // Not a rule of meetings: no warning from this command.
        'handsOn.targetPercent': 'half',
      };
      fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings));
      const args = ['--calendar', path.join(FIXTURES, 'rules.ics'), '--from', '2024-03-04', '--to', '2024-03-05', '--tz', 'UTC', '--json'];
      const verdicts = async (extra: string[], env: NodeJS.ProcessEnv) => {
        const cli = io(env);
        assert.equal(await run([...args, ...extra], cli.value, { platform: 'linux' }), 0);
        const byTitle = new Map((JSON.parse(cli.out.join('')).occurrences as { title: string; counted: boolean; reason: string }[]).map((o) => [o.title, o]));
        return { byTitle, err: cli.err };
      };

      const defaults = await verdicts([], {});
      assert.equal(defaults.byTitle.get('Standup')?.reason, 'counted');
      assert.equal(defaults.byTitle.get('Maybe')?.counted, true);

      const mine = await verdicts([], { HOME: home });
      assert.deepEqual(mine.err, []);
      assert.equal(mine.byTitle.get('Standup')?.reason, 'excluded-keyword');
      assert.equal(mine.byTitle.get('Maybe')?.counted, false, 'tentative not counted');
      assert.equal(mine.byTitle.get('Declined')?.reason, 'declined', 'declined by the address in settings');

      const other = await verdicts(['--me', 'someone@else.com'], { HOME: home });
      assert.equal(other.byTitle.get('Declined')?.reason, 'counted', '--me replaces handsOn.calendar.myEmails');
      assert.equal(other.byTitle.get('Standup')?.reason, 'excluded-keyword', 'the other rules still apply');

      fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify({ ...settings, 'handsOn.calendar.countTentative': 'yes' }));
      const invalid = await verdicts([], { HOME: home });
      assert.equal(invalid.err.length, 1);
      assert.match(invalid.err[0]!, /^hands-on meetings: warning: .*handsOn\.calendar\.countTentative/);
      assert.equal(invalid.byTitle.get('Maybe')?.counted, true, 'an invalid value falls back to its default');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

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

  it('takes the zone from $TZ when there is no --tz', async () => {
    const cli = io({ TZ: 'Europe/Berlin' });
    assert.equal(await run(['--calendar', path.join(FIXTURES, 'rules.ics'), '--from', '2024-03-04', '--to', '2024-03-04', '--json'], cli.value), 0);
    const standup = JSON.parse(cli.out.join('')).occurrences.find((o: { title: string }) => o.title === 'Standup');
    assert.equal(standup.start, '2024-03-04T10:00:00+01:00');
    // The same ISO form as report: UTC itself is written Z.
    const utc = io({ TZ: 'UTC' });
    await run(['--calendar', path.join(FIXTURES, 'rules.ics'), '--from', '2024-03-04', '--to', '2024-03-04', '--json'], utc.value);
    assert.equal(JSON.parse(utc.out.join('')).occurrences.find((o: { title: string }) => o.title === 'Standup').start, '2024-03-04T09:00:00Z');
  });

  it('answers --help through main with exit 0', async () => {
    const cli = io();
    assert.equal(await main(['meetings', '--help'], cli.value), 0);
    assert.match(cli.out.join(''), /^Usage: hands-on meetings --calendar/);
    assert.deepEqual(cli.err, []);
  });

  it('accepts --me with mailto: and capitals, and rejects a bad address with exit 2 and one line', async () => {
    const args = ['--calendar', path.join(FIXTURES, 'rules.ics'), '--from', '2024-03-04', '--to', '2024-03-06', '--tz', 'UTC', '--json'];
    const plain = io();
    const spelled = io();
    assert.equal(await main(['meetings', ...args, '--me', 'me@x.com'], plain.value), 0);
    assert.equal(await main(['meetings', ...args, '--me', 'MAILTO:Me@X.com'], spelled.value), 0);
    assert.deepEqual(JSON.parse(spelled.out.join('')), JSON.parse(plain.out.join('')));
    const bad = io();
    assert.equal(await main(['meetings', ...args, '--me', 'me@x.com,not-an-address'], bad.value), 2);
    assert.deepEqual(bad.out, []);
    assert.equal(bad.err.length, 1);
    assert.match(bad.err[0]!, /^hands-on meetings: --me: "not-an-address" is not an email address$/);
  });

  it('requires --calendar and both dates, with one line each', async () => {
    await assert.rejects(run(['--from', '2024-03-04', '--to', '2024-03-04'], io().value), (e: unknown) => e instanceof UsageError && /--calendar FILE\|FOLDER\|URL is required/.test(e.message));
    await assert.rejects(run(['--calendar', 'x.ics', '--to', '2024-03-04'], io().value), (e: unknown) => e instanceof UsageError && /--from YYYY-MM-DD is required/.test(e.message));
    await assert.rejects(run(['--calendar', 'x.ics', '--from', '2024-03-05', '--to', '2024-03-04'], io().value), (e: unknown) => e instanceof UsageError && /is after --to/.test(e.message));
    await assert.rejects(run(['--calendar', 'x.ics', '--from', '2024-03-04', '--to', '2024-03-04', '--tz', 'Mars/Olympus'], io().value), (e: unknown) => e instanceof UsageError && /not a time zone/.test(e.message));
  });
});
