import type * as vscode from 'vscode';
import type { BalanceInputs } from '../core/dashboard/inputs';
import type { Settings } from '../core/settings/settings';
import type { Interval } from '../core/time/interval';

/** What the dashboard needs from the rest of the extension: its figures' inputs, and a signal when they change. */
export interface DashboardDataSource {
  /** Journal, calendars and settings for `range` (the host's clock decides `now`). */
  load(range: Interval): Promise<BalanceInputs>;
  /** Fires on new activity, a calendar refresh or a settings change. */
  readonly onDidChange: vscode.Event<void>;
  /**
   * Optional: the current clock, zone and settings without loading anything, so the panel can work out which span
   * to load. Without it the panel asks `load` for an empty span first and reads them from the answer.
   */
  context?(): { now: number; zone: string; settings: Settings };
}

/** The clock, zone and settings a load will use. */
export async function sourceContext(source: DashboardDataSource): Promise<{ now: number; zone: string; settings: Settings }> {
  if (source.context) return source.context();
  const now = Date.now();
  const probe = await source.load({ start: now, end: now });
  return { now: probe.now, zone: probe.zone, settings: probe.settings };
}
