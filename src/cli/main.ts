import { errorText } from '../core/errorText';
import * as activity from './activityCommand';
import { UsageError, type CliIO } from './io';
import * as meetings from './meetingsCommand';
import * as report from './reportCommand';

type Command = (argv: string[], io: CliIO) => Promise<number>;

// Each subcommand lives in its own file and exports run, SUMMARY and USAGE; add one line here per command.
const COMMANDS: Record<string, { run: Command; summary: string; usage: string }> = {
  meetings: { run: meetings.run, summary: meetings.SUMMARY, usage: meetings.USAGE },
  activity: { run: activity.run, summary: activity.SUMMARY, usage: activity.USAGE },
  report: { run: report.run, summary: report.SUMMARY, usage: report.USAGE },
};

const USAGE = () =>
  ['Usage: hands-on <command> [options]', '', 'Commands:', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`), '', 'Run "hands-on <command> --help" for its options.'].join('\n');

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE());
    return name ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`hands-on: unknown command "${name}". Run "hands-on --help" for the list.`);
    return 2;
  }
  // `--help` anywhere after the command, the same for every command.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`hands-on ${name}: ${error.message}`);
      return 2;
    }
    io.err(`hands-on ${name}: ${errorText(error)}`);
    return 1;
  }
}

if (require.main === module) {
  const io: CliIO = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    now: () => Date.now(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
