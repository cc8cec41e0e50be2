// The dashboard's range selector, declared once: periods.ts turns each shape into a span, the view-model and the
// webview show its words, the protocol checks ids against it. It imports nothing, so the browser bundle takes it as is.

interface DashboardRangeShape {
  /** What the selector shows. */
  readonly label: string;
  /** The span of the same length just before, as the headline compares with it: `+5 pts vs last week`. */
  readonly previousLabel: string;
  /** Whole local weeks. */
  readonly weeks: number;
  /** How many weeks before the current one the range ends (0: it holds the current, unfinished week). */
  readonly endOffset: number;
}

/**
 * "Last 4/12 weeks" include the current, unfinished week, so the newest data is always on screen; "last week" is the
 * previous whole week. In the order the selector lists them.
 */
export const DASHBOARD_RANGES = {
  thisWeek: { label: 'This week', previousLabel: 'last week', weeks: 1, endOffset: 0 },
  lastWeek: { label: 'Last week', previousLabel: 'the week before', weeks: 1, endOffset: 1 },
  last4Weeks: { label: 'Last 4 weeks', previousLabel: 'the 4 weeks before', weeks: 4, endOffset: 0 },
  last12Weeks: { label: 'Last 12 weeks', previousLabel: 'the 12 weeks before', weeks: 12, endOffset: 0 },
} as const satisfies Readonly<Record<string, DashboardRangeShape>>;

export type DashboardRange = keyof typeof DASHBOARD_RANGES;

export const DASHBOARD_RANGE_IDS = Object.keys(DASHBOARD_RANGES) as readonly DashboardRange[];

/** The range the dashboard opens with when none was saved: the current week. */
export const DEFAULT_DASHBOARD_RANGE: DashboardRange = 'thisWeek';

export function isDashboardRange(value: unknown): value is DashboardRange {
  return typeof value === 'string' && Object.hasOwn(DASHBOARD_RANGES, value);
}
