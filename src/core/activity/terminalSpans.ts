import type { Interval } from '../time/interval';
import { EVENT_CREDIT_MS } from './activityTracker';

/**
 * What a shell sees of the user: a prompt shown, and Enter on a command line. The shell snippets of
 * `hands-on init bash|zsh|fish` implement `terminalSpans` on these events in shell code; the real-shell tests
 * check that they agree with it.
 */
export type TerminalEvent = { readonly kind: 'prompt'; readonly time: number } | { readonly kind: 'enter'; readonly time: number; readonly command: string };

/** Full-screen editors that record their own activity (Neovim's plugin): their runs are theirs, not the terminal's. */
export const SELF_TRACKING_EDITORS = ['nvim'] as const;

/**
 * The editor as the first word of the command line, also behind `sudo`, `command`, `exec`, `env` and `NAME=value`
 * prefixes and as a path (`/usr/bin/nvim`). The snippets use the same pattern in their own syntax.
 */
const SELF_TRACKING_COMMAND = new RegExp(`^\\s*(?:(?:sudo|command|exec|env)\\s+|[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*(?:\\S*/)?(?:${SELF_TRACKING_EDITORS.join('|')})(?:\\s|$)`);

export function isSelfTrackingCommand(commandLine: string): boolean {
  return SELF_TRACKING_COMMAND.test(commandLine);
}

/**
 * The terminal's idle rule. Each prompt shown and each Enter is an activity event; events no more than the idle
 * timeout apart form one span, credited to EVENT_CREDIT_MS after its last event. While a command runs it is activity
 * up to the idle timeout after its Enter: a command that runs longer counts only up to the idle timeout, and the
 * prompt after it starts a new span. A self-tracking editor's run counts nothing, and the prompt after it starts a
 * new span. A clock that went back ends the span at its last event's credit.
 *
 * `exitAt` is when the shell ended, if it did: a command still running then counts up to then (at most the idle
 * timeout). Without it the last span is closed as if the shell had gone idle. Spans may touch or overlap (a self-tracking
 * editor's run shorter than the credit); readers take the union.
 */
export function terminalSpans(events: readonly TerminalEvent[], idleTimeoutMs: number, exitAt?: number): Interval[] {
  const spans: Interval[] = [];
  let start: number | undefined;
  let last: TerminalEvent | undefined;
  const close = (runEnd: number) => {
    if (start === undefined || last === undefined) return;
    // A counted run's end is a time the user was busy, not an event: no credit after it.
    spans.push({ start, end: Math.max(last.time + EVENT_CREDIT_MS, runEnd) });
  };
  for (const event of events) {
    if (start !== undefined && last !== undefined) {
      const gap = event.time - last.time;
      const counted = isCountedRun(last);
      const joins = gap >= 0 && gap <= idleTimeoutMs && !(last.kind === 'enter' && !counted);
      if (!joins) close(counted && gap >= 0 ? last.time + idleTimeoutMs : last.time);
      else {
        last = event;
        continue;
      }
    }
    start = event.time;
    last = event;
  }
  if (last !== undefined) close(isCountedRun(last) ? last.time + Math.min(idleTimeoutMs, Math.max(0, (exitAt ?? Infinity) - last.time)) : last.time);
  return spans;
}

function isCountedRun(event: TerminalEvent): boolean {
  return event.kind === 'enter' && !isSelfTrackingCommand(event.command);
}
