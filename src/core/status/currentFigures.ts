import { computeBalance, type Balance } from '../balance/computeBalance';
import { focusBlocksRestOfToday } from '../balance/focusBlocks';
import { periodRange } from '../balance/periods';
import type { Occurrence } from '../calendar/types';
import { meetingIntervals } from '../calendar/meetingTime';
import type { BalanceInputs } from '../dashboard/inputs';
import type { Interval } from '../time/interval';

/** What the status bar and the nudges show, computed once from the same inputs. */
export interface CurrentFigures {
  /** The balance over `handsOn.period`. */
  period: Balance;
  today: Balance;
  /** Counted meetings, past and future. */
  meetings: Interval[];
  nextMeeting: Occurrence | undefined;
  nextFocusBlockToday: Interval | undefined;
}

/** `inputs` must cover both today and the configured period (and some of the future, for the next meeting). */
export function currentFigures(inputs: BalanceInputs): CurrentFigures {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const balanceOver = (period: Interval) => computeBalance({ coding: inputs.coding, meetings, period, now, settings, zone, daysOff: inputs.daysOff });
  let nextMeeting: Occurrence | undefined;
  for (const occurrence of inputs.occurrences) {
    if (occurrence.counted && occurrence.start > now && (!nextMeeting || occurrence.start < nextMeeting.start)) nextMeeting = occurrence;
  }
  return {
    period: balanceOver(periodRange(settings.period, now, zone, settings.weekStartsOn)),
    today: balanceOver(periodRange('day', now, zone, settings.weekStartsOn)),
    meetings,
    nextMeeting,
    nextFocusBlockToday: focusBlocksRestOfToday(now, { meetings, zone, settings, daysOff: inputs.daysOff })[0],
  };
}
