import { MINUTE_MS } from '../time/clock';
import { gaps, union, type Interval } from '../time/interval';
import { localDateOf, localDayInterval } from '../time/localDays';
import type { Settings } from '../settings/settings';
import { weekRange } from './periods';
import { workingIntervals, type WorkingTimeRules } from './workingTime';

export interface FocusBlockInput {
  /** Counted meetings, past and future. */
  readonly meetings: readonly Interval[];
  readonly zone: string;
  readonly settings: Pick<Settings, 'workDays' | 'workHours' | 'focusBlockMinutes' | 'weekStartsOn'>;
  readonly daysOff?: readonly string[];
}

/**
 * Free stretches of at least `focusBlockMinutes` inside working time (never across the end of a working day)
 * that no counted meeting touches, within `range`. Sorted.
 */
export function focusBlocksIn(range: Interval, input: FocusBlockInput): Interval[] {
  const rules: WorkingTimeRules = { workDays: input.settings.workDays, workHours: input.settings.workHours, daysOff: input.daysOff ?? [] };
  const busy = union(input.meetings);
  const minimum = input.settings.focusBlockMinutes * MINUTE_MS;
  const blocks: Interval[] = [];
  for (const working of workingIntervals(range, input.zone, rules)) {
    for (const free of gaps(busy, working)) if (free.end - free.start >= minimum) blocks.push(free);
  }
  return blocks;
}

/** From now to the end of the current local week: what the nudge and the dashboard offer. */
export function focusBlocksRestOfWeek(now: number, input: FocusBlockInput): Interval[] {
  return focusBlocksIn({ start: now, end: weekRange(now, input.zone, input.settings.weekStartsOn).end }, input);
}

/** From now to the next local midnight: the status bar tooltip's "next free block today". */
export function focusBlocksRestOfToday(now: number, input: FocusBlockInput): Interval[] {
  return focusBlocksIn({ start: now, end: localDayInterval(localDateOf(now, input.zone), input.zone).end }, input);
}

/** The whole of today, past included, for the dashboard's timeline (blocks that already passed were free, too). */
export function focusBlocksToday(now: number, input: FocusBlockInput): Interval[] {
  return focusBlocksIn(localDayInterval(localDateOf(now, input.zone), input.zone), input);
}
