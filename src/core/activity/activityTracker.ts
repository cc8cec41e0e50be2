import type { Clock } from '../time/clock';
import { MINUTE_MS } from '../time/clock';
import { DEFAULT_SETTINGS, NUMBER_RANGES } from '../settings/settings';
import { sanitizeContextValue, type ActivitySpan, type SpanContext } from './activitySpan';

const IDLE_TIMEOUT = NUMBER_RANGES.idleTimeoutMinutes;

/**
 * What the last event of a span is worth. A span is credited from its first event to half a minute after
 * its last one: the user keeps working a little after the last keystroke, and an isolated event counts
 * 30 s, inside the "at most one minute" and half-way between the plausible 0 and 1 minute, so
 * continuous sessions come out within seconds of their wall-clock length. The idle timeout is at least
 * a minute, so the credit never reaches the next span's first event.
 */
export const EVENT_CREDIT_MS = MINUTE_MS / 2;

export interface ActivityTrackerOptions {
  clock: Clock;
  idleTimeoutMinutes?: number;
  recordProjectNames?: boolean;
  /** Whether the window has focus when the tracker starts; the host keeps it current with setFocused. */
  focused?: boolean;
  /** The spans are this agent's time (an AgentName), not the user's coding. */
  agent?: string;
}

/** The settings are validated already; the tracker still never runs with a timeout outside the setting's range. */
export function clampIdleTimeoutMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_SETTINGS.idleTimeoutMinutes;
  return Math.min(IDLE_TIMEOUT.max, Math.max(IDLE_TIMEOUT.min, minutes));
}

/**
 * The idle rule. Events no more than the idle timeout apart form one span; a longer gap adds nothing.
 *
 * The host calls `record()` on every activity event (hot path: a clock read, two comparisons, one store),
 * `tick()` every 15–30 s (ends spans that went idle and spans interrupted by suspend or a clock jump),
 * and `takeSpans()` every ≤ 60 s, on blur and on deactivate to get what must be persisted.
 *
 * An open span is handed out in increments ([emittedTo, credited end so far)), so a crash loses at most
 * one flush interval and nothing is ever handed out twice by the same tracker. Readers take the union
 * anyway, so a record written twice (a retried write) never counts twice either.
 */
export class ActivityTracker {
  private readonly clock: Clock;
  private timeoutMs: number;
  private recordProjectNames: boolean;
  private focused: boolean;
  private paused = false;

  private open = false;
  private lastEvent = 0;
  /** Start of the part of the open span not yet handed out by takeSpans. */
  private emittedTo = 0;
  private lastTick: number | undefined;
  private workspace: string | undefined;
  private language: string | undefined;
  private pending: ActivitySpan[] = [];
  private readonly agent: string | undefined;

  constructor(options: ActivityTrackerOptions) {
    this.clock = options.clock;
    this.timeoutMs = clampIdleTimeoutMinutes(options.idleTimeoutMinutes ?? DEFAULT_SETTINGS.idleTimeoutMinutes) * MINUTE_MS;
    this.recordProjectNames = options.recordProjectNames ?? true;
    this.focused = options.focused ?? true;
    this.agent = options.agent;
  }

  /** One activity event, now. Ignored while paused or unfocused (formatters and watchers edit unfocused windows). */
  record(): void {
    this.recordAt(this.clock.now());
  }

  /**
   * An event that happened at `time`, at most a second or two ago (text changes are attributed after a short
   * wait). One less than the idle timeout older than the open span's last event is inside the span already and
   * changes nothing; a clock that went back further ends the span, as in record().
   */
  recordAt(time: number): void {
    if (!this.isRecording) return;
    const now = time;
    if (this.open) {
      if (now < this.lastEvent && this.lastEvent - now <= this.timeoutMs) return;
      const gap = now - this.lastEvent;
      if (gap >= 0 && gap <= this.timeoutMs) {
        this.lastEvent = now;
        return;
      }
      // A clock that went backwards tells us nothing about how long the user worked: no credit after the last event.
      this.closeAt(gap < 0 ? this.lastEvent : this.lastEvent + EVENT_CREDIT_MS);
    }
    this.open = true;
    this.lastEvent = now;
    this.emittedTo = now;
  }

