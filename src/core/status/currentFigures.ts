import { agentFigures, type AgentFigures } from '../balance/agentFigures';
import type { Balance } from '../balance/computeBalance';
import { focusBlocksRestOfToday } from '../balance/focusBlocks';
import { focusBlockUse, focusMinutesLeft, type FocusBlockUse } from '../balance/focusReport';
import { nextMeeting } from '../balance/meetings';
import { periodRange, weekRange } from '../balance/periods';
import type { Occurrence } from '../calendar/types';
import { breakIntervals, meetingIntervals } from '../calendar/meetingTime';
import { balanceOver, type BalanceInputs } from '../balance/balanceInputs';
import { DAY_MS } from '../time/clock';
import type { Interval } from '../time/interval';

/** What the status bar and the nudges show, computed once from the same inputs. */
export interface CurrentFigures {
  /** The balance over `handsOn.period`. */
  period: Balance;
  today: Balance;
  /** Agent time and characters over `handsOn.period` and today. */
  agentPeriod: AgentFigures;
  agentToday: AgentFigures;
  /** Counted meetings, past and future. */
  meetings: Interval[];
  /** Breaks, past and future: not free time. */
  breaks: Interval[];
  /** The focus blocks of the current week with their use so far. */
  weekBlocks: FocusBlockUse[];
  /** Focus-block time left from now to the end of today and of the week. */
  focusLeftTodayMinutes: number;
  focusLeftWeekMinutes: number;
  nextMeeting: Occurrence | undefined;
  nextFocusBlockToday: Interval | undefined;
}

/**
 * The span `currentFigures` needs at `now`: every period (a day, a week, the last 7 × 24 h) starts less than 8 days
 * ago, and two weeks ahead find the next meeting.
 */
export function currentFiguresRange(now: number): Interval {
  return { start: now - 8 * DAY_MS, end: now + 15 * DAY_MS };
}

/** `inputs` must cover `currentFiguresRange(inputs.now)`, or at least today, the configured period and the next meeting. */
export function currentFigures(inputs: BalanceInputs): CurrentFigures {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const breaks = breakIntervals(inputs.occurrences);
  const period = periodRange(settings.period, now, zone, settings.weekStartsOn);
  const today = periodRange('day', now, zone, settings.weekStartsOn);
  const week = weekRange(now, zone, settings.weekStartsOn);
  const weekBlocks = focusBlockUse(inputs, week);
  return {
    period: balanceOver(inputs, meetings, period),
    today: balanceOver(inputs, meetings, today),
    agentPeriod: agentFigures(inputs, period),
    agentToday: agentFigures(inputs, today),
    meetings,
    breaks,
    weekBlocks,
    focusLeftTodayMinutes: focusMinutesLeft(weekBlocks, now, today.end),
    focusLeftWeekMinutes: focusMinutesLeft(weekBlocks, now, week.end),
    nextMeeting: nextMeeting(inputs.occurrences.filter((o) => o.counted), now),
    nextFocusBlockToday: focusBlocksRestOfToday(now, { meetings, breaks, zone, settings, daysOff: inputs.daysOff })[0],
  };
}
