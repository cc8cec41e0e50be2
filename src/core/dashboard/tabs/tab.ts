// What a dashboard tab is on the host's side: a model builder of its own, registered in registry.ts.
import type { BalanceInputs } from '../../balance/balanceInputs';
import type { DashboardRange } from '../../balance/dashboardRanges';
import type { WeekStart } from '../../settings/settings';
import type { Interval } from '../../time/interval';

/** Where and when the dashboard looks, known before anything is loaded. */
export interface TabSpan {
  readonly range: DashboardRange;
  /** The selected range as a span (whole local weeks). */
  readonly interval: Interval;
  readonly now: number;
  readonly zone: string;
  readonly weekStartsOn: WeekStart;
}

/** What a tab builds its model from: the one load of inputs for this render. */
export interface TabContext {
  readonly inputs: BalanceInputs;
  readonly range: DashboardRange;
  /** The selected range as a span. */
  readonly interval: Interval;
  /** `meetingIntervals(inputs.occurrences)`, computed once per render. */
  readonly meetings: readonly Interval[];
}

/**
 * One tab's figures. The host builds only the tab the webview shows, plus the header every tab has (headline of the
 * selected range, which reads the range and the one before it). The model goes to the webview by postMessage: plain
 * JSON (numbers, strings, booleans, null, arrays, objects), every text computed here.
 */
export interface DashboardTabBuilder<M> {
  /** The span the tab reads beyond the selected range and the one before it; omit when those suffice. */
  loadRange?(span: TabSpan): Interval;
  /** The span to break coding down over by workspace and language (a heavier read); omit when the tab shows no breakdown. */
  breakdownRange?(span: TabSpan): Interval;
  /** The span to read the skills history over (per-language spans, typed characters; a year); omit when the tab shows no skills. */
  skillsRange?(span: TabSpan): Interval;
  build(context: TabContext): M;
}
