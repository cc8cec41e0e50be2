import type { Occurrence, Reason } from '../../../src/core/calendar/types';
import type { BalanceInputs } from '../../../src/core/balance/balanceInputs';
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
