import { breakIntervals, meetingIntervals } from '../calendar/meetingTime';
import type { WeekStart } from '../settings/settings';
import type { Interval } from '../time/interval';
import type { BalanceInputs } from './balanceInputs';
import { focusBlocksRestOfWeek, type FocusBlockInput } from './focusBlocks';
import { weekRange } from './periods';

/** What the focus-block rules need from `inputs`; `meetings` are `meetingIntervals(inputs.occurrences)`, computed once by the caller. */
export function focusBlockInput(inputs: BalanceInputs, meetings: readonly Interval[]): FocusBlockInput {
  return { meetings, breaks: breakIntervals(inputs.occurrences), zone: inputs.zone, settings: inputs.settings, daysOff: inputs.daysOff };
}

/** The span `focusBlocksAhead` needs: from now to the end of the current week. */
export function focusBlocksLoadRange(now: number, zone: string, weekStartsOn: WeekStart): Interval {
  return { start: now, end: weekRange(now, zone, weekStartsOn).end };
}

/** The free focus blocks from now to the end of the week: what "Export Focus Blocks as .ics" writes and every summary lists. */
export function focusBlocksAhead(inputs: BalanceInputs): Interval[] {
  return focusBlocksRestOfWeek(inputs.now, focusBlockInput(inputs, meetingIntervals(inputs.occurrences)));
}
