import { MINUTE_MS } from '../time/clock';
import { gaps, union, type Interval } from '../time/interval';
import { localDateOf, localDayInterval } from '../time/localDays';
import type { Settings } from '../settings/settings';
import { weekRange } from './periods';
import { workingIntervals, type WorkingTimeRules } from './workingTime';

export interface FocusBlockInput {
  /** Counted meetings, past and future. */
  readonly meetings: readonly Interval[];
  /** Breaks (lunch, out of office; see `breakIntervals`): busy, though not meetings. */
  readonly breaks: readonly Interval[];
  readonly zone: string;
  readonly settings: Pick<Settings, 'workDays' | 'workHours' | 'focusBlockMinutes' | 'weekStartsOn'>;
  readonly daysOff?: readonly string[];
}

export function workingRules(input: { readonly settings: Pick<Settings, 'workDays' | 'workHours'>; readonly daysOff?: readonly string[] }): WorkingTimeRules {
  return { workDays: input.settings.workDays, workHours: input.settings.workHours, daysOff: input.daysOff ?? [] };
}

/** What is not free: counted meetings and breaks, united. */
export function busyTime(input: Pick<FocusBlockInput, 'meetings' | 'breaks'>): Interval[] {
  return union([...input.meetings, ...input.breaks]);
}

/** The free stretches of one span of working time that are long enough to be focus blocks; `busy` sorted and disjoint. */
export function blocksOf(working: Interval, busy: readonly Interval[], minimumMs: number): Interval[] {
  return gaps(busy, working).filter((free) => free.end - free.start >= minimumMs);
}

/**
 * Free stretches of at least `focusBlockMinutes` inside working time (never across the end of a working day)
 * that no counted meeting or break touches, within `range`. Sorted.
 */
export function focusBlocksIn(range: Interval, input: FocusBlockInput): Interval[] {
  const busy = busyTime(input);
  const minimum = input.settings.focusBlockMinutes * MINUTE_MS;
  return workingIntervals(range, input.zone, workingRules(input)).flatMap((working) => blocksOf(working, busy, minimum));
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
