import type { Occurrence, Reason } from '../../../src/core/calendar/types';
import type { BalanceInputs } from '../../../src/core/balance/balanceInputs';
import type { DashboardRange } from '../../../src/core/balance/dashboardRanges';
import type { DashboardHeaderModel } from '../../../src/core/dashboard/model';
import { TAB_BUILDERS, type DashboardTab, type TabModels } from '../../../src/core/dashboard/tabs/registry';
import { buildDashboardViewModel } from '../../../src/core/dashboard/viewModel';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { balanceInputs } from '../../builders/balanceInputs';
import { at, span } from '../../builders/time';

export { at, span };

export const BERLIN = 'Europe/Berlin';

export function occurrence(title: string, startIso: string, endIso: string, reason: Reason = 'counted', extra: Partial<Occurrence> = {}): Occurrence {
  return { ...span(startIso, endIso), title, uid: `${title}-${startIso}`, allDay: false, counted: reason === 'counted', reason, ...extra };
}

/** Inputs for a dashboard render, Berlin time, defaults unless overridden. */
export function inputs(overrides: Partial<Omit<BalanceInputs, 'settings'>> & { settings?: Partial<Settings> } = {}): BalanceInputs {
  const { settings, ...rest } = overrides;
  return balanceInputs({
    now: at('2026-03-25T16:00:00+01:00'),
    zone: BERLIN,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    range: span('2025-09-01T00:00:00+02:00', '2026-03-30T00:00:00+02:00'),
    ...rest,
  });
}

/** The model `buildDashboardViewModel` builds for `tab`: what the dashboard posts while that tab is shown. */
export function tabModel<K extends DashboardTab>(data: BalanceInputs, range: DashboardRange, tab: K): TabModels[K] {
  const shown = buildDashboardViewModel(data, range, tab).tab;
  if (shown.id !== tab) throw new Error(`asked for the ${tab} tab, got ${shown.id}`);
  return shown.model as TabModels[K];
}

/** The dashboard for `range`: its header, and each tab built (alone, as the host builds it) when a test reads it. */
export function dashboardView(data: BalanceInputs, range: DashboardRange): DashboardHeaderModel & { readonly [K in DashboardTab]: TabModels[K] } {
  const header = buildDashboardViewModel(data, range, 'meetings').header;
  const view = { ...header } as DashboardHeaderModel & { [K in DashboardTab]: TabModels[K] };
  for (const tab of Object.keys(TAB_BUILDERS) as DashboardTab[]) Object.defineProperty(view, tab, { get: () => tabModel(data, range, tab), enumerable: false });
  return view;
}
