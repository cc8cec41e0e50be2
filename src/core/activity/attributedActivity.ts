import type { Clock } from '../time/clock';
import { HOUR_MS } from '../time/clock';
import type { ActivitySpan, SpanContext } from './activitySpan';
import { ActivityTracker, type ActivityTrackerOptions } from './activityTracker';
import { CONFIRM_WINDOW_MS, EditAttributor, type CharacterKind, type TextChangeFacts } from './attribution';
import { CharacterCounter, type CharacterBucket } from './characterCounts';

/**
 * One window's activity, split by whose hands it was: the user's events and text changes go through the idle
 * rule into hands-on spans, agent edits through the same rule into agent spans, and the characters of every
 * text change into per-quarter-hour counts. Readers subtract hands-on time from agent time (a moment with both
 * is hands-on), so the two trackers never need to know about each other.
 *
 * Like the trackers, it counts nothing while paused or while the window is not focused: an unfocused window
 * is not where the user is, and an agent edit to a file open in two windows must not count twice.
 */
export class AttributedActivity {
  private readonly clock: Clock;
  private readonly hands: ActivityTracker;
  private readonly agent: ActivityTracker;
  private readonly characters = new CharacterCounter();
  private readonly attributor: EditAttributor;
  private lastTextChange = Number.NEGATIVE_INFINITY;

  constructor(options: ActivityTrackerOptions) {
    this.clock = options.clock;
    this.hands = new ActivityTracker({ ...options, agent: undefined });
    this.agent = new ActivityTracker({ ...options, agent: 'vscode' });
    this.attributor = new EditAttributor({
      human: (time) => this.hands.recordAt(time),
      agent: (time) => this.agent.recordAt(time),
      characters: (kind, count, time) => this.countCharacters(kind, count, time),
    });
  }

  /** An activity event of the user's that is not a text change (scrolling, saving, a terminal command…). Hot path. */
  activity(): void {
    this.hands.record();
  }

  /** A selection change made with the keyboard or the mouse: the user's activity, and it confirms the text change it follows. Hot path. */
  humanInput(): void {
    const now = this.clock.now();
    this.attributor.humanInput(now);
    this.hands.recordAt(now);
  }

  /** A text change in an editable document of this window. Hot path. */
  textChanged(facts: TextChangeFacts): void {
    const now = this.clock.now();
    this.lastTextChange = now;
    this.attributor.textChanged(facts, now);
  }

  /** An editor's visible ranges changed: the user scrolled, unless a text change just moved them (an agent adding lines). Hot path. */
  scrolled(): void {
    const now = this.clock.now();
    if (now - this.lastTextChange > CONFIRM_WINDOW_MS) this.hands.recordAt(now);
  }

  /** The user saves the active document: edits until `withinMs` from now (format on save) are theirs. */
  saving(withinMs: number): void {
    const now = this.clock.now();
    this.attributor.saving(now, now + withinMs);
    this.hands.recordAt(now);
  }

  /** The latest text change was a paste (the host found its text on the clipboard). */
  pasted(): void {
    this.attributor.pasted(this.clock.now());
  }

  saved(): void {
    this.attributor.saved();
  }

  tick(): void {
    this.attributor.settle(this.clock.now());
    this.hands.tick();
    this.agent.tick();
  }

  setFocused(focused: boolean): void {
    this.attributor.settle(this.clock.now());
    this.hands.setFocused(focused);
    this.agent.setFocused(focused);
  }

  pause(): void {
    this.attributor.flush();
    this.hands.pause();
    this.agent.pause();
  }

  resume(): void {
    this.hands.resume();
    this.agent.resume();
  }

  get isPaused(): boolean {
    return this.hands.isPaused;
  }

  setIdleTimeoutMinutes(minutes: number): void {
    this.hands.setIdleTimeoutMinutes(minutes);
    this.agent.setIdleTimeoutMinutes(minutes);
  }

  setRecordProjectNames(on: boolean): void {
    this.hands.setRecordProjectNames(on);
    this.agent.setRecordProjectNames(on);
  }

  setContext(context: SpanContext): void {
    this.hands.setContext(context);
    this.agent.setContext(context);
  }

  /** Hands-on and agent spans to persist since the previous call (see ActivityTracker.takeSpans). */
  takeSpans(): ActivitySpan[] {
    this.attributor.settle(this.clock.now());
    return [...this.hands.takeSpans(), ...this.agent.takeSpans()];
  }

  /** The quarter hours whose character counts changed since the previous call, with their totals so far. */
  takeCharacters(): CharacterBucket[] {
    return this.characters.take(this.clock.now() - HOUR_MS);
  }

  /** Ends tracking (deactivate): what is left to persist. */
  dispose(): { spans: ActivitySpan[]; characters: CharacterBucket[] } {
    this.attributor.flush();
    return { spans: [...this.hands.dispose(), ...this.agent.dispose()], characters: this.takeCharacters() };
  }

  private countCharacters(kind: CharacterKind, count: number, time: number): void {
    // The hands-on tracker's own rule decides, so characters and time never disagree about focus or pause.
    if (this.hands.isRecording) this.characters.add(kind, count, time);
  }
}
