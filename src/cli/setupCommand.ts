import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOOK_AGENTS, isHookAgent } from '../core/agents/hookEvents';
import { agentSettingsFile, AgentSettingsError, applyConnection, isConnected, planConnection } from '../node/hooks/agentConnection';
import { hookPlaces, hookStateDirectory } from '../node/hooks/hookPlaces';
import { ensureLauncher, hookCommandLine } from '../node/hooks/launcher';
import { isShell, SHELLS, type Shell } from '../node/terminal/shellSnippet';
import { onPath, planRcChange, rcFile, rcLine, type Launch } from '../node/terminal/rcFile';
import { UsageError, type CliIO } from './io';
import { parseCommandLine, usage, type OptionTable } from './optionTable';
import { homeOf } from './options';

export const OPTIONS = {
  'data-dir': { type: 'string', value: 'DIR', help: 'the data folder the hook writes to (default: the one VS Code settings name when the hook runs)' },
  print: { type: 'boolean', help: 'show the settings file as it would be, write nothing' },
  uninstall: { type: 'boolean', help: "remove Hands-On's hooks from the agent's settings" },
  status: { type: 'boolean', help: 'list which agents are connected, and the last problem a hook noted' },
} as const satisfies OptionTable;

export const USAGE = usage(
  `setup <${[...HOOK_AGENTS, ...SHELLS].join('|')}>`,
  OPTIONS,
  `Adds Hands-On's hooks to the agent's user settings (merged: your other hooks and settings stay; running it again
changes nothing; the old file is kept as <file>.hands-on-backup). The hooks call a launcher in Hands-On's state
folder that runs this CLI with an absolute path to its runtime.
For a shell, adds one line to its rc file (~/.bashrc, $ZDOTDIR/.zshrc, $XDG_CONFIG_HOME/fish/config.fish) that
loads hands-on init; it calls \`hands-on\` when that is on your PATH, else this CLI by absolute paths.`,
);

export const CODEX_TRUST_NOTE = 'Codex runs new hooks only after you approve them: start codex, open /hooks and trust the Hands-On hooks (again after each change to them).';

export interface SetupOptions {
  platform?: NodeJS.Platform;
  /** The runtime and the CLI the launcher runs (default: this process's). */
  runtime?: string;
  cli?: string;
}

export async function run(argv: string[], io: CliIO, options: SetupOptions = {}): Promise<number> {
  const platform = options.platform ?? process.platform;
  const home = homeOf(io.env);
  const places = hookPlaces(hookStateDirectory(io.env, platform, home), platform);
  const { options: args, positionals } = parseCommandLine(argv, OPTIONS, 1);
  if (args.status) {
    if (positionals.length > 0) throw new UsageError('--status lists every agent; give no agent with it');
    io.out(statusText(io, home, places.lastProblem));
    return 0;
  }
  const [agent] = positionals;
  const names = [...HOOK_AGENTS, ...SHELLS].join(', ');
  if (agent === undefined) throw new UsageError(`name the agent or shell: one of ${names}`);
  if (args.uninstall && args['data-dir'] !== undefined) throw new UsageError('--data-dir is for connecting; --uninstall takes none');
  const dataDir = args['data-dir'] === undefined ? undefined : path.resolve(args['data-dir']);
  if (isShell(agent)) return setupShell(agent, io, home, dataDir, args, options);
  if (!isHookAgent(agent)) throw new UsageError(`unknown agent or shell "${agent}" (one of ${names})`);
  const file = agentSettingsFile(agent, io.env, home);
  let change;
  try {
    change = planConnection(agent, file, args.uninstall ? undefined : hookCommandLine(places.launcher, agent, dataDir, platform));
  } catch (error) {
    if (error instanceof AgentSettingsError) {
      io.err(`hands-on setup: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (args.print) {
    io.out(change.text);
    return 0;
  }
  if (!args.uninstall) ensureLauncher(places.launcher, options.runtime ?? process.execPath, options.cli ?? fs.realpathSync(process.argv[1] ?? ''), platform);
  applyConnection(change);
  const done = args.uninstall ? `removed Hands-On's hooks for ${agent} from ${file}` : `${agent} reports to Hands-On through ${file}`;
  io.out(change.changes ? done : `${done} (nothing to change)`);
  // Codex skips hooks nobody has trusted yet, without a word (its hooks.json trust gate).
  if (agent === 'codex' && !args.uninstall) io.out(CODEX_TRUST_NOTE);
  return 0;
}

/** Adds, replaces or removes the shell's line in its rc file, with the same backup and --print as for agents. */
function setupShell(shell: Shell, io: CliIO, home: string, dataDir: string | undefined, args: { print: boolean; uninstall: boolean }, options: SetupOptions): number {
  const launch: Launch = onPath(io.env) ? { kind: 'path' } : { kind: 'absolute', runtime: options.runtime ?? process.execPath, cli: options.cli ?? fs.realpathSync(process.argv[1] ?? '') };
  const change = planRcChange(rcFile(shell, io.env, home), args.uninstall ? undefined : rcLine(shell, launch, dataDir));
  if (args.print) {
    io.out(change.text);
    return 0;
  }
  applyConnection(change);
  if (args.uninstall) {
    io.out(`removed Hands-On's line from ${change.file}${change.changes ? '' : ' (nothing to change)'}`);
    return 0;
  }
  const how = launch.kind === 'path' ? 'it runs `hands-on` from your PATH' : `it runs this CLI by absolute paths (${launch.runtime} ${launch.cli}), since \`hands-on\` is not on your PATH`;
  io.out(`${shell} counts your time at its prompt through ${change.file}${change.changes ? '' : ' (nothing to change)'}: ${how}. Open a new shell to start.`);
  return 0;
}

function statusText(io: CliIO, home: string, lastProblemFile: string): string {
  const lines = HOOK_AGENTS.map((agent) => {
    const file = agentSettingsFile(agent, io.env, home);
    const connected = isConnected(agent, file);
    return `${agent.padEnd(13)} ${connected === undefined ? 'unreadable settings' : connected ? 'connected' : 'not connected'}  ${file}`;
  });
  try {
    const problem = JSON.parse(fs.readFileSync(lastProblemFile, 'utf8')) as { time?: number; agent?: string; message?: string };
    if (typeof problem.time === 'number') lines.push('', `Last hook problem (${new Date(problem.time).toISOString()}, ${problem.agent ?? '?'}): ${problem.message ?? ''}`);
  } catch {
    // No problem noted.
  }
  return lines.join('\n');
}
