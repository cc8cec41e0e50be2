import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultDataDirectory } from '../node/journal/dataDirectory';
import { neovimInitText, shippedPluginDir } from '../node/neovim/neovimInit';
import { agentOfEnvironment } from '../core/agents/agentEnvironment';
import { fillSnippet, type Shell } from '../node/terminal/shellSnippet';
import { SNIPPET_TEMPLATES } from '../node/terminal/snippetTemplates';
import { UsageError, type CliIO } from './io';
import { parseCommandLine, usage, type OptionTable } from './optionTable';
import { DATA_DIR_OPTION, homeOf } from './options';
import { writerSetup, type WriterSetup } from './writerSetup';

/**
 * What `hands-on init TARGET` prints, and the source its writer records (the writer id is `<host>-<source>`). A shell
 * runs `init` as it starts, with its own environment: in a shell an agent drives, the snippet records that agent's time.
 */
interface Target {
  readonly source: string;
  readonly text: (setup: WriterSetup, env: NodeJS.ProcessEnv) => string;
}

const shellTarget = (shell: Shell): Target => ({ source: 'terminal', text: (setup, env) => fillSnippet(shell, SNIPPET_TEMPLATES[shell], setup, agentOfEnvironment(env)) });

const TARGETS: Readonly<Record<string, Target>> = {
  bash: shellTarget('bash'),
  zsh: shellTarget('zsh'),
  fish: shellTarget('fish'),
  neovim: { source: 'neovim', text: (setup) => neovimInitText(setup, shippedPluginDir(__dirname)) },
};

const TARGET_NAMES = Object.keys(TARGETS);

export const OPTIONS = {
  'data-dir': { ...DATA_DIR_OPTION, help: "the data folder to write to (default: handsOn.dataDirectory, else the extension's storage)" },
} as const satisfies OptionTable;

export const USAGE = usage(
  `init <${TARGET_NAMES.join('|')}>`,
  OPTIONS,
  `Prints the lines that make a shell or Neovim record your hands-on time, with the data folder, the idle timeout
and the project-name setting resolved now (run it again, or open a new shell, after changing them):
  bash    eval "$(hands-on init bash)"      in ~/.bashrc
  zsh     eval "$(hands-on init zsh)"       in ~/.zshrc
  fish    hands-on init fish | source       in ~/.config/fish/config.fish
  neovim  the Lua lines it prints           in init.lua (they load the plugin shipped with this CLI)
hands-on setup <shell> adds the shell's line for you.`,
);

export async function run(argv: string[], io: CliIO, platform: NodeJS.Platform = process.platform): Promise<number> {
  const { options, positionals } = parseCommandLine(argv, OPTIONS, 1);
  const [name] = positionals;
  if (name === undefined) throw new UsageError(`name what to set up: one of ${TARGET_NAMES.join(', ')}`);
  const target = Object.prototype.hasOwnProperty.call(TARGETS, name) ? TARGETS[name] : undefined;
  if (!target) throw new UsageError(`unknown target "${name}" (one of ${TARGET_NAMES.join(', ')})`);
  const setup = writerSetup(io, target.source, options['data-dir'], 'init', platform);
  prepareLiveFolder(setup.liveDir, path.resolve(defaultDataDirectory(io.env, platform, homeOf(io.env))));
  io.out(target.text(setup, io.env));
  return 0;
}

/**
 * Creates the live folder once here, so writers never have to: inside a data folder that exists, or inside the default
 * one (the extension may not have run yet). A data folder that is missing (an unmounted drive) is left missing, and a
 * folder that cannot be made is the writers' silent problem, never the shell's at startup.
 */
function prepareLiveFolder(liveDir: string, defaultDataDir: string): void {
  const dataDir = path.dirname(path.dirname(liveDir));
  try {
    if (dataDir === defaultDataDir || fs.statSync(dataDir).isDirectory()) fs.mkdirSync(liveDir, { recursive: true });
  } catch {
    // Missing or not writable: nothing to prepare.
  }
}
