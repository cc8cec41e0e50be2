import * as activity from './activityCommand';
import { UsageError, type CliIO } from './io';
import * as meetings from './meetingsCommand';
import * as report from './reportCommand';

type Command = (argv: string[], io: CliIO) => Promise<number>;

// Each subcommand lives in its own file; add one line here per command.
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  meetings: { run: meetings.run, summary: meetings.MEETINGS_SUMMARY },
  activity: { run: activity.run, summary: activity.summary },
  report: { run: report.run, summary: report.REPORT_SUMMARY },
};

const USAGE = () =>
  ['Usage: hands-on <command> [options]', '', 'Commands:', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)].join('\n');

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`hands-on: unknown command "${name}". Run "hands-on --help" for the list.`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`hands-on ${name}: ${error.message}`);
      return 2;
    }
    io.err(`hands-on ${name}: ${error instanceof Error ? error.message : String(error)}`);
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
