import { computeBalance, type Balance } from '../balance/computeBalance';
import { focusBlocksRestOfWeek, focusBlocksToday, type FocusBlockInput } from '../balance/focusBlocks';
import { dashboardRange, periodRange, previousPeriodRange, weeksRange, type DashboardRange } from '../balance/periods';
import { dailySeries, weeklySeries, type DayFigures } from '../balance/series';
import { workingIntervalOfDate } from '../balance/workingTime';
import { meetingIntervals } from '../calendar/meetingTime';
import type { Reason } from '../calendar/types';
import { formatDuration, formatPercent } from '../report/formatDuration';
import { reportMarkdown } from '../report/reportMarkdown';
import { formatInZone, isoInZone } from '../report/zoned';
import type { WeekStart } from '../settings/settings';
import { clip, union, type Interval } from '../time/interval';
import { localDateOf, localDayInterval, startOfLocalDate } from '../time/localDays';
import type { BalanceInputs } from './inputs';
import {
  DASHBOARD_RANGE_LABELS,
  type BreakdownModel,
  type DashboardRangeId,
  type DashboardViewModel,
  type DayModel,
  type HeadlineModel,
  type MeetingModel,
  type ShareModel,
  type SourceModel,
  type TimelineItemModel,
  type TimeSpanModel,
  type TodayModel,
  type WeekModel,
} from './model';

// The webview's copy of the range ids must stay the balance's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rangesAgree: Same<DashboardRange, DashboardRangeId> = true;
void rangesAgree;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The meeting list is capped so a year of calendar never makes a huge message; the UI says how many were left out. */
export const MAX_MEETINGS = 500;
/** Workspaces and languages beyond this many are summed as "Other". */
export const MAX_SHARES = 10;

interface RangeShape {
  weeks: number;
  endOffset: number;
}

const SHAPES: Record<DashboardRange, RangeShape> = {
  thisWeek: { weeks: 1, endOffset: 0 },
  lastWeek: { weeks: 1, endOffset: 1 },
  last4Weeks: { weeks: 4, endOffset: 0 },
  last12Weeks: { weeks: 12, endOffset: 0 },
};

const PREVIOUS_LABELS: Record<DashboardRange, string> = {
  thisWeek: 'last week',
  lastWeek: 'the week before',
  last4Weeks: 'the 4 weeks before',
  last12Weeks: 'the 12 weeks before',
};

/** The period before the selected range, of the same length in whole weeks. */
export function previousDashboardRange(range: DashboardRange, now: number, zone: string, weekStartsOn: WeekStart): Interval {
  const shape = SHAPES[range];
  return weeksRange(now, zone, weekStartsOn, shape.weeks, shape.endOffset + shape.weeks);
}

/** The dashboard range that shows what the status bar measures (`day` and `rolling7` fall back to this week). */
export function defaultDashboardRange(): DashboardRange {
  return 'thisWeek';
}

/**
 * The one span the host loads for a dashboard render: the selected range and the one before it, the last 12 weeks
 * (the weekly chart), the rest of the current week (focus blocks) and the status bar's period and the one before it
 * (the weekly summary).
 */
