import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlannedChange } from '../hooks/agentConnection';
import { shellQuote, type Shell } from './shellSnippet';

/** Ends the one line `hands-on setup <shell>` adds, so that --uninstall and a second setup find it and nothing else. */
export const RC_MARKER = '# added by hands-on setup';

/** The rc file each shell reads at interactive start: ~/.bashrc, $ZDOTDIR/.zshrc, $XDG_CONFIG_HOME/fish/config.fish. */
export function rcFile(shell: Shell, env: NodeJS.ProcessEnv, home: string): string {
  if (shell === 'bash') return path.join(home, '.bashrc');
  if (shell === 'zsh') return path.join(env.ZDOTDIR || home, '.zshrc');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'fish', 'config.fish');
}

/**
 * How the rc line calls the CLI: `hands-on` when it is on PATH, else the runtime and the CLI by absolute paths.
 * The line checks first that the command is there, so a CLI removed later leaves the shell starting silently.
 */
export type Launch = { readonly kind: 'path' } | { readonly kind: 'absolute'; readonly runtime: string; readonly cli: string };

export function rcLine(shell: Shell, launch: Launch, dataDir: string | undefined): string {
  const command = launch.kind === 'path' ? 'hands-on' : `${shellQuote(shell, launch.runtime)} ${shellQuote(shell, launch.cli)}`;
  const init = `${command} init ${shell}${dataDir !== undefined ? ` --data-dir ${shellQuote(shell, dataDir)}` : ''}`;
  if (shell === 'fish') {
    const present = launch.kind === 'path' ? 'type -q hands-on' : `test -f ${shellQuote(shell, launch.cli)}`;
    return `${present}; and ${init} | source  ${RC_MARKER}`;
  }
  const present = launch.kind === 'path' ? 'command -v hands-on >/dev/null 2>&1' : `[ -f ${shellQuote(shell, launch.cli)} ]`;
  return `${present} && eval "$(${init})"  ${RC_MARKER}`;
}

/** Whether an executable `hands-on` is on this PATH. */
export function onPath(env: NodeJS.ProcessEnv, name = 'hands-on'): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      // Not in this folder.
    }
  }
  return false;
}

/**
 * The rc file with our line replaced, added at the end (after the user's prompt setup, so it appends to their hooks),
 * or removed (`line` undefined). Every other line stays as it is; a file that is a link is changed where it points.
 */
export function planRcChange(file: string, line: string | undefined): PlannedChange {
  let target = file;
  let text = '';
  let exists = false;
  try {
    target = fs.realpathSync(file);
    text = fs.readFileSync(target, 'utf8');
    exists = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.length > 0 ? text.replace(/\n$/, '').split('\n') : [];
  const ours = lines.findIndex((l) => l.trimEnd().endsWith(RC_MARKER));
  const marked = lines.filter((l) => l.trimEnd().endsWith(RC_MARKER)).length;
  if (line === undefined ? marked === 0 : marked === 1 && lines[ours] === line) return { file: target, text, changes: !exists && line !== undefined };
  const kept = lines.filter((l) => !l.trimEnd().endsWith(RC_MARKER));
  if (line !== undefined) kept.splice(ours >= 0 ? ours : kept.length, 0, line);
  const next = kept.length > 0 ? `${kept.join('\n')}\n` : '';
  const changes = exists ? next !== text : line !== undefined;
  return { file: target, text: changes ? next : text, changes };
}
