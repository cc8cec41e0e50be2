import { execFileSync, spawnSync } from 'node:child_process';

/**
 * A real Neovim in a detached tmux session, typed into as a person types (`tmux send-keys`) and read from the screen
 * (`tmux capture-pane`). Every session of a test run lives on one private tmux server, killed at the end.
 */
export class TmuxNeovim {
  private constructor(
    private readonly socket: string,
    readonly name: string,
  ) {}

  /** Starts `nvim -u <init> <file>` in `cwd` with exactly `env` (nothing of this process's environment). */
  static start(socket: string, name: string, cwd: string, env: NodeJS.ProcessEnv, init: string, file: string): TmuxNeovim {
    const assignments = Object.entries(env).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${value}`]));
    tmux(socket, ['new-session', '-d', '-s', name, '-x', '120', '-y', '40', '-c', cwd, 'env', '-i', ...assignments, 'nvim', '-i', 'NONE', '-n', '-u', init, file]);
    return new TmuxNeovim(socket, name);
  }

  /** Keys as tmux names them (`Escape`, `Enter`, `C-c`). */
  keys(...keys: string[]): void {
    tmux(this.socket, ['send-keys', '-t', this.name, ...keys]);
  }

  /** Text typed character by character, as it is. */
  type(text: string): void {
    tmux(this.socket, ['send-keys', '-t', this.name, '-l', text]);
  }

  screen(): string {
    return tmux(this.socket, ['capture-pane', '-p', '-t', this.name]);
  }

  /** Whether Neovim is still running (its session ends when it exits). */
  running(): boolean {
    return spawnSync('tmux', ['-f', '/dev/null', '-L', this.socket, 'has-session', '-t', this.name], { stdio: 'ignore' }).status === 0;
  }

  static killServer(socket: string): void {
    spawnSync('tmux', ['-f', '/dev/null', '-L', socket, 'kill-server'], { stdio: 'ignore' });
  }
}

function tmux(socket: string, args: string[]): string {
  return execFileSync('tmux', ['-f', '/dev/null', '-L', socket, ...args], { encoding: 'utf8' });
}
