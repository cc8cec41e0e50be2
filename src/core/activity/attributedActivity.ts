import type { Clock } from '../time/clock';
import { HOUR_MS } from '../time/clock';
import { sanitizeContextValue, type ActivitySpan, type SpanContext } from './activitySpan';
import { ActivityTracker, type ActivityTrackerOptions } from './activityTracker';
import { ATTRIBUTED_AGENTS, CONFIRM_WINDOW_MS, EditAttributor, VSCODE_AGENT, type CharacterKind, type TextChangeFacts } from './attribution';
import { CharacterCounter, type CharacterBucket } from './characterCounts';

/**
 * One window's activity, split by whose hands it was: the user's events and text changes go through the idle
 * rule into hands-on spans, agent edits through the same rule into agent spans of their agent (`vscode` for edits
 * in VS Code, `disk` for files reloaded from disk), and the characters of every text change into per-quarter-hour
 * counts per language (the disk agent's in buckets of its own). Readers subtract hands-on time from agent time (a moment with both
 * is hands-on), so the two trackers never need to know about each other.
 *
 * Like the trackers, it counts nothing while paused or while the window is not focused: an unfocused window
 * is not where the user is, and an agent edit to a file open in two windows must not count twice.
 */
export class AttributedActivity {
  private readonly clock: Clock;
  private readonly hands: ActivityTracker;
  /** One tracker per agent name (ATTRIBUTED_AGENTS). */
  private readonly agents: ReadonlyMap<string, ActivityTracker>;
  /** The hands-on tracker and every agent's. */
  private readonly all: readonly ActivityTracker[];
  private readonly characters = new CharacterCounter(VSCODE_AGENT);
  private readonly attributor: EditAttributor;
  private lastTextChange = Number.NEGATIVE_INFINITY;
  /** The language the characters are counted under: the active editor's, as the spans record it (none when names are not recorded). */
  private language: string | undefined;
  private recordProjectNames = true;

  constructor(options: ActivityTrackerOptions) {
    this.clock = options.clock;
    this.hands = new ActivityTracker({ ...options, agent: undefined });
    this.agents = new Map(ATTRIBUTED_AGENTS.map((name) => [name, new ActivityTracker({ ...options, agent: name })]));
    this.all = [this.hands, ...this.agents.values()];
    this.attributor = new EditAttributor({
      human: (time) => this.hands.recordAt(time),
      agent: (time, name) => this.agents.get(name)?.recordAt(time),
      characters: (kind, count, time, agent) => this.countCharacters(kind, count, time, agent),
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

  /** A text change in an editable document of this window; returns its id, which `reloaded` takes. Hot path. */
  textChanged(facts: TextChangeFacts): number {
    const now = this.clock.now();
    this.lastTextChange = now;
    return this.attributor.textChanged(facts, now);
  }

  /** The text change `id` brought its document in line with the file on disk (the host compared them): a reload. */
  reloaded(id: number): void {
    this.attributor.reloaded(id, this.clock.now());
  }

  /** An editor's visible ranges changed: the user scrolled, unless a text change just moved them (an agent adding lines). Hot path. */
  scrolled(): void {
    const now = this.clock.now();
    if (now - this.lastTextChange > CONFIRM_WINDOW_MS) this.hands.recordAt(now);
  }

  /** The user saves the active document (a manual save): edits until `withinMs` from now (format on save) are theirs. */
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
    for (const tracker of this.all) tracker.tick();
  }

  setFocused(focused: boolean): void {
    this.attributor.settle(this.clock.now());
    for (const tracker of this.all) tracker.setFocused(focused);
  }

  pause(): void {
    this.attributor.flush();
    for (const tracker of this.all) tracker.pause();
  }

  resume(): void {
    for (const tracker of this.all) tracker.resume();
  }

  get isPaused(): boolean {
    return this.hands.isPaused;
  }

  setIdleTimeoutMinutes(minutes: number): void {
    for (const tracker of this.all) tracker.setIdleTimeoutMinutes(minutes);
  }

  setRecordProjectNames(on: boolean): void {
    this.recordProjectNames = on;
    if (!on) this.language = undefined;
    for (const tracker of this.all) tracker.setRecordProjectNames(on);
  }

  setContext(context: SpanContext): void {
    this.language = this.recordProjectNames ? sanitizeContextValue(context.language) : undefined;
    for (const tracker of this.all) tracker.setContext(context);
  }

  /** Hands-on and agent spans to persist since the previous call (see ActivityTracker.takeSpans). */
  takeSpans(): ActivitySpan[] {
    this.attributor.settle(this.clock.now());
    return this.all.flatMap((tracker) => tracker.takeSpans());
  }

  /** The quarter hours whose character counts changed since the previous call, with their totals so far. */
  takeCharacters(): CharacterBucket[] {
    return this.characters.take(this.clock.now() - HOUR_MS);
  }

  /** Ends tracking (deactivate): what is left to persist. */
  dispose(): { spans: ActivitySpan[]; characters: CharacterBucket[] } {
    this.attributor.flush();
    return { spans: this.all.flatMap((tracker) => tracker.dispose()), characters: this.takeCharacters() };
  }

  private countCharacters(kind: CharacterKind, count: number, time: number, agent: string | undefined): void {
    // The hands-on tracker's own rule decides, so characters and time never disagree about focus or pause.
    if (this.hands.isRecording) this.characters.add(kind, count, time, agent, this.language);
  }
}
