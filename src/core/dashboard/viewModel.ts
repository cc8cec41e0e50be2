// One dashboard render: the header every tab shows, and the one tab the webview shows, from one load of inputs.
// The tabs themselves are in tabs/ (see tabs/registry.ts).
import type { Balance } from '../balance/computeBalance';
import { balanceOver, type BalanceInputs } from '../balance/balanceInputs';
import { DASHBOARD_RANGES, type DashboardRange } from '../balance/dashboardRanges';
import { dashboardRange, previousDashboardRange } from '../balance/periods';
import { meetingIntervals } from '../calendar/meetingTime';
import { formatDuration, formatPercent } from '../report/formatDuration';
import { targetStatusText } from '../report/wording';
import { formatInZone } from '../report/zoned';
import type { WeekStart } from '../settings/settings';
import { spanOf, type Interval } from '../time/interval';
import type { DashboardHeaderModel, DashboardViewModel, HeadlineModel } from './model';
import { nullable, rangeLabel } from './parts';
import { TAB_BUILDERS, type DashboardTab, type ShownTabModel } from './tabs/registry';
import type { DashboardTabBuilder, TabContext, TabSpan } from './tabs/tab';

/** What the host reads for one render: `range` for everything, and coding by workspace and language over `breakdownRange`. */
export interface DashboardLoad {
  range: Interval;
  breakdownRange?: Interval;
  /** The span of the skills history the tab reads (read apart from `range`: per-language spans), when it reads one. */
  skillsRange?: Interval;
}

/**
 * The one read a render of `tab` needs: the selected range and the one before it (the header compares them), and
 * whatever else the tab reads (the weekly chart's 12 weeks, today and the rest of the week, …).
 */
export function dashboardLoad(range: DashboardRange, tab: DashboardTab, now: number, zone: string, weekStartsOn: WeekStart): DashboardLoad {
  const span: TabSpan = { range, interval: dashboardRange(range, now, zone, weekStartsOn), now, zone, weekStartsOn };
  const builder: DashboardTabBuilder<unknown> = TAB_BUILDERS[tab];
  const breakdownRange = builder.breakdownRange?.(span);
  const spans = [span.interval, previousDashboardRange(range, now, zone, weekStartsOn)];
  const extra = builder.loadRange?.(span);
  if (extra) spans.push(extra);
  if (breakdownRange) spans.push(breakdownRange);
  const load: DashboardLoad = { range: spanOf(spans) };
  if (breakdownRange) load.breakdownRange = breakdownRange;
  const skillsRange = builder.skillsRange?.(span);
  if (skillsRange) load.skillsRange = skillsRange;
  return load;
}

function headline(current: Balance, previous: Balance, range: DashboardRange, interval: Interval, zone: string): HeadlineModel {
  const { previousLabel } = DASHBOARD_RANGES[range];
  // Compare what is shown, the rounded whole percents, so the change never disagrees with the two figures.
  const rounded = (p: number | undefined) => (p === undefined ? undefined : Math.round(p));
  const now = rounded(current.handsOnPercent);
  const before = rounded(previous.handsOnPercent);
  const change = now === undefined || before === undefined ? null : now - before;
  let changeText: string;
  if (change === null) changeText = `— vs ${previousLabel} (${formatPercent(previous.handsOnPercent)})`;
  else if (change === 0) changeText = `no change vs ${previousLabel} (${formatPercent(previous.handsOnPercent)})`;
  else changeText = `${change > 0 ? '+' : '−'}${Math.abs(change)} pts vs ${previousLabel} (${formatPercent(previous.handsOnPercent)})`;
  return {
    periodLabel: rangeLabel(interval, zone),
    handsOnPercent: nullable(current.handsOnPercent),
    handsOnText: formatPercent(current.handsOnPercent),
    targetPercent: current.targetPercent,
    targetText: formatPercent(current.targetPercent),
    belowTarget: current.belowTarget,
    statusText: targetStatusText(current),
    codingMinutes: current.codingMinutes,
    codingText: formatDuration(current.codingMinutes),
    meetingMinutes: current.meetingMinutes,
    meetingText: formatDuration(current.meetingMinutes),
    overlapMinutes: current.overlapMinutes,
    overlapText: formatDuration(current.overlapMinutes),
    previous: {
      handsOnPercent: nullable(previous.handsOnPercent),
      handsOnText: formatPercent(previous.handsOnPercent),
    },
    changePoints: change,
    changeText,
  };
}

function shownTab(tab: DashboardTab, context: TabContext): ShownTabModel {
  const builder: DashboardTabBuilder<unknown> = TAB_BUILDERS[tab];
  // The registry pairs each id with its builder, so the model is TabModels[tab]: the one cast the registry needs.
  return { id: tab, model: builder.build(context) } as ShownTabModel;
}

/** The header and the model of `tab` for `range`, from one load of inputs (see `dashboardLoad`). */
export function buildDashboardViewModel(inputs: BalanceInputs, range: DashboardRange, tab: DashboardTab): DashboardViewModel {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const interval = dashboardRange(range, now, zone, settings.weekStartsOn);
  const current = balanceOver(inputs, meetings, interval);
  const previous = balanceOver(inputs, meetings, previousDashboardRange(range, now, zone, settings.weekStartsOn));
  const header: DashboardHeaderModel = {
    range,
    rangeLabel: DASHBOARD_RANGES[range].label,
    zone,
    asOfText: formatInZone(now, zone, 'EEE d MMM yyyy HH:mm'),
    headline: headline(current, previous, range, interval, zone),
    targetPercent: settings.targetPercent,
  };
  return { header, tab: shownTab(tab, { inputs, range, interval, meetings }) };
}
