import * as path from 'node:path';

/**
 * Where agent hooks keep what is theirs on this machine alone (never in the data folder, which may be synced or
 * missing): each session's state between two hook calls, the records a data folder could not take yet, the log of
 * problems and the launcher that agents' settings call. $XDG_STATE_HOME/hands-on (~/.local/state/hands-on) on
 * Linux and macOS, %LOCALAPPDATA%\hands-on on Windows.
 */
export function hookStateDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homedir: string): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(env.USERPROFILE || homedir, 'AppData', 'Local'), 'hands-on');
  return path.posix.join(env.XDG_STATE_HOME || path.posix.join(homedir, '.local', 'state'), 'hands-on');
}

export interface HookPlaces {
  readonly sessions: string;
  readonly pending: string;
  /** One line per problem: time, agent, what happened. Never a prompt, a path of the user's project or content. */
  readonly log: string;
  /** The latest problem, for the extension to show (at most once a day). */
  readonly lastProblem: string;
  /** The launcher agents' settings call (see launcher.ts). */
  readonly launcher: string;
}

export function hookPlaces(stateDir: string, platform: NodeJS.Platform): HookPlaces {
  const p = platform === 'win32' ? path.win32 : path.posix;
  return {
    sessions: p.join(stateDir, 'sessions'),
    pending: p.join(stateDir, 'pending'),
    log: p.join(stateDir, 'hook.log'),
    lastProblem: p.join(stateDir, 'hook-problem.json'),
    launcher: p.join(stateDir, 'bin', platform === 'win32' ? 'hands-on-hook.cmd' : 'hands-on-hook'),
  };
}
