import { neovimInitText, shippedPluginDir } from '../node/neovim/neovimInit';
import { UsageError, type CliIO } from './io';
import { parseCommandLine, usage, type OptionTable } from './optionTable';
import { writerSetup } from './writerSetup';

export const OPTIONS = {
  'data-dir': { type: 'string', value: 'DIR', help: 'the data folder to write to (default: the one VS Code settings name, else the extension’s own)' },
} as const satisfies OptionTable;

/** What `init` prints for each program outside VS Code that writes into the journal as a writer of its own. */
const TARGETS: Record<string, (io: CliIO, dataDir: string | undefined) => string> = {
  neovim: (io, dataDir) => neovimInitText(writerSetup(io, 'neovim', dataDir, 'init'), shippedPluginDir(__dirname)),
};

export const USAGE = usage(
  `init <${Object.keys(TARGETS).join('|')}>`,
  OPTIONS,
  `Prints the lines that make the program record your hands-on time into Hands-On's history, with the values of
your VS Code settings (data folder, idle timeout, project names). Neovim: put them in init.lua.`,
);

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseCommandLine(argv, OPTIONS, 1);
  const [target] = positionals;
  const names = Object.keys(TARGETS).join(', ');
  if (target === undefined) throw new UsageError(`name the program: one of ${names}`);
  const text = Object.prototype.hasOwnProperty.call(TARGETS, target) ? TARGETS[target] : undefined;
  if (text === undefined) throw new UsageError(`unknown program "${target}" (one of ${names})`);
  io.out(text(io, options['data-dir']));
  return 0;
}
