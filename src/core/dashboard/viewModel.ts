import { agentLabel } from '../activity/handsAndAgents';
import { CHARACTER_KINDS, type CharacterKind } from '../activity/attribution';
import { totalCharacters } from '../activity/characterCounts';
import { agentFigures, type AgentFigures } from '../balance/agentFigures';
import type { Balance } from '../balance/computeBalance';
import { focusBlocksRestOfWeek, focusBlocksToday } from '../balance/focusBlocks';
import { focusBlockInput } from '../balance/focusBlocksAhead';
import { focusReport, type FocusBlockUse, type FocusReport } from '../balance/focusReport';
import { DASHBOARD_RANGES, type DashboardRange } from '../balance/dashboardRanges';
import { dashboardRange, previousDashboardRange, weeksRange } from '../balance/periods';
import { dailySeries, weeklySeries, type DayFigures } from '../balance/series';
import { workingIntervalOfDate } from '../balance/workingTime';
import { meetingIntervals } from '../calendar/meetingTime';
import type { Reason } from '../calendar/types';
import { focusTexts, seriesExplanation } from '../report/focusText';
import { formatDuration, formatPercent } from '../report/formatDuration';
import { targetStatusText } from '../report/wording';
import { formatInZone, isoInZone, spanLabel } from '../report/zoned';
import type { WeekStart } from '../settings/settings';
import { HOUR_MS, MINUTE_MS } from '../time/clock';
import { byStartThenEnd, clip, spanOf, union, type Interval } from '../time/interval';
import { localDateOf, localDayInterval, startOfLocalDate } from '../time/localDays';
import { balanceOver, type BalanceInputs } from '../balance/balanceInputs';
import {
  type AgentModel,
  type BreakdownModel,
  type DashboardViewModel,
  type DayModel,
  type FocusModel,
  type HeadlineModel,
  type MeetingModel,
  type ShareModel,
  type SourceModel,
  type TimelineItemModel,
  type TimeSpanModel,
  type TodayModel,
  type WeekModel,
} from './model';

/** The meeting list is capped so a year of calendar never makes a huge message; the UI says how many were left out. */
export const MAX_MEETINGS = 500;
/** Meeting series beyond this many are left out of the Focus tab (the UI says how many). */
export const MAX_SERIES = 50;
/** Workspaces and languages beyond this many are summed as "Other". */
export const MAX_SHARES = 10;

/**
 * The one span the host loads for a dashboard render: the selected range and the one before it, and the last 12
 * weeks (the weekly chart), which hold today (the timeline) and the rest of the current week (focus blocks ahead).
 */
export function dashboardLoadRange(range: DashboardRange, now: number, zone: string, weekStartsOn: WeekStart): Interval {
  return spanOf([dashboardRange(range, now, zone, weekStartsOn), previousDashboardRange(range, now, zone, weekStartsOn), weeksRange(now, zone, weekStartsOn, 12)]);
}

const REASONS: Record<Reason, string> = {
  counted: 'Counted',
  declined: 'Not counted: you declined it',
  cancelled: 'Not counted: cancelled',
  free: 'Not counted: shown as free',
  'out-of-office': 'Not counted: out of office',
  'all-day': 'Not counted: all-day event',
  'too-long': 'Not counted: 24 hours or longer, a block of time rather than a meeting',
  'no-other-attendees': 'Not counted: nobody else is invited',
  'excluded-keyword': 'Not counted: the title matches handsOn.calendar.excludeKeywords',
  break: 'Not counted, not free: a break (handsOn.calendar.breakKeywords)',
};

export function reasonText(reason: Reason, upcoming: boolean): string {
  if (reason === 'counted' && upcoming) return 'Counted once it has happened';
  return REASONS[reason];
}

function timeSpan(span: Interval, zone: string): TimeSpanModel {
  return {
    start: span.start,
    end: span.end,
    startIso: isoInZone(span.start, zone),
    endIso: isoInZone(span.end, zone),
    label: spanLabel(span, zone),
    durationText: formatDuration((span.end - span.start) / MINUTE_MS),
  };
}

function rangeLabel(interval: Interval, zone: string): string {
  const first = formatInZone(interval.start, zone, 'EEE d MMM yyyy');
  const last = formatInZone(interval.end - 1, zone, 'EEE d MMM yyyy');
  return `${first} – ${last}`;
}

const nullable = (value: number | undefined): number | null => (value === undefined ? null : value);

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

const CHARACTER_LABELS: Readonly<Record<CharacterKind, string>> = { typed: 'Typed by you', pasted: 'Pasted by you', aiCompletion: 'AI completions you accepted', agent: 'Agent edits' };

