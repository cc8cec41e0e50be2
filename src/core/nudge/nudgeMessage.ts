import type { Balance } from '../balance/computeBalance';
import type { Interval } from '../time/interval';
import { localDateOf } from '../time/localDays';
import type { PeriodKind } from '../settings/settings';
import { formatDuration, formatPercent, PERIOD_PHRASE } from '../report/formatDuration';
import { formatInZone } from '../report/zoned';
import { MINUTE_MS } from '../time/clock';

function blockLength(block: Interval): string {
  const minutes = Math.round((block.end - block.start) / MINUTE_MS);
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60}-hour`;
  return `${minutes}-minute`;
}

/** `14:00` today, `Thursday 10:00` on another day, always in the user's zone and 24-hour time. */
export function formatWhen(epochMs: number, now: number, zone: string): string {
  const time = formatInZone(epochMs, zone, 'HH:mm');
  return localDateOf(epochMs, zone) === localDateOf(now, zone) ? `at ${time}` : `on ${formatInZone(epochMs, zone, 'EEEE')} at ${time}`;
}

export interface NudgeMessageInput {
  readonly balance: Balance;
  readonly periodKind: PeriodKind;
  readonly now: number;
  readonly zone: string;
  /** The next free focus block from now to the end of the week, if any. */
  readonly nextFocusBlock: Interval | undefined;
  readonly focusBlockMinutes: number;
  readonly minCodingHoursPerWeek: number;
}

/** Where the user stands, then one thing they can do about it. */
export function nudgeMessage(input: NudgeMessageInput): string {
  const { balance } = input;
  const where = `Hands-on time ${PERIOD_PHRASE[input.periodKind]} is ${formatPercent(balance.handsOnPercent)} (target ${formatPercent(balance.targetPercent)})`;
  let standing = `${where}.`;
  if (!balance.belowTargetBecause.includes('share') && balance.requiredCodingMinutes !== undefined) {
    const behind = balance.requiredCodingMinutes - balance.codingMinutes;
    standing = `${where}, but coding is ${formatDuration(behind)} behind the pace for ${input.minCodingHoursPerWeek} hours a week.`;
  }
  const block = input.nextFocusBlock;
  const action = block
    ? block.start <= input.now
      ? `You are free for the next ${formatDuration((block.end - input.now) / MINUTE_MS)} — a good time to code.`
      : `Your next free ${blockLength(block)} block starts ${formatWhen(block.start, input.now, input.zone)}.`
    : `There is no free ${input.focusBlockMinutes}-minute block left this week; consider declining or shortening a meeting, or blocking time next week.`;
  return `${standing} ${action}`;
}
