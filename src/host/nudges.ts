import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { decideNudge, type NudgeDecision } from '../core/nudge/decideNudge';
import { readNudgeState, snoozeUntil, tryClaimNudge } from '../node/nudge/lease';
import { snoozeEndNextWeek, snoozeEndTomorrow } from '../core/nudge/snooze';
import type { CurrentFigures } from '../core/status/currentFigures';
import type { Config } from './config';

export const NUDGE_ACTIONS = { open: 'Open Dashboard', snooze: 'Snooze', never: "Don't Show Again" } as const;
export type NudgeAction = (typeof NUDGE_ACTIONS)[keyof typeof NUDGE_ACTIONS];

/** `answered` settles once the user's answer (or dismissal) has been acted on. */
export type NudgeOutcome = { shown: true; message: string; answered: Promise<void> } | { shown: false; reason: string };

export interface NudgeHost {
  dataDirectory(): string;
  writerId: string;
  log: vscode.LogOutputChannel;
  /** Where Don't Show Again is written. */
  config: Pick<Config, 'update'>;
  /** Shows the notification; resolves with the chosen action, if any. */
  notify(message: string, ...actions: NudgeAction[]): Thenable<NudgeAction | undefined>;
  /** Asks how long to snooze; resolves with the chosen end, if any. */
  pickSnooze(choices: SnoozeChoice[]): Thenable<SnoozeChoice | undefined>;
}

export interface SnoozeChoice extends vscode.QuickPickItem {
  until: number;
}

export const SNOOZE_LABELS = { tomorrow: 'Until tomorrow', nextWeek: 'Until next week' } as const;

/**
 * The one place a nudge is shown from. The core decides whether one is due; the lease in the data directory
 * makes sure exactly one window on one machine shows it; the actions are handled here.
 */
export class Nudges {
  constructor(private readonly host: NudgeHost) {}

  async evaluate(inputs: BalanceInputs, figures: CurrentFigures): Promise<NudgeOutcome> {
    const root = this.host.dataDirectory();
    const lease = await readNudgeState(root);
    const decision: NudgeDecision = decideNudge({
      now: inputs.now,
      zone: inputs.zone,
      settings: inputs.settings,
      balance: figures.period,
      meetings: figures.meetings,
      breaks: figures.breaks,
      weekBlocks: figures.weekBlocks,
      daysOff: inputs.daysOff,
      lastShownAt: lease.lastShownAt,
      snoozedUntil: lease.snoozedUntil,
    });
    if (!decision.show) return { shown: false, reason: decision.reason };
    if (!(await tryClaimNudge(root, this.host.writerId, inputs.now, inputs.settings.nudge.minHoursBetween))) {
      return { shown: false, reason: 'anotherWindow' };
    }
    this.host.log.info(`Nudge shown: ${decision.message}`);
    const answered = Promise.resolve(this.host.notify(decision.message, NUDGE_ACTIONS.open, NUDGE_ACTIONS.snooze, NUDGE_ACTIONS.never))
      .then((action) => this.handle(action, inputs))
      .catch((error: unknown) => this.host.log.error(`Could not act on the answer to the nudge: ${errorText(error)}`));
    return { shown: true, message: decision.message, answered };
  }

  async handle(action: NudgeAction | undefined, inputs: Pick<BalanceInputs, 'now' | 'zone' | 'settings'>): Promise<void> {
    switch (action) {
      case NUDGE_ACTIONS.open:
        await vscode.commands.executeCommand('handsOn.openDashboard');
        return;
      case NUDGE_ACTIONS.snooze: {
        const choice = await this.host.pickSnooze([
          { label: SNOOZE_LABELS.tomorrow, until: snoozeEndTomorrow(inputs.now, inputs.zone) },
          { label: SNOOZE_LABELS.nextWeek, until: snoozeEndNextWeek(inputs.now, inputs.zone, inputs.settings.weekStartsOn) },
        ]);
        if (choice) await snoozeUntil(this.host.dataDirectory(), choice.until, this.host.writerId);
        return;
      }
      case NUDGE_ACTIONS.never:
        await this.host.config.update('nudge.enabled', false);
        return;
      case undefined:
        return;
    }
  }
}
