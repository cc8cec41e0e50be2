import type { BalanceInputs } from '../../src/core/balance/balanceInputs';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';

/**
 * BalanceInputs holding only what a test gives: the instant, zone and range it reads, and otherwise no coding, no
 * meetings, no sources and the default settings. The one place a test builds them, so a new field is added once.
 */
export function balanceInputs(fields: Pick<BalanceInputs, 'now' | 'zone' | 'range'> & Partial<BalanceInputs>): BalanceInputs {
  return {
    settings: DEFAULT_SETTINGS,
    coding: [],
    codingMinutesByWorkspace: {},
    codingMinutesByLanguage: {},
    codingMinutesBySource: {},
    occurrences: [],
    daysOff: [],
    sources: [],
    ...fields,
  };
}
