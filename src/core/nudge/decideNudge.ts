import type { Balance } from '../balance/computeBalance';
import { focusBlocksRestOfWeek } from '../balance/focusBlocks';
import type { FocusBlockUse } from '../balance/focusReport';
import { isInMeeting } from '../balance/meetings';
import { isWorkingDate, isWorkingTime } from '../balance/workingTime';
import { HOUR_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import { localDateOf, type LocalDate } from '../time/localDays';
import type { PeriodKind, Settings } from '../settings/settings';
import { nudgeMessage } from './nudgeMessage';

/** Below this much data in the period a share means nothing (one meeting is 0 %), so there is no nudge. */
export const MIN_DATA_MINUTES = 120;

export interface NudgeState {
  readonly now: number;
  readonly zone: string;
  readonly settings: Pick<Settings, 'period' | 'weekStartsOn' | 'workDays' | 'workHours' | 'focusBlockMinutes' | 'minCodingHoursPerWeek' | 'nudge'>;
  readonly balance: Balance;
  /** Counted meetings, past and future (for "in a meeting" and the next free block). */
  readonly meetings: readonly Interval[];
  /** Breaks, past and future: not free time. */
  readonly breaks: readonly Interval[];
  /** The current week's focus blocks with their use (`CurrentFigures.weekBlocks`). */
  readonly weekBlocks: readonly FocusBlockUse[];
  readonly daysOff: readonly LocalDate[];
  /** From the shared lease: the last nudge shown by any window on any machine. */
  readonly lastShownAt: number | undefined;
  readonly snoozedUntil: number | undefined;
}

export type NudgeSkipReason =
  | 'disabled'
  | 'snoozed'
  | 'rateLimited'
  | 'onTarget'
  | 'notEnoughData'
  | 'notWorkingDay'
  | 'outsideWorkingHours'
  | 'inMeeting';

export type NudgeDecision = { show: false; reason: NudgeSkipReason } | { show: true; message: string };

/** Whether `lastShownAt` still blocks a nudge; a time implausibly far in the future (a machine with a wrong clock) does not block forever. */
export function isRateLimited(lastShownAt: number | undefined, now: number, minHoursBetween: number): boolean {
  if (lastShownAt === undefined) return false;
  const spacing = minHoursBetween * HOUR_MS;
  return now - lastShownAt < spacing && lastShownAt - now < spacing;
}

/**
 * Pure policy: every condition under which a nudge may be shown, checked in a fixed order so the reason is
 * predictable. Winning the lease (`tryClaimNudge`) is still required before showing it.
 */
export function decideNudge(state: NudgeState): NudgeDecision {
  const { now, zone, settings, balance } = state;
  const rules = { workDays: settings.workDays, workHours: settings.workHours, daysOff: state.daysOff };
  if (!settings.nudge.enabled) return { show: false, reason: 'disabled' };
  if (state.snoozedUntil !== undefined && now < state.snoozedUntil) return { show: false, reason: 'snoozed' };
  if (isRateLimited(state.lastShownAt, now, settings.nudge.minHoursBetween)) return { show: false, reason: 'rateLimited' };
  if (!balance.belowTarget) return { show: false, reason: 'onTarget' };
  if (balance.codingMinutes + balance.meetingMinutes < MIN_DATA_MINUTES) return { show: false, reason: 'notEnoughData' };
  if (!isWorkingDate(localDateOf(now, zone), rules)) return { show: false, reason: 'notWorkingDay' };
  if (!isWorkingTime(now, zone, rules)) return { show: false, reason: 'outsideWorkingHours' };
  if (isInMeeting(state.meetings, now)) return { show: false, reason: 'inMeeting' };
  const next = focusBlocksRestOfWeek(now, { meetings: state.meetings, breaks: state.breaks, zone, settings, daysOff: state.daysOff })[0];
  const started = state.weekBlocks.filter((block) => !block.ahead);
  const periodKind: PeriodKind = settings.period;
  return {
    show: true,
    message: nudgeMessage({
      balance,
      periodKind,
      now,
      zone,
      nextFocusBlock: next,
      focusBlockMinutes: settings.focusBlockMinutes,
      pastBlocks: started.length,
      usedBlocks: started.filter((block) => block.used).length,
      minCodingHoursPerWeek: settings.minCodingHoursPerWeek,
    }),
  };
}
