import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCalendar } from '../../../src/core/calendar/readCalendar';
import type { CalendarVerdicts, MeetingRules } from '../../../src/core/calendar/types';
import { DEFAULT_RULES } from '../../../src/core/calendar/types';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/calendar');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export const MARCH_WEEK = { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 2, 11) };

export function read(name: string, rules: Partial<MeetingRules> = {}, zone = 'UTC', window = MARCH_WEEK): CalendarVerdicts {
  return readCalendar(fixture(name), { ...window, zone, rules: { ...DEFAULT_RULES, ...rules } });
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000', '');
}

export function byTitle(result: CalendarVerdicts, title: string) {
  return result.occurrences.filter((o) => o.title === title);
}
