import type * as vscode from 'vscode';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import type { Settings } from '../core/settings/settings';
import type { Interval } from '../core/time/interval';

/** What the dashboard needs from the rest of the extension: its figures' inputs, and a signal when they change. */
export interface DashboardDataSource {
  /**
   * Journal, calendars and settings for `range` (the host's clock decides `now`), read once. With `breakdownRange`
   * (inside `range`), coding by workspace and language covers that span; without it there is none. `breakdownRange`
   * in the result says which span it does cover. With `skillsRange`, `skills` holds the skills history over that span.
   */
  load(range: Interval, breakdownRange?: Interval, skillsRange?: Interval): Promise<BalanceInputs>;
  /** Fires on new activity, a calendar refresh or a settings change. */
  readonly onDidChange: vscode.Event<void>;
  /** The current clock, zone and settings, so the panel can work out which span to load. */
  context(): { now: number; zone: string; settings: Settings };
}
