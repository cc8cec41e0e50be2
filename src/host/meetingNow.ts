import * as vscode from 'vscode';
import type { Clock } from '../core/time/clock';
import { HOUR_MS } from '../core/time/clock';
import type { Interval } from '../core/time/interval';
import type { ActivityRecorder } from './activityRecorder';
import { Disposable } from './dispose';

const STARTED_KEY = 'handsOn.meetingNowStartedAt';
/** A forgotten toggle must not turn a night into meeting time. */
const MAX_ONGOING_MS = 8 * HOUR_MS;

/**
 * "I'm in a Meeting Now": while on, an unscheduled call counts as a meeting from its start to now; turning it
 * off logs it in the journal like "Log a Meeting…". The start survives a reload (global state of this machine).
 */
export class MeetingNow extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly clock: Clock,
    private readonly recorder: ActivityRecorder,
  ) {
    super();
  }

  get startedAt(): number | undefined {
    return this.state.get<number>(STARTED_KEY);
  }

  ongoing(now: number): Interval | undefined {
    const start = this.startedAt;
    if (start === undefined || now <= start) return undefined;
    return { start, end: Math.min(now, start + MAX_ONGOING_MS) };
  }

  /** Starts or ends the meeting; returns whether one is now running. */
  async toggle(): Promise<boolean> {
    const now = this.clock.now();
    const meeting = this.ongoing(now);
    if (this.startedAt === undefined) {
      await this.state.update(STARTED_KEY, now);
    } else {
      await this.state.update(STARTED_KEY, undefined);
      if (meeting) this.recorder.logManualMeeting({ ...meeting, note: 'Unscheduled meeting' });
    }
    this.changed.fire();
    return this.startedAt !== undefined;
  }
}
