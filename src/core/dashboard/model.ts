// The dashboard's view-model: what the host posts to the webview. Plain JSON (numbers, strings, booleans, null).
// The header every tab shows is here; each tab's own model is in its file under tabs/ (see tabs/registry.ts). The
// webview imports these as types only, so the browser bundle takes none of the core's code with them.
// Every figure is computed by the core; the webview only draws it.
import type { DashboardRange } from '../balance/dashboardRanges';
import type { ShownTabModel } from './tabs/registry';

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

export interface ShareModel {
  name: string;
  minutes: number;
  text: string;
  /** Share of the listed total, 0–100. */
  percent: number;
  percentText: string;
}

/** What every tab shows above it: the range, and the headline of the range. */
export interface DashboardHeaderModel {
  range: DashboardRange;
  rangeLabel: string;
  zone: string;
  /** When the figures were computed, in the user's zone. */
  asOfText: string;
  headline: HeadlineModel;
  targetPercent: number;
}

/** One render: the header, and the model of the tab the webview shows (the only tab built). */
export interface DashboardViewModel {
  header: DashboardHeaderModel;
  tab: ShownTabModel;
}
