// The dashboard's view-model: what the host posts to the webview. Plain JSON (numbers, strings, booleans, null);
// its imports are the range list and the source kind, which import nothing, so the browser bundle pulls in none of the rest of the core.
// Every figure here is computed by the core (src/core/dashboard/viewModel.ts); the webview only draws it.
import type { DashboardRange } from '../balance/dashboardRanges';
import type { SourceKind } from '../calendar/sourceKind';

/** A span of time with the texts the UI shows for it, in the user's zone. */
export interface TimeSpanModel {
  /** Epoch ms. */
  start: number;
  end: number;
  /** ISO 8601 with the zone's offset. */
  startIso: string;
  endIso: string;
  /** e.g. `Wed 25 Mar 14:00–18:00`. */
  label: string;
  durationText: string;
}

export interface HeadlineModel {
  periodLabel: string;
  handsOnPercent: number | null;
  /** `42%` or `—`, rounded exactly as the status bar rounds it. */
  handsOnText: string;
  targetPercent: number;
  targetText: string;
  belowTarget: boolean;
  /** `on target`, `below target`, `no data yet`. */
  statusText: string;
  codingMinutes: number;
  codingText: string;
  meetingMinutes: number;
  meetingText: string;
  overlapMinutes: number;
  overlapText: string;
  /** The share in the period of the same length just before. */
  previous: {
    handsOnPercent: number | null;
    handsOnText: string;
  };
  /** Share now minus share in the previous period, in percentage points; null when either is undefined. */
  changePoints: number | null;
  /** e.g. `+5 pts vs last week`, `no change vs last week`, `— vs last week`. */
  changeText: string;
}

/** The figures of one day or one week, as numbers for the charts and as text for the tables. */
export interface FiguresModel {
  codingMinutes: number;
  meetingMinutes: number;
  overlapMinutes: number;
  handsOnPercent: number | null;
  handsOnText: string;
  codingText: string;
  meetingText: string;
}

export interface DayModel extends FiguresModel {
  /** Agent time of the day; part of `codingMinutes` only when `agentCounts` of the view-model is true. */
  agentMinutes: number;
  agentText: string;
  /** Who the agent time was, e.g. `Claude Code 45m, VS Code edits 15m`; empty without agent time. */
  agentsText: string;
  /** Coding by your own hands: `codingMinutes` without agent time. */
  handsOnMinutes: number;
  handsOnCodingText: string;
  date: string;
  /** e.g. `Mon 23 Mar`. */
  label: string;
  /** The coding minutes that the day's total (coding + meetings) would need to meet the target share; the chart's target mark. */
  targetCodingMinutes: number;
}

export interface WeekModel extends FiguresModel {
  weekStart: string;
  /** e.g. `23 Mar`. */
  label: string;
  current: boolean;
}

export interface TimelineItemModel extends TimeSpanModel {
  /** Minutes from the local midnight that starts the day (a DST day has 1380 or 1500 minutes). */
  fromMinute: number;
  toMinute: number;
}

export interface TimelineMeetingModel extends TimelineItemModel {
  title: string;
  counted: boolean;
  reasonText: string;
}

export interface TodayModel {
  date: string;
  label: string;
  dayMinutes: number;
  nowMinute: number;
  workStartMinute: number | null;
  workEndMinute: number | null;
  /** The part of the day the timeline shows: working hours and anything outside them, whole hours. */
  viewStartMinute: number;
  viewEndMinute: number;
  /** Every local full hour of the day, with its wall-clock label (correct on DST days). */
  ticks: { minute: number; label: string }[];
  nowText: string;
  coding: TimelineItemModel[];
  meetings: TimelineMeetingModel[];
  focusBlocks: TimelineItemModel[];
}

export interface ShareModel {
  name: string;
  minutes: number;
  text: string;
  /** Share of the listed total, 0–100. */
  percent: number;
  percentText: string;
}

export interface BreakdownModel {
  /** False when `handsOn.recordProjectNames` is off: nothing to show, and the UI says why. */
  recorded: boolean;
  periodLabel: string;
  byWorkspace: ShareModel[];
  byLanguage: ShareModel[];
}

export interface SourceModel {
  label: string;
  kind: SourceKind;
  lastRefreshedText: string;
  error: string | null;
  warnings: string[];
}