function agentModel(figures: AgentFigures): AgentModel {
  const total = totalCharacters(figures.characters);
  const characters = CHARACTER_KINDS.map((kind) => {
    const count = figures.characters[kind];
    const percent = total > 0 ? (count / total) * 100 : 0;
    return { kind, label: CHARACTER_LABELS[kind], count, countText: count.toLocaleString('en-US'), percent, percentText: total > 0 ? formatPercent(percent) : '—' };
  });
  const summaryText =
    figures.typedPercent === undefined
      ? 'No characters landed in this range.'
      : `You typed ${formatPercent(figures.typedPercent)} of the ${total.toLocaleString('en-US')} characters that landed.`;
  const agents = figures.byAgent.map((a) => ({
    name: a.name,
    label: a.label,
    minutesText: formatDuration(a.minutes),
    charactersText: a.characters.toLocaleString('en-US'),
    linesText: a.lines > 0 ? a.lines.toLocaleString('en-US') : '—',
  }));
  return { agentCounts: figures.agentTime === 'hands-on', agentMinutes: figures.agentMinutes, agentText: formatDuration(figures.agentMinutes), summaryText, characters, agents };
}

function dayModel(day: DayFigures, zone: string, targetPercent: number, agentCounts: boolean): DayModel {
  const handsOnMinutes = agentCounts ? Math.max(0, day.codingMinutes - day.agentMinutes) : day.codingMinutes;
  return {
    agentMinutes: day.agentMinutes,
    agentText: formatDuration(day.agentMinutes),
    agentsText: Object.entries(day.agents)
      .sort(([, a], [, b]) => b - a)
      .map(([name, minutes]) => `${agentLabel(name)} ${formatDuration(minutes)}`)
      .join(', '),
    handsOnMinutes,
    handsOnCodingText: formatDuration(handsOnMinutes),
    date: day.date,
    label: formatInZone(startOfLocalDate(day.date, zone), zone, 'EEE d MMM'),
    codingMinutes: day.codingMinutes,
    meetingMinutes: day.meetingMinutes,
    overlapMinutes: day.overlapMinutes,
    handsOnPercent: nullable(day.handsOnPercent),
    handsOnText: formatPercent(day.handsOnPercent),
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
  return { ...timeSpan(span, zone), fromMinute: (span.start - dayStart) / MINUTE_MS, toMinute: (span.end - dayStart) / MINUTE_MS };
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

function blockStatus(block: FocusBlockUse, now: number): string {
  if (block.ahead) return 'ahead';
  if (block.used) return 'used';
  return block.end > now ? 'under way' : 'not used';
}

/** The Focus tab's figures: `focusReport` over the range, with the texts the tab shows. */
export function focusModel(report: FocusReport, zone: string): FocusModel {
  const texts = focusTexts(report);
  const median = report.reentry.medianMinutes;
  const series = report.series.slice(0, MAX_SERIES);
  return {
    blockMinutes: report.blockMinutes,
    blockText: formatDuration(report.blockMinutes),
    freeMinutes: report.freeMinutes,
    focusMinutes: report.focusMinutes,
    fragmentedMinutes: report.fragmentedMinutes,
    usedBlocks: report.usedBlocks,
    pastBlocks: report.pastBlocks,
    focusMinutesText: formatDuration(report.focusMinutes),
    fragmentedMinutesText: formatDuration(report.fragmentedMinutes),
    availableText: texts.available,
    usedText: texts.used,
    fragmentedText: texts.fragmented,
    reentryMedianText: median === undefined ? '—' : formatDuration(median),
    reentryText: texts.reentry,
    reentry: { medianMinutes: nullable(median), samples: report.reentry.samples, noReturn: report.reentry.noReturn },
    days: report.days.map((day) => ({
      ...day,
      label: formatInZone(startOfLocalDate(day.date, zone), zone, 'EEE d MMM'),
      meetingText: formatDuration(day.meetingMinutes),
      breakText: formatDuration(day.breakMinutes),
      focusText: formatDuration(day.focusMinutes),
      focusCodedText: formatDuration(day.focusCodedMinutes),
      focusUncodedText: formatDuration(day.focusUncodedMinutes),
      focusAheadText: formatDuration(day.focusAheadMinutes),
      fragmentedText: formatDuration(day.fragmentedMinutes),
    })),
    blocks: report.blocks.map((block) => ({
      ...timeSpan(block, zone),
      codingMinutes: block.codingMinutes,
      codingText: formatDuration(block.codingMinutes),
      used: block.used,
      ahead: block.ahead,
      statusText: blockStatus(block, report.now),
    })),
    series: series.map((s) => ({
      title: s.title,
      occurrences: s.occurrences,
      minutes: s.minutes,
      minutesText: formatDuration(s.minutes),
      focusCostMinutes: s.focusCostMinutes,
      focusCostText: formatDuration(s.focusCostMinutes),
      explanation: seriesExplanation(s, report.blockMinutes),
    })),
    seriesOmitted: report.series.length - series.length,
  };
}

/**
 * Everything the dashboard shows for `range`, computed from one load of inputs (see `dashboardLoadRange`). The
 * breakdown by workspace and language is the one the inputs hold, labelled with the span it covers.
 */
export function buildDashboardViewModel(inputs: BalanceInputs, range: DashboardRange): DashboardViewModel {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const interval = dashboardRange(range, now, zone, settings.weekStartsOn);
  const previousInterval = previousDashboardRange(range, now, zone, settings.weekStartsOn);
  const current = balanceOver(inputs, meetings, interval);
  const previous = balanceOver(inputs, meetings, previousInterval);
  const series = { coding: inputs.coding, agent: inputs.agent ?? [], agentByName: inputs.agentByName ?? {}, meetings, now, zone };
  const agent = agentFigures(inputs, interval);

  const todayDate = localDateOf(now, zone);
  const todayInterval = localDayInterval(todayDate, zone);
  const dayStart = todayInterval.start;
  const working = workingIntervalOfDate(todayDate, zone, { workDays: settings.workDays, workHours: settings.workHours, daysOff: inputs.daysOff });
  const dayMinutes = (todayInterval.end - dayStart) / MINUTE_MS;
  const ticks: TodayModel['ticks'] = [];
  for (let t = dayStart; t <= todayInterval.end; t += HOUR_MS) ticks.push({ minute: (t - dayStart) / MINUTE_MS, label: t === todayInterval.end ? '24:00' : formatInZone(t, zone, 'HH:mm') });
  const today: TodayModel = {
    date: todayDate,
    label: formatInZone(dayStart, zone, 'EEEE d MMMM'),
    dayMinutes,
    nowMinute: (now - dayStart) / MINUTE_MS,
    workStartMinute: working ? (working.start - dayStart) / MINUTE_MS : null,
    workEndMinute: working ? (working.end - dayStart) / MINUTE_MS : null,
    coding: union(clip(inputs.coding, { start: dayStart, end: Math.min(now, todayInterval.end) })).map((s) => timelineItem(s, dayStart, zone)),
    meetings: inputs.occurrences
      .filter((o) => o.counted && !o.allDay && o.end > dayStart && o.start < todayInterval.end)
      .sort(byStartThenEnd)
      .flatMap((o) => clip([o], todayInterval).map((part) => ({ ...timelineItem(part, dayStart, zone), title: o.title, counted: true, reasonText: reasonText(o.reason, o.end > now) }))),
    focusBlocks: focusBlocksToday(now, focusBlockInput(inputs, meetings)).map((s) => timelineItem(s, dayStart, zone)),
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
    .sort((a, b) => byStartThenEnd(a, b) || a.title.localeCompare(b.title));
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

  const breakdownLabel = rangeLabel(inputs.breakdownRange ?? inputs.range, zone);
  const breakdown: BreakdownModel = settings.recordProjectNames
    ? { recorded: true, periodLabel: breakdownLabel, byWorkspace: shares(inputs.codingMinutesByWorkspace), byLanguage: shares(inputs.codingMinutesByLanguage) }
    : { recorded: false, periodLabel: breakdownLabel, byWorkspace: [], byLanguage: [] };

  // Oldest first: the current week is the last one.
  const weekly: WeekModel[] = weeklySeries(series, settings.weekStartsOn, 12).map((week, i, weeks) => ({
    weekStart: week.weekStart,
    label: formatInZone(week.start, zone, 'd MMM'),
    codingMinutes: week.codingMinutes,
    meetingMinutes: week.meetingMinutes,
    overlapMinutes: week.overlapMinutes,
    handsOnPercent: nullable(week.handsOnPercent),
    handsOnText: formatPercent(week.handsOnPercent),
    codingText: formatDuration(week.codingMinutes),
    meetingText: formatDuration(week.meetingMinutes),
    current: i === weeks.length - 1,
  }));

  return {
    range,
    rangeLabel: DASHBOARD_RANGES[range].label,
    zone,
    asOfText: formatInZone(now, zone, 'EEE d MMM yyyy HH:mm'),
    headline: headline(current, previous, range, interval, zone),
    targetPercent: settings.targetPercent,
    daily: dailySeries(series, interval).map((day) => dayModel(day, zone, settings.targetPercent, agent.agentTime === 'hands-on')),
    weekly,
    today,
    focusBlocksAhead: focusBlocksRestOfWeek(now, focusBlockInput(inputs, meetings)).map((s) => timeSpan(s, zone)),
    focusBlockMinutes: settings.focusBlockMinutes,
    focus: focusModel(focusReport(inputs, interval), zone),
    breakdown,
    agent: agentModel(agent),
    sources: inputs.sources.map((s) => sourceModel(s, zone)),
    meetings: meetingModels,
    meetingsOmitted: Math.max(0, listed.length - MAX_MEETINGS),
  };
}