  /**
   * Periodic timer. A wall clock that moved more than the idle timeout since the previous tick (suspend,
   * hibernation, a manual clock change) or moved backwards ends the span without counting the jump.
   */
  tick(): void {
    const now = this.clock.now();
    const previous = this.lastTick;
    this.lastTick = now;
    if (!this.open) return;
    if (previous !== undefined && (now < previous || now - previous > this.timeoutMs)) {
      // The machine was certainly alive at the previous tick; after it we cannot tell.
      this.closeAt(Math.min(this.lastEvent + EVENT_CREDIT_MS, Math.max(this.lastEvent, previous)));
    } else if (now - this.lastEvent > this.timeoutMs) {
      this.closeAt(this.lastEvent + EVENT_CREDIT_MS);
    }
  }

  /** The host reports window focus. Gaining focus is itself an activity event: the host calls record() after. */
  setFocused(focused: boolean): void {
    this.focused = focused;
  }

  pause(): void {
    if (this.paused) return;
    this.endOpenSpanNow();
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /** Whether events count now: not paused, and the window focused. */
  get isRecording(): boolean {
    return !this.paused && this.focused;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  setIdleTimeoutMinutes(minutes: number): void {
    this.timeoutMs = clampIdleTimeoutMinutes(minutes) * MINUTE_MS;
  }

  get idleTimeoutMs(): number {
    return this.timeoutMs;
  }

  setRecordProjectNames(on: boolean): void {
    this.recordProjectNames = on;
    if (!on) this.setContext({});
  }

  /**
   * Workspace folder name and language id of the active editor. A change splits the open span at `now`
   * so each piece carries the context it was coded in; the idle rule is not affected.
   */
  setContext(context: SpanContext): void {
    const workspace = this.recordProjectNames ? sanitizeContextValue(context.workspace) : undefined;
    const language = this.recordProjectNames ? sanitizeContextValue(context.language) : undefined;
    if (workspace === this.workspace && language === this.language) return;
    if (this.open) {
      const now = this.clock.now();
      const splitAt = Math.min(Math.max(now, this.emittedTo), this.lastEvent + EVENT_CREDIT_MS);
      this.push(this.emittedTo, splitAt);
      this.emittedTo = Math.max(this.emittedTo, splitAt);
    }
    this.workspace = workspace;
    this.language = language;
  }

  /**
   * Everything to persist since the previous call: closed spans and the credited part of the open span
   * up to now (never in the future). Call every ≤ 60 s, on blur and on deactivate.
   */
  takeSpans(): ActivitySpan[] {
    if (this.open) {
      const end = Math.min(this.lastEvent + EVENT_CREDIT_MS, this.clock.now());
      if (end > this.emittedTo) {
        this.push(this.emittedTo, end);
        this.emittedTo = end;
      }
    }
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** Ends tracking (deactivate): the open span ends now, and the result is what is left to persist. */
  dispose(): ActivitySpan[] {
    this.endOpenSpanNow();
    return this.takeSpans();
  }

  private endOpenSpanNow(): void {
    if (this.open) this.closeAt(Math.min(this.lastEvent + EVENT_CREDIT_MS, Math.max(this.clock.now(), this.lastEvent)));
  }

  private closeAt(end: number): void {
    this.push(this.emittedTo, end);
    this.open = false;
  }

  private push(start: number, end: number): void {
    if (end <= start) return;
    const span: { start: number; end: number; workspace?: string; language?: string; agent?: string } = { start, end };
    if (this.workspace !== undefined) span.workspace = this.workspace;
    if (this.language !== undefined) span.language = this.language;
    if (this.agent !== undefined) span.agent = this.agent;
    this.pending.push(span);
  }
}