export type MeetingReasonId = 'counted' | 'declined' | 'cancelled' | 'free' | 'out-of-office' | 'all-day' | 'too-long' | 'no-other-attendees' | 'excluded-keyword' | 'break';

export interface MeetingModel {
  /** Calendar text: the UI must insert it as text, never as HTML. */
  title: string;
  source: string | null;
  whenText: string;
  start: number;
  end: number;
  allDay: boolean;
  counted: boolean;
  /** Counted but still ahead: shown, not counted yet. */
  upcoming: boolean;
  reason: MeetingReasonId;
  reasonText: string;
}

/** One day of the Focus tab: working time split into meetings, breaks, focus blocks (coded, not coded, ahead) and fragments. */
export interface FocusDayModel {
  date: string;
  /** e.g. `Mon 23 Mar`. */
  label: string;
  meetingMinutes: number;
  breakMinutes: number;
  focusMinutes: number;
  focusCodedMinutes: number;
  focusUncodedMinutes: number;
  focusAheadMinutes: number;
  fragmentedMinutes: number;
  meetingText: string;
  breakText: string;
  focusText: string;
  focusCodedText: string;
  focusUncodedText: string;
  focusAheadText: string;
  fragmentedText: string;
}

export interface FocusBlockModel extends TimeSpanModel {
  codingMinutes: number;
  codingText: string;
  used: boolean;
  ahead: boolean;
  /** `used`, `not used`, `under way` or `ahead`. */
  statusText: string;
}

export interface FocusSeriesModel {
  /** Calendar text: the UI must insert it as text, never as HTML. */
  title: string;
  occurrences: number;
  minutes: number;
  minutesText: string;
  focusCostMinutes: number;
  focusCostText: string;
  /** One sentence on what the series cost and why. */
  explanation: string;
}

/** The Focus tab: what the calendar left, what was done with it, and what the meetings cost, over the range. */
export interface FocusModel {
  blockMinutes: number;
  /** `2h`. */
  blockText: string;
  freeMinutes: number;
  focusMinutes: number;
  fragmentedMinutes: number;
  usedBlocks: number;
  pastBlocks: number;
  focusMinutesText: string;
  fragmentedMinutesText: string;
  /** `39h in 6 blocks (16h of it ahead)`. */
  availableText: string;
  /** `1 of 4 blocks so far (2h of coding in them)`. */
  usedText: string;
  fragmentedText: string;
  /** The median re-entry as a duration, or `—`. */
  reentryMedianText: string;
  reentryText: string;
  reentry: { medianMinutes: number | null; samples: number; noReturn: number };
  days: FocusDayModel[];
  blocks: FocusBlockModel[];
  series: FocusSeriesModel[];
  /** Series left out of `series` to keep the message small. */
  seriesOmitted: number;
}

/** One kind of character in the split: typed, pasted, AI completion, agent. */
export interface CharacterShareModel {
  kind: 'typed' | 'pasted' | 'aiCompletion' | 'agent';
  label: string;
  count: number;
  countText: string;
  percent: number;
  percentText: string;
}

export interface AgentModel {
  /** `handsOn.agentTime` is "hands-on": agent time is in the coding figures. */
  agentCounts: boolean;
  agentMinutes: number;
  agentText: string;
  /** e.g. `You typed 38% of the 12,400 characters that landed.`, or a sentence saying none did. */
  summaryText: string;
  characters: CharacterShareModel[];
  /** Each agent of the range, most minutes first. */
  agents: AgentRowModel[];
}

/** One agent's time and writing in the range. */
export interface AgentRowModel {
  name: string;
  label: string;
  minutesText: string;
  charactersText: string;
  linesText: string;
}

export interface DashboardViewModel {
  range: DashboardRange;
  rangeLabel: string;
  zone: string;
  /** When the figures were computed, in the user's zone. */
  asOfText: string;
  headline: HeadlineModel;
  targetPercent: number;
  daily: DayModel[];
  weekly: WeekModel[];
  today: TodayModel;
  focusBlocksAhead: TimeSpanModel[];
  focusBlockMinutes: number;
  focus: FocusModel;
  breakdown: BreakdownModel;
  /** Agent time and the character split over the range. */
  agent: AgentModel;
  sources: SourceModel[];
  meetings: MeetingModel[];
  /** Meetings of the period left out of `meetings` to keep the message small. */
  meetingsOmitted: number;
}
