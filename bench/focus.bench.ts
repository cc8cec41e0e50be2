/**
 * Focus benchmarks (issue 10). Run: npx tsc -p tsconfig.test.json && node out/bench/focus.bench.js
 *   focus.week_report_ms           focusReport over the current week, from a year of coding and a real-sized calendar
 *   focus.last12weeks_report_ms    the same over the dashboard's longest range
 *   focus.dashboard_view_model_ms  the whole dashboard view-model for this week (the host's part of the render)
 * The calendar: 8 meetings and a lunch break every day of the year, ad-hoc calls on top, a year of coding twice a day.
 */
import { focusReport } from '../src/core/balance/focusReport';
import { weekRange, weeksRange } from '../src/core/balance/periods';
import type { Occurrence } from '../src/core/calendar/types';
import type { BalanceInputs } from '../src/core/balance/balanceInputs';
import { buildDashboardViewModel } from '../src/core/dashboard/viewModel';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../src/core/time/clock';
import type { Interval } from '../src/core/time/interval';
import { balanceInputs } from '../test/builders/balanceInputs';

const ZONE = 'Europe/Berlin';

function yearOfInputs(now: number): BalanceInputs {
  const coding: Interval[] = [];
  const occurrences: Occurrence[] = [];
  const first = Math.floor((now - 365 * DAY_MS) / DAY_MS) * DAY_MS;
  for (let day = first; day < now + 14 * DAY_MS; day += DAY_MS) {
    if (day + 15 * HOUR_MS < now) coding.push({ start: day + 8 * HOUR_MS, end: day + 10 * HOUR_MS }, { start: day + 13 * HOUR_MS, end: day + 14.5 * HOUR_MS });
    for (let i = 0; i < 8; i++) {
      const start = day + (7 + i) * HOUR_MS + (i % 3) * 10 * MINUTE_MS;
      occurrences.push({ start, end: start + 30 * MINUTE_MS, title: `Series ${i}`, uid: `series-${i}`, allDay: false, counted: true, reason: 'counted' });
    }
    occurrences.push({ start: day + 15.5 * HOUR_MS, end: day + 16 * HOUR_MS, title: 'Ad-hoc call', uid: `adhoc-${day}`, allDay: false, counted: true, reason: 'counted' });
    occurrences.push({ start: day + 11 * HOUR_MS, end: day + 12 * HOUR_MS, title: 'Lunch', uid: `lunch-${day}`, allDay: false, counted: false, reason: 'break' });
  }
  return balanceInputs({ now, zone: ZONE, range: { start: first, end: now + 14 * DAY_MS }, coding, occurrences });
}

function msPerRun(runs: number, work: () => unknown): number {
  work();
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) work();
  return Number(process.hrtime.bigint() - started) / 1e6 / runs;
}

export function focusBench(now = Date.UTC(2026, 10, 18, 14)): string[] {
  const inputs = yearOfInputs(now);
  const week = weekRange(now, ZONE, 'monday');
  const twelve = weeksRange(now, ZONE, 'monday', 12);
  return [
    `focus.week_report_ms ${msPerRun(20, () => focusReport(inputs, week)).toFixed(1)}`,
    `focus.last12weeks_report_ms ${msPerRun(5, () => focusReport(inputs, twelve)).toFixed(1)}`,
    `focus.dashboard_view_model_ms ${msPerRun(10, () => buildDashboardViewModel(inputs, 'thisWeek', 'focus')).toFixed(1)}`,
  ];
}

if (require.main === module) {
  for (const line of focusBench()) console.log(line);
}
