import type { Balance } from '../balance/computeBalance';
import type { Interval } from '../time/interval';
import { localDateOf } from '../time/localDays';
import type { PeriodKind } from '../settings/settings';
import { formatDuration, formatPercent } from '../report/formatDuration';
import { PERIOD_WORDS } from '../report/wording';
import { blockLengthText } from '../report/focusText';
import { spanLabel } from '../report/zoned';
import { MINUTE_MS } from '../time/clock';

export interface NudgeMessageInput {
  readonly balance: Balance;
  readonly periodKind: PeriodKind;
  readonly now: number;
  readonly zone: string;
  /** The next free focus block from now to the end of the week, if any. */
  readonly nextFocusBlock: Interval | undefined;
  readonly focusBlockMinutes: number;
  /** The week's focus blocks so far (started before now), and how many of them were used for coding. */
  readonly pastBlocks: number;
  readonly usedBlocks: number;
  readonly minCodingHoursPerWeek: number;
}

/** Where the user stands, then one thing they can do about it. */
export function nudgeMessage(input: NudgeMessageInput): string {
  const { balance } = input;
  const where = `Hands-on time ${PERIOD_WORDS[input.periodKind].phrase} is ${formatPercent(balance.handsOnPercent)} (target ${formatPercent(balance.targetPercent)})`;
  let standing = `${where}.`;
  if (!balance.belowTargetBecause.includes('share') && balance.requiredCodingMinutes !== undefined) {
    const behind = balance.requiredCodingMinutes - balance.codingMinutes;
    standing = `${where}, but coding is ${formatDuration(behind)} behind the pace for ${input.minCodingHoursPerWeek} hours a week.`;
  }
  const length = blockLengthText(input.focusBlockMinutes);
  const had =
    input.pastBlocks > 0 ? `You had ${input.pastBlocks} free ${length} block${input.pastBlocks === 1 ? '' : 's'} this week and coded in ${input.usedBlocks}. ` : '';
  const block = input.nextFocusBlock;
  const action = block
    ? block.start <= input.now
      ? `You are free for the next ${formatDuration((block.end - input.now) / MINUTE_MS)} — a good time to code.`
      : `${had ? 'Next one' : `Next free ${length} block`}: ${spanLabel(block, input.zone, localDateOf(block.start, input.zone) === localDateOf(input.now, input.zone) ? "'today'" : 'EEE')}.`
    : `No ${length} block is left this week: your calendar is full. Consider declining or shortening a meeting, or blocking time next week.`;
  return `${standing} ${had}${action}`;
}
