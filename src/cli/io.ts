/** What a CLI command may touch, passed in so commands can be tested without a real terminal. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): number;
  /** Standard input, whole (agent hooks get their payload there); empty when there is none. */
  stdin?(): Promise<string>;
}

/** A failure the user caused or can fix: printed as one line on stderr, never with a stack trace. */
export class UsageError extends Error {}
