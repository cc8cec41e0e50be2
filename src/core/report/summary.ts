import { agentFigures } from '../balance/agentFigures';
import { balanceOver, type BalanceInputs } from '../balance/balanceInputs';
import { focusBlocksAhead, focusBlocksLoadRange } from '../balance/focusBlocksAhead';
import { focusReport } from '../balance/focusReport';
import { periodRange, previousPeriodRange } from '../balance/periods';
import { dailySeries } from '../balance/series';
import { meetingIntervals } from '../calendar/meetingTime';
import type { Settings } from '../settings/settings';
import { skillsAt } from '../skills/skills';
import { spanOf, type Interval } from '../time/interval';
import { reportMarkdown } from './reportMarkdown';

/**
 * The span `summaryMarkdown` needs: the status bar's period and the one before it, and the rest of the current week
 * (its free blocks ahead; a `day` or `rolling7` period does not reach the end of the week).
 */
export function summaryLoadRange(now: number, zone: string, settings: Pick<Settings, 'period' | 'weekStartsOn'>): Interval {
  const period = periodRange(settings.period, now, zone, settings.weekStartsOn);
  return spanOf([period, previousPeriodRange(settings.period, period, zone, settings.weekStartsOn), focusBlocksLoadRange(now, zone, settings.weekStartsOn)]);
}

/**
 * The one Markdown summary, to paste into a 1:1 document: `hands-on report --markdown` prints it and "Copy Weekly
 * Summary" copies it. It covers the status bar's period (`handsOn.period`) with its days, the previous period and
 * the free blocks ahead, and, when the inputs carry the skills history (read over skillsRangeAt), the languages that are
 * fading or delegated.
 */
export function summaryMarkdown(inputs: BalanceInputs): string {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const period = periodRange(settings.period, now, zone, settings.weekStartsOn);
  const previousPeriod = previousPeriodRange(settings.period, period, zone, settings.weekStartsOn);
  return reportMarkdown({
    balance: balanceOver(inputs, meetings, period),
    periodKind: settings.period,
    focusBlocks: focusBlocksAhead(inputs),
    days: dailySeries({ coding: inputs.coding, meetings, now, zone }, period),
    previous: balanceOver(inputs, meetings, previousPeriod),
    focus: focusReport(inputs, period),
    agent: agentFigures(inputs, period),
    ...(inputs.skills && { skills: skillsAt(inputs.skills, now, zone, settings) }),
  });
}
