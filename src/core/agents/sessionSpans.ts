import { HOUR_MS, MINUTE_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import type { HookEventKind } from './hookEvents';

/**
 * Where an agent session stands between two hook calls (each call is its own short-lived process, so this is kept
 * in a small file per session): working since the last event, or stopped at a time.
 */
export interface SessionState {
  readonly working: boolean;
  /** The last event's time: the end of the agent time already recorded, or when the turn stopped. */
  readonly at: number;
}

/**
 * Composing the next prompt after a turn ended is steering, agent time too, when it comes within this of the stop
 * (the default idle timeout: a longer gap is the user doing something else).
 */
export const STEERING_MAX_MS = 5 * MINUTE_MS;
/**
 * A turn whose stop never came (the agent was killed) must not turn hours of silence into agent time: a piece
 * between two events of a working session counts only when it is at most this long.
 */
export const MAX_WORKING_GAP_MS = 2 * HOUR_MS;

export interface SessionStep {
  /** Agent time to record (possibly none). */
  readonly spans: Interval[];
  /** The state after the event; undefined once the session ended. */
  readonly state: SessionState | undefined;
}

/**
 * The agent time an event adds to a session: the time from a prompt's submission to the turn's stop (recorded piece
 * by piece at every event, so a turn still running shows, and a lost stop loses little), and the steering time from a
 * stop to the next prompt. Events that arrive out of order (a late hook process) add nothing before the last one.
 */
export function stepSession(previous: SessionState | undefined, kind: HookEventKind, now: number): SessionStep {
  const spans: Interval[] = [];
  if (previous && now > previous.at) {
    const gap = now - previous.at;
    if (previous.working ? gap <= MAX_WORKING_GAP_MS : kind === 'prompt' && gap <= STEERING_MAX_MS) spans.push({ start: previous.at, end: now });
  }
  const at = previous ? Math.max(previous.at, now) : now;
  switch (kind) {
    case 'prompt':
    case 'progress':
      // A progress event with no prompt seen (hooks installed mid-turn) starts the count there.
      return { spans, state: { working: true, at } };
    case 'stop':
      return { spans, state: { working: false, at } };
    case 'end':
      return { spans, state: undefined };
  }
}
