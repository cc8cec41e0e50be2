import * as vscode from 'vscode';
import type { SpanContext } from '../core/activity/activitySpan';
import { AttributedActivity } from '../core/activity/attributedActivity';
import type { JournalProblem } from '../node/journal/journalProblem';
import { JournalWriter } from '../node/journal/journalWriter';
import type { ManualMeeting } from '../node/journal/records';
import type { Clock } from '../core/time/clock';
import type { ActivityInput, ActivitySink } from './activityEvents';
import { Disposable } from './dispose';

const TICK_MS = 15_000;
const FLUSH_MS = 30_000;

export interface RecorderOptions {
  clock: Clock;
  dataDirectory: string;
  createRoot: boolean;
  writerId: string;
  idleTimeoutMinutes: number;
  recordProjectNames: boolean;
  /** Global state of this machine: where the paused state lives, shared by every window. */
  state: vscode.Memento;
  log: vscode.LogOutputChannel;
}

const PAUSED_KEY = 'handsOn.paused';

/**
 * Connects activity events to the idle rule and the journal: ticks the tracker, flushes it at least every
 * 30 s, on blur and on dispose, and tells listeners when recorded time or the storage state changed.
 */
export class ActivityRecorder extends Disposable implements ActivitySink {
  private readonly tracker: AttributedActivity;
  private writer: JournalWriter;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private reportedProblem: string | undefined;

  constructor(private readonly options: RecorderOptions) {
    super();
    this.tracker = new AttributedActivity({
      clock: options.clock,
      idleTimeoutMinutes: options.idleTimeoutMinutes,
      recordProjectNames: options.recordProjectNames,
      focused: vscode.window.state.focused,
    });
    this.writer = this.createWriter(options.dataDirectory, options.createRoot);
    this.followPausedState();
    const tick = setInterval(() => this.tick(), TICK_MS);
    const flush = setInterval(() => this.flush(), FLUSH_MS);
    this.register({ dispose: () => (clearInterval(tick), clearInterval(flush)) });
  }

  /** The periodic timer: ends idle spans, resolves attributions that waited long enough, follows the paused state. */
  tick(): void {
    this.tracker.tick();
    this.followPausedState();
  }

  /** The events of this window go straight to the core. */
  get input(): ActivityInput {
    return this.tracker;
  }

  focusChanged(focused: boolean): void {
    this.tracker.setFocused(focused);
    if (!focused) this.flush();
  }

  contextChanged(context: SpanContext): void {
    this.tracker.setContext(context);
  }

  get paused(): boolean {
    return this.tracker.isPaused;
  }

  /** Pauses or resumes every window of this machine, and stays so after a reload. */
  setPaused(paused: boolean): void {
    void this.options.state.update(PAUSED_KEY, paused);
    this.applyPaused(paused);
  }

  private followPausedState(): void {
    const paused = this.options.state.get<boolean>(PAUSED_KEY, false);
    if (paused !== this.tracker.isPaused) this.applyPaused(paused);
  }

  private applyPaused(paused: boolean): void {
    if (paused) this.tracker.pause();
    else this.tracker.resume();
    void vscode.commands.executeCommand('setContext', 'handsOn.paused', paused);
    this.flush();
    this.changed.fire();
  }

  setIdleTimeoutMinutes(minutes: number): void {
    this.tracker.setIdleTimeoutMinutes(minutes);
  }

  setRecordProjectNames(on: boolean): void {
    this.tracker.setRecordProjectNames(on);
  }

  /** Moves to another data directory: what is buffered is written to the new one. */
  setDataDirectory(dataDirectory: string, createRoot: boolean): void {
    if (dataDirectory === this.options.dataDirectory) return;
    this.flush();
    const pending = this.writer;
    this.options.dataDirectory = dataDirectory;
    this.writer = this.createWriter(dataDirectory, createRoot);
    if (pending.bufferedRecords > 0) this.options.log.warn(`${pending.bufferedRecords} records could not be written to the previous data folder and stay there in memory until it works again.`);
    this.changed.fire();
  }

  get dataDirectory(): string {
    return this.options.dataDirectory;
  }

  get problem(): JournalProblem | undefined {
    return this.writer.problem;
  }

  logManualMeeting(meeting: ManualMeeting): void {
    this.reportResult(this.writer.appendManualMeeting(meeting).ok);
  }

  /** Persists what the tracker has recorded so far. Never throws. */
  flush(): void {
    const spans = this.tracker.takeSpans();
    if (spans.length > 0) this.writer.appendSpans(spans);
    this.writer.appendCharacters(this.tracker.takeCharacters());
    if (this.writer.bufferedRecords === 0) return;
    this.reportResult(this.writer.flush().ok);
  }

  override dispose(): void {
    const rest = this.tracker.dispose();
    this.writer.appendSpans(rest.spans);
    this.writer.appendCharacters(rest.characters);
    this.writer.flush();
    super.dispose();
  }

  private reportResult(ok: boolean): void {
    const problem = this.writer.problem;
    if (!ok && problem && this.reportedProblem !== problem.code) {
      this.options.log.error(`${problem.message} ${problem.remedy} (${problem.code})`);
      this.reportedProblem = problem.code;
    } else if (ok && this.reportedProblem) {
      this.options.log.info('The data folder works again; buffered activity was written.');
      this.reportedProblem = undefined;
    }
    this.changed.fire();
  }

  private createWriter(root: string, createRoot: boolean): JournalWriter {
    return new JournalWriter({ root, clock: this.options.clock, writerId: this.options.writerId, createRoot });
  }
}
