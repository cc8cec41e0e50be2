import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as activity from '../../../src/cli/activityCommand';
import { UsageError } from '../../../src/cli/io';
import { fakeCliIO } from '../../builders/cliIO';
import { main } from '../../../src/cli/main';
import * as meetings from '../../../src/cli/meetingsCommand';
import { parseOptions } from '../../../src/cli/optionTable';
import { DATA_DIR_OPTION, dataDirOption, dateOption, emailsOption, homeOf, ME_OPTION, TZ_OPTION, zoneOption } from '../../../src/cli/options';
import * as report from '../../../src/cli/reportCommand';
import { defaultDataDirectory } from '../../../src/node/journal/dataDirectory';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { systemTimeZone } from '../../../src/core/time/localDays';

// The shared options, with --from and --to optional so that dateOption's own check can be seen.
const ALL = {
  tz: TZ_OPTION,
  from: { type: 'string', value: 'YYYY-MM-DD', help: '' },
  to: { type: 'string', value: 'YYYY-MM-DD', help: '' },
  me: ME_OPTION,
  'data-dir': DATA_DIR_OPTION,
} as const;
const parse = (...argv: string[]) => parseOptions(argv, ALL);

const capture = (env: NodeJS.ProcessEnv = {}) => fakeCliIO({ env, now: Date.UTC(2026, 2, 20) });

describe('cli: shared options', () => {
  it('zone: --tz, else a valid $TZ, else the system zone; an invalid --tz is a usage error', () => {
    assert.equal(zoneOption(parse('--tz', 'Asia/Tokyo'), { TZ: 'Europe/Berlin' }), 'Asia/Tokyo');
    assert.equal(zoneOption(parse(), { TZ: 'Europe/Berlin' }), 'Europe/Berlin');
    assert.equal(zoneOption(parse(), { TZ: 'Mars/Olympus' }), systemTimeZone());
    assert.equal(zoneOption(parse(), { TZ: '' }), systemTimeZone());
    assert.equal(zoneOption(parse(), {}), systemTimeZone());
    assert.throws(() => zoneOption(parse('--tz', 'Mars/Olympus'), { TZ: 'Europe/Berlin' }), (e: unknown) => e instanceof UsageError && /--tz "Mars\/Olympus" is not a time zone/.test(e.message));
  });

  it('dates: required and real calendar dates', () => {
    assert.equal(dateOption(parse('--from', '2024-02-29'), '--from'), '2024-02-29');
    assert.throws(() => dateOption(parse(), '--from'), (e: unknown) => e instanceof UsageError && /--from YYYY-MM-DD is required/.test(e.message));
    assert.throws(() => dateOption(parse('--to', '2023-02-29'), '--to'), (e: unknown) => e instanceof UsageError && /--to must be a date as YYYY-MM-DD, got "2023-02-29"/.test(e.message));
    assert.throws(() => dateOption(parse('--to', '2024-3-1'), '--to'), UsageError);
  });

  it('--me: lower-cased, mailto: stripped, blanks dropped, every address checked', () => {
    assert.equal(emailsOption(parse()), undefined);
    assert.deepEqual(emailsOption(parse('--me', ' MAILTO:Me@X.com , ,b@y.org ')), ['me@x.com', 'b@y.org']);
    assert.throws(() => emailsOption(parse('--me', 'me@x.com,nobody')), (e: unknown) => e instanceof UsageError && /--me: "nobody" is not an email address/.test(e.message));
    assert.throws(() => emailsOption(parse('--me', 'mailto:me@x')), (e: unknown) => e instanceof UsageError && /"me@x" is not/.test(e.message));
  });

  it('data folder: --data-dir, else handsOn.dataDirectory, else the default under the same home as report', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-options-'));
    try {
      const io = capture({ HOME: temp });
      const fromSettings = { ...DEFAULT_SETTINGS, dataDirectory: temp };
      let asked = false;
      const settings = () => {
        asked = true;
        return fromSettings;
      };
      assert.equal(dataDirOption(parse('--data-dir', os.tmpdir()), io, settings, 'linux'), os.tmpdir());
      assert.equal(asked, false, 'settings are not read when --data-dir is given');
      assert.equal(dataDirOption(parse(), io, settings, 'linux'), temp);
      const expected = defaultDataDirectory(io.env, 'linux', temp);
      assert.ok(expected.startsWith(temp));
      assert.throws(() => dataDirOption(parse(), io, () => DEFAULT_SETTINGS, 'linux'), (e: unknown) => e instanceof UsageError && e.message.includes(`no Hands-On data folder at ${expected}`));
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });

  it('home: $HOME, else %USERPROFILE%, else the OS', () => {
    assert.equal(homeOf({ HOME: '/h', USERPROFILE: 'C:\\u' }), '/h');
    assert.equal(homeOf({ USERPROFILE: 'C:\\u' }), 'C:\\u');
    assert.equal(homeOf({}), os.homedir());
  });
});

describe('cli: --help', () => {
  for (const [name, usage] of [
    ['meetings', meetings.USAGE],
    ['activity', activity.USAGE],
    ['report', report.USAGE],
  ] as const) {
    for (const flag of ['--help', '-h']) {
      it(`hands-on ${name} ${flag} prints that command's usage and exits 0, whatever else is given`, async () => {
        for (const argv of [[name, flag], [name, '--bogus', '--from', 'not-a-date', flag]]) {
          const io = capture();
          assert.equal(await main(argv, io), 0, argv.join(' '));
          assert.deepEqual(io.stdout, [usage]);
          assert.deepEqual(io.stderr, []);
          assert.match(usage, new RegExp(`^Usage: hands-on ${name} `));
        }
      });
    }
  }

  it('hands-on --help lists every command; an unknown one (even an Object method name) is exit 2', async () => {
    const io = capture();
    assert.equal(await main(['--help'], io), 0);
    for (const name of ['meetings', 'activity', 'report']) assert.match(io.stdout.join(''), new RegExp(`^  ${name} `, 'm'));
    for (const name of ['bogus', 'toString', 'constructor']) {
      const bad = capture();
      assert.equal(await main([name, '--help'], bad), 2, name);
      assert.match(bad.stderr.join(''), /unknown command/);
    }
  });
});
