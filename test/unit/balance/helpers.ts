import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { at, span } from '../../builders/time';

export { at, span };

export function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

export const HOUR = 3_600_000;
