import * as assert from 'node:assert/strict';
import * as activity from '../../../src/cli/activityCommand';
import { UsageError } from '../../../src/cli/io';
import { fakeCliIO } from '../../builders/cliIO';
import { main } from '../../../src/cli/main';
import * as meetings from '../../../src/cli/meetingsCommand';
import { parseOptions, usage, type OptionTable } from '../../../src/cli/optionTable';
import * as report from '../../../src/cli/reportCommand';

const TABLE = {
  day: { type: 'string', value: 'D', hint: 'YYYY-MM-DD', required: true, help: 'the day' },
  tz: { type: 'string', value: 'ZONE', help: 'the zone' },
  calendar: { type: 'string', value: 'X', multiple: true, help: ['a calendar;', 'repeat for several'] },
  json: { type: 'boolean', conflicts: 'markdown', help: 'JSON' },
  markdown: { type: 'boolean', help: 'Markdown' },
} as const satisfies OptionTable;

function usageError(pattern: RegExp) {
  return (e: unknown) => e instanceof UsageError && pattern.test(e.message);
}

const COMMANDS = [
  ['activity', activity.OPTIONS, activity.USAGE],
  ['meetings', meetings.OPTIONS, meetings.USAGE],
  ['report', report.OPTIONS, report.USAGE],
] as const;

describe('cli: option tables', () => {
  it('reads --name value, --name=value, repeated options in order and switches; defaults for the rest', () => {
    assert.deepEqual(parseOptions(['--day', '2024-03-04', '--calendar=a.ics', '--json', '--calendar', 'b.ics'], TABLE), {
      day: '2024-03-04',
      tz: undefined,
      calendar: ['a.ics', 'b.ics'],
      json: true,
      markdown: false,
    });
    // A value may start with a dash, as the old parser allowed (the command then says what is wrong with it).
    assert.equal(parseOptions(['--day', '--tz'], TABLE).day, '--tz');
  });

  it('names the argument as typed when it is wrong', () => {
    const cases: [string[], RegExp][] = [
      [['--day', 'x', '--bogus'], /^unknown argument: --bogus$/],
      [['--day', 'x', '--bogus=1'], /^unknown argument: --bogus=1$/],
      [['--day', 'x', 'stray'], /^unknown argument: stray$/],
      [['--day', 'x', '--', '--json'], /^unknown argument: --$/],
      [['--day', 'x', '-j'], /^unknown argument: -j$/],
      [['--day', 'x', '--json=yes'], /^unknown argument: --json=yes$/],
      [['--day', 'x', '--constructor'], /^unknown argument: --constructor$/],
      [['--day', 'x', '--tz'], /^--tz needs a value$/],
      [['--day', 'x', '--tz='], /^--tz needs a value$/],
      [['--day', 'x', '--tz', ''], /^--tz needs a value$/],
      [['--day', 'x', '--tz', 'UTC', '--tz=UTC'], /^--tz may be given only once$/],
      [['--day', 'x', '--markdown', '--json'], /^--json and --markdown cannot be combined$/],
      [['--tz', 'UTC'], /^--day YYYY-MM-DD is required$/],
    ];
    for (const [argv, message] of cases) assert.throws(() => parseOptions(argv, TABLE), usageError(message), argv.join(' '));
  });

  it('prints the usage line and the option list from the table', () => {
    const text = usage('demo', TABLE, 'Does a demo.');
    assert.equal(
      text,
      [
        'Usage: hands-on demo --day YYYY-MM-DD [--tz ZONE] [--calendar X ...] [--json|--markdown]',
        '',
        'Does a demo.',
        '  --day D       the day',
        '  --tz ZONE     the zone',
        '  --calendar X  a calendar;',
        '                repeat for several',
        '  --json        JSON',
        '  --markdown    Markdown',
      ].join('\n'),
    );
  });

  for (const [name, options, text] of COMMANDS) {
    it(`hands-on ${name} --help lists every option of its table, in the usage line and with its help`, () => {
      const [synopsis, ...rest] = text.split('\n\n');
      for (const option of Object.keys(options)) {
        assert.match(synopsis!, new RegExp(`--${option}\\b`), `${option} in the usage line`);
        assert.match(rest.join('\n\n'), new RegExp(`^  --${option}\\b.*\\S`, 'm'), `${option} in the option list`);
      }
      for (const line of text.split('\n')) assert.ok(line.length <= 120, `${name}: line too long: ${line}`);
    });
  }

  it("each command refuses another command's option by name, with exit code 2 and one line", async () => {
    const cases: [string[], string][] = [
      [['activity', '--from', '2026-03-03', '--to', '2026-03-03', '--calendar', 'x.ics'], 'hands-on activity: unknown argument: --calendar'],
      [['activity', '--from', '2026-03-03', '--to', '2026-03-03', '--period', 'day'], 'hands-on activity: unknown argument: --period'],
      [['meetings', '--calendar', 'x.ics', '--from', '2026-03-03', '--to', '2026-03-03', '--data-dir', '/tmp'], 'hands-on meetings: unknown argument: --data-dir'],
      [['meetings', '--calendar', 'x.ics', '--from', '2026-03-03', '--to', '2026-03-03', '--markdown'], 'hands-on meetings: unknown argument: --markdown'],
      [['report', '--from', '2026-03-03'], 'hands-on report: unknown argument: --from'],
    ];
    for (const [argv, message] of cases) {
      const io = fakeCliIO({ now: Date.UTC(2026, 2, 20) });
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.deepEqual(io.stderr, [message]);
      assert.deepEqual(io.stdout, []);
    }
  });
});
