import { errorText } from '../core/errorText';
import { UsageError, type CliIO } from './io';
import { processIO } from './processIO';

type Command = (argv: string[], io: CliIO) => Promise<number>;

interface CommandModule {
  run: Command;
  USAGE: string;
}

/**
 * Each subcommand lives in its own file and exports run and USAGE; add one line here per command. A command's module
 * is loaded only when it runs, so `hands-on hook`, which agents call on every prompt and tool use, never loads the
 * calendar and report code.
 */
const COMMANDS: Record<string, { load: () => Promise<CommandModule>; summary: string }> = {
  meetings: { load: () => import('./meetingsCommand'), summary: 'List calendar occurrences in a window with their verdict and meeting minutes per day' },
  activity: { load: () => import('./activityCommand'), summary: 'hands-on and agent minutes per local day from the recorded history' },
  skills: { load: () => import('./skillsCommand'), summary: 'per language: your hands-on time this year, the last day by hand, and what agents took over' },
  report: { load: () => import('./reportCommand'), summary: 'the hands-on share of the period, the same figures as the status bar' },
  setup: { load: () => import('./setupCommand'), summary: 'connects a coding agent: adds the Hands-On hooks to its user settings' },
  init: { load: () => import('./initCommand'), summary: 'prints the lines that make a shell or Neovim record your time (eval "$(hands-on init zsh)", init.lua)' },
  hook: { load: () => import('./hookCommand'), summary: "records a coding agent's hook event (called by the agent; see hands-on setup)" },
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
  try {
    const module = await command.load();
    // `--help` anywhere after the command, the same for every command.
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(module.USAGE);
      return 0;
    }
    return await module.run(rest, io);
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
  void main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
    // A hook must not linger in the agent's process tree on a stdin that never closes or a hung network folder.
    if (process.argv[2] === 'hook') process.exit(code);
  });
}
