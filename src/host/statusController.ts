import { errorText } from '../core/errorText';
import * as vscode from 'vscode';
import { isInMeeting } from '../core/balance/meetings';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { formatStatusText } from '../core/status/statusText';
import { currentFigures, currentFiguresRange, type CurrentFigures } from '../core/status/currentFigures';
import { statusAccessibleLabel, statusTooltip } from '../core/status/statusTooltip';
import { MINUTE_MS, type Clock } from '../core/time/clock';
import type { ActivityRecorder } from './activityRecorder';
import type { BalanceData } from './balanceData';
import { Disposable } from './dispose';
import type { NudgeOutcome, Nudges } from './nudges';
import type { StatusBar } from './statusBar';

const DEBOUNCE_MS = 1_000;
const REFRESH_MS = 30_000;
const FIRST_NUDGE_MS = 30_000;
const NUDGE_EVERY_MS = 5 * MINUTE_MS;
const TRUSTED_COMMANDS = ['handsOn.openDashboard', 'handsOn.pauseTracking', 'handsOn.resumeTracking', 'handsOn.addCalendar', 'workbench.action.openSettings'];

/**
 * Keeps the status bar current and evaluates nudges. Recomputes a second after something changed (recording
 * activity changes things on every flush), and every 30 s only while a meeting in progress makes time count.
 */
export class StatusController extends Disposable {
  private debounce: NodeJS.Timeout | undefined;
  private latest: { inputs: BalanceInputs; figures: CurrentFigures } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly data: BalanceData,
    private readonly recorder: ActivityRecorder,
    private readonly statusBar: StatusBar,
    private readonly nudges: Nudges,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(data.onDidChange(() => this.invalidate()));
    const refresh = setInterval(() => {
      if (this.latest && isInMeeting(this.latest.figures.meetings, this.clock.now())) void this.update();
    }, REFRESH_MS);
    const firstNudge = setTimeout(() => void this.evaluateNudge(), FIRST_NUDGE_MS);
    const nudge = setInterval(() => void this.evaluateNudge(), NUDGE_EVERY_MS);
    this.register({ dispose: () => (clearInterval(refresh), clearTimeout(firstNudge), clearInterval(nudge), clearTimeout(this.debounce)) });
    void this.update();
  }

  invalidate(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.update(), DEBOUNCE_MS);
  }

  /** Recomputes now and shows the result; resolves with the figures shown. */
  async update(): Promise<CurrentFigures | undefined> {
    try {
      const inputs = await this.data.load(currentFiguresRange(this.clock.now()));
      const figures = currentFigures(inputs);
      this.latest = { inputs, figures };
      this.show(inputs, figures);
      return figures;
    } catch (error) {
      this.log.error(`Could not compute the balance: ${errorText(error)}`);
      return undefined;
    }
  }

  async evaluateNudge(): Promise<NudgeOutcome> {
    await this.update();
    if (!this.latest) return { shown: false, reason: 'noData' };
    try {
      return await this.nudges.evaluate(this.latest.inputs, this.latest.figures);
    } catch (error) {
      this.log.error(`Could not evaluate the nudge: ${errorText(error)}`);
      return { shown: false, reason: 'error' };
    }
  }

  private show(inputs: BalanceInputs, figures: CurrentFigures): void {
    const { settings } = inputs;
    const paused = this.recorder.paused;
    const tooltip = new vscode.MarkdownString(
      statusTooltip({ figures, periodKind: settings.period, focusBlockMinutes: settings.focusBlockMinutes, zone: inputs.zone, sources: inputs.sources, paused, storageProblem: this.recorder.problem }),
      true,
    );
    tooltip.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
    const state = paused ? 'paused' : this.recorder.problem ? 'storage-problem' : 'tracking';
    this.statusBar.show({
      text: formatStatusText(figures.period, settings.statusBar.format, state),
      tooltip,
      accessibleLabel: statusAccessibleLabel(figures, settings.period, paused),
      warning: figures.period.belowTarget && settings.statusBar.warnBelowTarget,
    });
  }
}
