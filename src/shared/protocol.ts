// Messages between the dashboard panel (host) and its webview. Both sides import these unions; every message has
// a `type` tag. The webview starts with `ready`; the host sends nothing before it.
import { isDashboardRange, type DashboardRange } from '../core/balance/dashboardRanges';
import type { DashboardViewModel } from '../core/dashboard/model';
import type { DashboardTab } from '../core/dashboard/tabs/registry';

export type { DashboardTab, DashboardViewModel };

export const DASHBOARD_VIEW_TYPE = 'handsOn.dashboard';

/**
 * The tabs in the order of the tab bar: the ids of src/core/dashboard/tabs/registry.ts, which says how to add one.
 * Listed here as well because the webview needs them at run time and must not bundle the builders.
 */
export const TABS = ['overview', 'today', 'focus', 'meetings', 'breakdown', 'skills'] as const satisfies readonly DashboardTab[];
// Every tab of the registry is in the tab bar: a tab missing from TABS fails to compile here.
const everyTabListed: Record<Exclude<DashboardTab, (typeof TABS)[number]>, never> = {};
void everyTabListed;

/** What the webview keeps in `vscode.setState`: UI state only, never data (the host re-sends data). */
export interface WebviewState {
  range: DashboardRange;
  tab: DashboardTab;
}

export type WebviewToHost =
  | { type: 'ready'; state?: WebviewState }
  | { type: 'setRange'; range: DashboardRange }
  /** The user chose another tab: the host builds that one from now on. */
  | { type: 'showTab'; tab: DashboardTab }
  | { type: 'exportFocusBlocks' }
  | { type: 'copySummary' }
  | { type: 'exportData' }
  | { type: 'openSettings'; query: string }
  /** Posted once the charts of an `update` are drawn; `ms` is the time since the webview script started. */
  | { type: 'rendered'; ms: number; seq: number };

export type HostToWebview =
  /**
   * New figures: the header and the tab the webview said it shows (it may have moved on by the time they arrive).
   * `seq` grows with every update so `rendered` can say which one it drew.
   */
  | { type: 'update'; model: DashboardViewModel; seq: number }
  /** The figures could not be loaded; the webview keeps what it shows and says so. */
  | { type: 'error'; message: string };

export function isTab(value: unknown): value is DashboardTab {
  return typeof value === 'string' && (TABS as readonly string[]).includes(value);
}

/** The host validates every message: a webview is a page, and pages can be talked into posting anything. */
export function parseWebviewMessage(value: unknown): WebviewToHost | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready': {
      const state = message.state as Record<string, unknown> | undefined;
      if (state && typeof state === 'object' && isDashboardRange(state.range) && isTab(state.tab)) return { type: 'ready', state: { range: state.range, tab: state.tab } };
      return { type: 'ready' };
    }
    case 'setRange':
      return isDashboardRange(message.range) ? { type: 'setRange', range: message.range } : undefined;
    case 'showTab':
      return isTab(message.tab) ? { type: 'showTab', tab: message.tab } : undefined;
    case 'exportFocusBlocks':
    case 'copySummary':
    case 'exportData':
      return { type: message.type };
    case 'openSettings':
      return typeof message.query === 'string' && /^handsOn\.[\w.]+$/.test(message.query) ? { type: 'openSettings', query: message.query } : undefined;
    case 'rendered':
      return typeof message.ms === 'number' && Number.isFinite(message.ms) && typeof message.seq === 'number' ? { type: 'rendered', ms: message.ms, seq: message.seq } : undefined;
    default:
      return undefined;
  }
}