export function dashboardLoadRange(range: DashboardRange, now: number, zone: string, weekStartsOn: WeekStart, period: BalanceInputs['settings']['period'] = 'week'): Interval {
  const spans: Interval[] = [
    dashboardRange(range, now, zone, weekStartsOn),
    previousDashboardRange(range, now, zone, weekStartsOn),
    weeksRange(now, zone, weekStartsOn, 12),
  ];
  const current = periodRange(period, now, zone, weekStartsOn);
  spans.push(current, previousPeriodRange(period, current, zone, weekStartsOn));
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

const REASONS: Record<Reason, string> = {
  counted: 'Counted',
  declined: 'Not counted: you declined it',
  cancelled: 'Not counted: cancelled',
  free: 'Not counted: shown as free',
  'out-of-office': 'Not counted: out of office',
  'all-day': 'Not counted: all-day event',
  'no-other-attendees': 'Not counted: nobody else is invited',
  'excluded-keyword': 'Not counted: the title matches handsOn.calendar.excludeKeywords',
};

export function reasonText(reason: Reason, upcoming: boolean): string {
  if (reason === 'counted' && upcoming) return 'Counted once it has happened';
  return REASONS[reason];
}

function endText(end: number, zone: string): string {
  // A block that ends at local midnight ends at 24:00 of its day, not 00:00.
  const midnight = startOfLocalDate(localDateOf(end, zone), zone) === end;
  return midnight ? '24:00' : formatInZone(end, zone, 'HH:mm');
}

export function spanLabel(span: Interval, zone: string): string {
  const sameDay = localDateOf(span.start, zone) === localDateOf(span.end - 1, zone);
  const end = sameDay ? endText(span.end, zone) : formatInZone(span.end, zone, 'EEE d MMM HH:mm');
  return `${formatInZone(span.start, zone, 'EEE d MMM HH:mm')}–${end}`;
}

function timeSpan(span: Interval, zone: string): TimeSpanModel {
  const minutes = (span.end - span.start) / MINUTE;
  return {
    start: span.start,
    end: span.end,
    startIso: isoInZone(span.start, zone),
    endIso: isoInZone(span.end, zone),
    label: spanLabel(span, zone),
    durationMinutes: minutes,
    durationText: formatDuration(minutes),
  };
}

function rangeLabel(interval: Interval, zone: string): string {
  const first = formatInZone(interval.start, zone, 'EEE d MMM yyyy');
  const last = formatInZone(interval.end - 1, zone, 'EEE d MMM yyyy');
  return `${first} – ${last}`;
}

function share(coding: number, meetings: number): number | undefined {
  const total = coding + meetings;
  return total > 0 ? (coding / total) * 100 : undefined;
}

const nullable = (value: number | undefined): number | null => (value === undefined ? null : value);

function statusText(balance: Balance): string {
  if (balance.handsOnPercent === undefined && !balance.belowTarget) return 'no data yet';
  return balance.belowTarget ? 'below target' : 'on target';
}

function headline(current: Balance, previous: Balance, range: DashboardRange, interval: Interval, previousInterval: Interval, zone: string): HeadlineModel {
  const previousLabel = PREVIOUS_LABELS[range];
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
    statusText: statusText(current),
    codingMinutes: current.codingMinutes,
    codingText: formatDuration(current.codingMinutes),
    meetingMinutes: current.meetingMinutes,
    meetingText: formatDuration(current.meetingMinutes),
    overlapMinutes: current.overlapMinutes,
    overlapText: formatDuration(current.overlapMinutes),
    previous: {
      periodLabel: `${previousLabel[0]!.toUpperCase()}${previousLabel.slice(1)} (${rangeLabel(previousInterval, zone)})`,
      handsOnPercent: nullable(previous.handsOnPercent),
      handsOnText: formatPercent(previous.handsOnPercent),
      codingMinutes: previous.codingMinutes,
      meetingMinutes: previous.meetingMinutes,
    },
    changePoints: change,
    changeText,
  };
}

function dayModel(day: DayFigures, zone: string, targetPercent: number): DayModel {
  const percent = share(day.codingMinutes, day.meetingMinutes);
  return {
    date: day.date,
    label: formatInZone(startOfLocalDate(day.date, zone), zone, 'EEE d MMM'),
    codingMinutes: day.codingMinutes,
    meetingMinutes: day.meetingMinutes,
    overlapMinutes: day.overlapMinutes,
    handsOnPercent: nullable(percent),
    handsOnText: formatPercent(percent),
    targetCodingMinutes: ((day.codingMinutes + day.meetingMinutes) * targetPercent) / 100,
    codingText: formatDuration(day.codingMinutes),
    meetingText: formatDuration(day.meetingMinutes),
  };
}

function shares(minutesByName: Record<string, number>): ShareModel[] {
  const entries = Object.entries(minutesByName).filter(([, minutes]) => Number.isFinite(minutes) && minutes > 0);
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, minutes]) => sum + minutes, 0);
  const kept = entries.slice(0, MAX_SHARES);
  const rest = entries.slice(MAX_SHARES).reduce((sum, [, minutes]) => sum + minutes, 0);
  if (rest > 0) kept.push(['Other', rest]);
  return kept.map(([name, minutes]) => {
    const percent = total > 0 ? (minutes / total) * 100 : 0;
    return { name, minutes, text: formatDuration(minutes), percent, percentText: formatPercent(percent) };
  });
}

function timelineItem(span: Interval, dayStart: number, zone: string): TimelineItemModel {
  return { ...timeSpan(span, zone), fromMinute: (span.start - dayStart) / MINUTE, toMinute: (span.end - dayStart) / MINUTE };
}

