import { errorText } from '../core/errorText';
import * as vscode from 'vscode';
import { isInMeeting } from '../core/balance/meetings';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { formatStatusText } from '../core/status/statusText';
import { currentFigures, currentFiguresRange, type CurrentFigures } from '../core/status/currentFigures';
import { statusAccessibleLabel, statusTooltip } from '../core/status/statusTooltip';
import { skillsAt, skillsRangeAt } from '../core/skills/skills';
import { fadingLine } from '../core/skills/skillsText';
import { HOUR_MS, MINUTE_MS, type Clock } from '../core/time/clock';
import { localDateOf } from '../core/time/localDays';
import { readSkillsHistory } from '../node/journal/activityHistory';
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
  private skills: { date: string; at: number; line: string | undefined; reading: boolean } | undefined;

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

  /** The tooltip's Skills line, from a read of the last 12 months at most once an hour and on a new day, in the background. */
  private fadingSkill(inputs: BalanceInputs): { fadingSkill?: string } {
    const now = this.clock.now();
    const date = localDateOf(now, inputs.zone);
    const known = this.skills;
    if (!known || (!known.reading && (known.date !== date || now - known.at > HOUR_MS))) void this.readSkills(inputs, date, now);
    const line = this.skills?.line;
    return line === undefined ? {} : { fadingSkill: line };
  }

  private async readSkills(inputs: BalanceInputs, date: string, now: number): Promise<void> {
    const previous = this.skills?.line;
    this.skills = { date, at: now, line: previous, reading: true };
    let line: string | undefined;
    try {
      const { settings, zone } = inputs;
      // The same figures as the Skills tab, the CLI and the summary (skillsAt); the tooltip needs no meetings.
      line = fadingLine(skillsAt(await readSkillsHistory(this.recorder.dataDirectory, skillsRangeAt(now, zone)), now, zone, settings));
    } catch (error) {
      this.log.error(`Could not read the Skills figures: ${errorText(error)}`);
    }
    this.skills = { date, at: now, line, reading: false };
    if (line !== previous && !this.isDisposed) this.invalidate();
  }

  private show(inputs: BalanceInputs, figures: CurrentFigures): void {
    const { settings } = inputs;
    const paused = this.recorder.paused;
    const tooltip = new vscode.MarkdownString(
      statusTooltip({
        figures,
        periodKind: settings.period,
        focusBlockMinutes: settings.focusBlockMinutes,
        zone: inputs.zone,
        sources: inputs.sources,
        paused,
        storageProblem: this.recorder.problem,
        historyProblem: this.data.historyProblem,
        ...this.fadingSkill(inputs),
      }),
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
