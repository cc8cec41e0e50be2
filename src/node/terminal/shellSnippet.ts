import { EVENT_CREDIT_MS } from '../../core/activity/activityTracker';
import { MINUTE_MS } from '../../core/time/clock';
import type { WriterSetup } from '../../cli/writerSetup';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

/** A literal for the shell: POSIX single quotes for bash and zsh; fish's single quotes, where `\\` and `\'` are escapes. */
export function shellQuote(shell: Shell, value: string): string {
  if (shell === 'fish') return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The snippet with the values `hands-on init` resolved baked in, so no prompt ever starts Node: the live folder, the
 * writer id, the idle timeout and the credit (both in ms), whether project names are recorded (1 or 0), and the kind
 * of record: the user's activity, or agent time of `agent` in a shell an agent drives (agentOfEnvironment; its name
 * is lowercase letters, digits and hyphens, safe in the snippet's printf format).
 */
export function fillSnippet(shell: Shell, template: string, setup: WriterSetup, agent?: string): string {
  const values: Record<string, string> = {
    RECORD_KIND: agent === undefined ? '"k":"a"' : `"k":"g","ag":"${agent}"`,
    LIVE_DIR: shellQuote(shell, setup.liveDir),
    WRITER_ID: shellQuote(shell, setup.writerId),
    IDLE_MS: String(Math.round(setup.idleTimeoutMinutes * MINUTE_MS)),
    CREDIT_MS: String(EVENT_CREDIT_MS),
    PROJECT_NAMES: setup.recordProjectNames ? '1' : '0',
  };
  return template.replace(/@([A-Z_]+)@/g, (placeholder, name: string) => values[name] ?? placeholder);
}
