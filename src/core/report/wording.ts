import type { Balance } from '../balance/computeBalance';
import type { PeriodKind } from '../settings/settings';
import type { Interval } from '../time/interval';
import { formatInZone } from './zoned';

interface PeriodWords {
  /** A column title: `This week`. */
  readonly title: string;
  /** In a sentence: `… hands-on this week`. */
  readonly phrase: string;
  /** The period before, in a sentence: `; last week 75%`. */
  readonly previous: string;
}

/** How each `handsOn.period` reads, the same in the status bar, the nudges, the summary and the CLI. */
export const PERIOD_WORDS: Readonly<Record<PeriodKind, PeriodWords>> = {
  day: { title: 'Today', phrase: 'today', previous: 'yesterday' },
  week: { title: 'This week', phrase: 'this week', previous: 'last week' },
  rolling7: { title: 'Last 7 days', phrase: 'in the last 7 days', previous: 'the 7 days before' },
};

export const TARGET_WORDS = { on: 'on target', below: 'below target', noData: 'no data yet' } as const;

/** `on target`, `below target`, or `no data yet` when there is nothing to divide and no pace is missed. */
export function targetStatusText(balance: Pick<Balance, 'handsOnPercent' | 'belowTarget'>): string {
  if (balance.handsOnPercent === undefined && !balance.belowTarget) return TARGET_WORDS.noData;
  return balance.belowTarget ? TARGET_WORDS.below : TARGET_WORDS.on;
}

/** The title of a summary of `period`: `Hands-on time, week of Mon 23 Mar 2026`. A rolling period is named by its end. */
export function periodHeading(kind: PeriodKind, period: Interval, asOf: number, zone: string): string {
  const firstDay = formatInZone(period.start, zone, 'EEE d MMM yyyy');
  switch (kind) {
    case 'day':
      return `Hands-on time, ${firstDay}`;
    case 'week':
      return `Hands-on time, week of ${firstDay}`;
    case 'rolling7':
      return `Hands-on time, last 7 days to ${formatInZone(asOf, zone, 'EEE d MMM yyyy HH:mm')}`;
  }
}