function sourceModel(source: BalanceInputs['sources'][number], zone: string): SourceModel {
  return {
    label: source.label,
    kind: source.kind,
    lastRefreshedText: source.lastRefreshed === undefined ? 'not read yet' : formatInZone(source.lastRefreshed, zone, 'EEE d MMM HH:mm'),
    error: source.error ?? null,
    warnings: [...source.warnings],
  };
}

export interface BreakdownInputs {
  /** The span the figures below cover (ideally exactly the selected range). */
  range: Interval;
  codingMinutesByWorkspace: Record<string, number>;
  codingMinutesByLanguage: Record<string, number>;
}

export interface ViewModelOptions {
  /**
   * Coding by workspace and language for the selected range. Without it the totals of `inputs` are used, which
   * cover the whole loaded span, and the breakdown's label says so.
   */
  breakdown?: BreakdownInputs;
}

function focusInput(inputs: BalanceInputs, meetings: readonly Interval[]): FocusBlockInput {
  return { meetings, zone: inputs.zone, settings: inputs.settings, daysOff: inputs.daysOff };
}

/** Everything the dashboard shows for `range`, computed from one load of inputs (see `dashboardLoadRange`). */
export function buildDashboardViewModel(inputs: BalanceInputs, range: DashboardRange, options: ViewModelOptions = {}): DashboardViewModel {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const interval = dashboardRange(range, now, zone, settings.weekStartsOn);
  const previousInterval = previousDashboardRange(range, now, zone, settings.weekStartsOn);
  const balanceOf = (period: Interval) => computeBalance({ coding: inputs.coding, meetings, period, now, settings, zone, daysOff: inputs.daysOff });
  const current = balanceOf(interval);
  const previous = balanceOf(previousInterval);
  const series = { coding: inputs.coding, meetings, now, zone };

  const todayDate = localDateOf(now, zone);
  const todayInterval = localDayInterval(todayDate, zone);
  const dayStart = todayInterval.start;
  const working = workingIntervalOfDate(todayDate, zone, { workDays: settings.workDays, workHours: settings.workHours, daysOff: inputs.daysOff });
  const dayMinutes = (todayInterval.end - dayStart) / MINUTE;
  const ticks: TodayModel['ticks'] = [];
  for (let t = dayStart; t <= todayInterval.end; t += HOUR) ticks.push({ minute: (t - dayStart) / MINUTE, label: t === todayInterval.end ? '24:00' : formatInZone(t, zone, 'HH:mm') });
  const today: TodayModel = {
    date: todayDate,
    label: formatInZone(dayStart, zone, 'EEEE d MMMM'),
    dayMinutes,
    nowMinute: (now - dayStart) / MINUTE,
    workStartMinute: working ? (working.start - dayStart) / MINUTE : null,
    workEndMinute: working ? (working.end - dayStart) / MINUTE : null,
    coding: union(clip(inputs.coding, { start: dayStart, end: Math.min(now, todayInterval.end) })).map((s) => timelineItem(s, dayStart, zone)),
    meetings: inputs.occurrences
      .filter((o) => o.counted && !o.allDay && o.end > dayStart && o.start < todayInterval.end)
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((o) => {
        const clipped = { start: Math.max(o.start, dayStart), end: Math.min(o.end, todayInterval.end) };
        return { ...timelineItem(clipped, dayStart, zone), title: o.title, counted: o.counted, reasonText: reasonText(o.reason, o.end > now) };
      }),
    focusBlocks: focusBlocksToday(now, focusInput(inputs, meetings)).map((s) => timelineItem(s, dayStart, zone)),
    viewStartMinute: 0,
    viewEndMinute: dayMinutes,
    ticks,
    nowText: formatInZone(now, zone, 'HH:mm'),
  };
  // Show the working day (or 08:00–18:00 on a day off) widened to whatever happened outside it, in whole hours.
  const items = [...today.coding, ...today.meetings, ...today.focusBlocks];
  const from = Math.min(today.workStartMinute ?? 8 * 60, ...items.map((i) => i.fromMinute), today.nowMinute);
  const to = Math.max(today.workEndMinute ?? 18 * 60, ...items.map((i) => i.toMinute), today.nowMinute);
  today.viewStartMinute = Math.max(0, Math.floor(from / 60) * 60 - 60);
  today.viewEndMinute = Math.min(dayMinutes, Math.ceil(to / 60) * 60 + 60);

  const listed = inputs.occurrences
    .filter((o) => o.end > interval.start && o.start < interval.end)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.title.localeCompare(b.title));
  const meetingModels: MeetingModel[] = listed.slice(0, MAX_MEETINGS).map((o) => ({
    title: o.title,
    source: o.source ?? null,
    whenText: o.allDay ? `${formatInZone(o.start, zone, 'EEE d MMM')} (all day)` : spanLabel(o, zone),
    start: o.start,
    end: o.end,
    allDay: o.allDay,
    counted: o.counted,
    upcoming: o.counted && o.end > now,
    reason: o.reason,
    reasonText: reasonText(o.reason, o.end > now),
  }));

  const breakdownSource = options.breakdown ?? { range: inputs.range, codingMinutesByWorkspace: inputs.codingMinutesByWorkspace, codingMinutesByLanguage: inputs.codingMinutesByLanguage };
  const breakdown: BreakdownModel = settings.recordProjectNames
    ? {
        recorded: true,
        periodLabel: rangeLabel(breakdownSource.range, zone),
        byWorkspace: shares(breakdownSource.codingMinutesByWorkspace),
        byLanguage: shares(breakdownSource.codingMinutesByLanguage),
      }
    : { recorded: false, periodLabel: rangeLabel(breakdownSource.range, zone), byWorkspace: [], byLanguage: [] };

  const currentWeekStart = localDateOf(weeksRange(now, zone, settings.weekStartsOn, 1).start, zone);
  const weekly: WeekModel[] = weeklySeries(series, settings.weekStartsOn, 12).map((week) => ({
    weekStart: week.weekStart,
    label: formatInZone(week.start, zone, 'd MMM'),
    codingMinutes: week.codingMinutes,
    meetingMinutes: week.meetingMinutes,
    overlapMinutes: week.overlapMinutes,
    handsOnPercent: nullable(week.handsOnPercent),
    handsOnText: formatPercent(week.handsOnPercent),
    codingText: formatDuration(week.codingMinutes),
    meetingText: formatDuration(week.meetingMinutes),
    current: week.weekStart === currentWeekStart,
  }));

  return {
    range,
    rangeLabel: DASHBOARD_RANGE_LABELS[range],
    zone,
    asOf: now,
    asOfText: formatInZone(now, zone, 'EEE d MMM yyyy HH:mm'),
    headline: headline(current, previous, range, interval, previousInterval, zone),
    targetPercent: settings.targetPercent,
    daily: dailySeries(series, interval).map((day) => dayModel(day, zone, settings.targetPercent)),
    weekly,
    today,
    focusBlocksAhead: focusBlocksRestOfWeek(now, focusInput(inputs, meetings)).map((s) => timeSpan(s, zone)),
    focusBlockMinutes: settings.focusBlockMinutes,
    breakdown,
    sources: inputs.sources.map((s) => sourceModel(s, zone)),
    meetings: meetingModels,
    meetingsOmitted: Math.max(0, listed.length - MAX_MEETINGS),
  };
}

/** The free focus blocks from now to the end of the week: what "Export Focus Blocks as .ics" writes. */
export function focusBlocksAhead(inputs: BalanceInputs): Interval[] {
  return focusBlocksRestOfWeek(inputs.now, focusInput(inputs, meetingIntervals(inputs.occurrences)));
}

/**
 * "Copy Weekly Summary": exactly the Markdown of `hands-on report --markdown` for the status bar's period
 * (`handsOn.period`), with its days, the previous period and the free blocks ahead.
 */
export function summaryMarkdown(inputs: BalanceInputs): string {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const period = periodRange(settings.period, now, zone, settings.weekStartsOn);
  const previousPeriod = previousPeriodRange(settings.period, period, zone, settings.weekStartsOn);
  const balanceOf = (p: Interval) => computeBalance({ coding: inputs.coding, meetings, period: p, now, settings, zone, daysOff: inputs.daysOff });
  return reportMarkdown({
    balance: balanceOf(period),
    periodKind: settings.period,
    focusBlocks: focusBlocksRestOfWeek(now, focusInput(inputs, meetings)),
    days: dailySeries({ coding: inputs.coding, meetings, now, zone }, period),
    previous: balanceOf(previousPeriod),
  });
}
