import { HOUR_MS, MINUTE_MS } from '../time/clock';
import { clip, durationMs, intersect, union, type Interval } from '../time/interval';
import type { LocalDate } from '../time/localDays';
import type { Settings } from '../settings/settings';
import { standardWeekWorkingMs, workingMs } from './workingTime';

export interface BalanceInput {
  /** Coding spans (any order, may overlap: they are united here). */
  readonly coding: readonly Interval[];
  /** Counted meetings, already filtered by the calendar rules; future ones are allowed and not counted. */
  readonly meetings: readonly Interval[];
  readonly period: Interval;
  readonly now: number;
  readonly settings: Pick<Settings, 'targetPercent' | 'minCodingHoursPerWeek' | 'workDays' | 'workHours'>;
  readonly zone: string;
  readonly daysOff?: readonly LocalDate[];
}

export type BelowTargetReason = 'share' | 'pace';

export interface Balance {
  readonly period: Interval;
  readonly zone: string;
  /** When the figures were computed; counted time ends here. */
  readonly asOf: number;
  readonly codingMinutes: number;
  readonly meetingMinutes: number;
  /** Coding during counted meetings; it is included in both figures above. */
  readonly overlapMinutes: number;
  /** coding / (coding + meetings) × 100; undefined when both are zero. */
  readonly handsOnPercent: number | undefined;
  readonly targetPercent: number;
  /** Coding minutes the weekly minimum asks for by now (see `requiredCodingMs`); undefined when the minimum is off. */
  readonly requiredCodingMinutes: number | undefined;
  readonly belowTarget: boolean;
  readonly belowTargetBecause: readonly BelowTargetReason[];
}

/**
 * The linear pace toward `minCodingHoursPerWeek`: every minute of working time (work days × work hours in the
 * zone, days off excluded) that has elapsed in the period up to `now` asks for minimum / (working minutes of a
 * standard week) minutes of coding. So at the end of a full working week the whole minimum is due, halfway through
 * Wednesday of a Mon–Fri week half of it, outside working hours the requirement stands still, and a day off
 * lowers it. The same rule applies to `day` and `rolling7` periods (a day asks for its share of the week).
 */
export function requiredCodingMs(input: BalanceInput): number | undefined {
  const { settings } = input;
  if (settings.minCodingHoursPerWeek <= 0) return undefined;
  const rules = { workDays: settings.workDays, workHours: settings.workHours, daysOff: input.daysOff ?? [] };
  const weekMs = standardWeekWorkingMs(rules);
  if (weekMs <= 0) return undefined;
  const elapsed = workingMs({ start: input.period.start, end: Math.min(input.period.end, input.now) }, input.zone, rules);
  return (settings.minCodingHoursPerWeek * HOUR_MS * elapsed) / weekMs;
}

/** The hands-on share: coding / (coding + meetings) × 100, in any one unit; undefined when both are zero. */
export function handsOnShare(coding: number, meetings: number): number | undefined {
  const total = coding + meetings;
  return total > 0 ? (coding / total) * 100 : undefined;
}

/** The one computation behind the status bar, the nudges, the dashboard and the CLI. */
export function computeBalance(input: BalanceInput): Balance {
  const counted: Interval = { start: input.period.start, end: Math.max(input.period.start, Math.min(input.period.end, input.now)) };
  const coding = union(clip(input.coding, counted));
  const meetings = union(clip(input.meetings, counted));
  const codingMs = durationMs(coding);
  const meetingMs = durationMs(meetings);
  const overlapMs = durationMs(intersect(coding, meetings));
  const handsOnPercent = handsOnShare(codingMs, meetingMs);
  const targetPercent = input.settings.targetPercent;
  const required = requiredCodingMs(input);
  const because: BelowTargetReason[] = [];
  if (handsOnPercent !== undefined && handsOnPercent < targetPercent) because.push('share');
  if (required !== undefined && codingMs < required) because.push('pace');
  return {
    period: { start: input.period.start, end: input.period.end },
    zone: input.zone,
    asOf: input.now,
    codingMinutes: codingMs / MINUTE_MS,
    meetingMinutes: meetingMs / MINUTE_MS,
    overlapMinutes: overlapMs / MINUTE_MS,
    handsOnPercent,
    targetPercent,
    requiredCodingMinutes: required === undefined ? undefined : required / MINUTE_MS,
    belowTarget: because.length > 0,
    belowTargetBecause: because,
  };
}
