import type { CliIO } from '../../src/cli/io';

/** A CliIO that keeps what a command prints, for tests that run commands in-process. */
export interface FakeCliIO extends CliIO {
  /** Each `out` call's text, in order. */
  readonly stdout: string[];
  /** Each `err` call's text, in order. */
  readonly stderr: string[];
}

export interface FakeCliIOOptions {
  /** The environment the command sees (HOME, TZ, …); empty unless given. */
  env?: NodeJS.ProcessEnv;
  /** The clock, fixed; 0 unless given. */
  now?: number;
  /** Standard input, whole; undefined: there is no stdin at all (as in a terminal without a pipe). */
  stdin?: string;
}

/** The one fake CliIO of the tests: nothing reaches the real terminal, environment or clock. */
export function fakeCliIO({ env = {}, now = 0, stdin }: FakeCliIOOptions = {}): FakeCliIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    env,
    now: () => now,
    ...(stdin !== undefined && { stdin: () => Promise.resolve(stdin) }),
  };
}
