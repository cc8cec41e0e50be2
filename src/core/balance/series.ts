import { minutesIn } from '../activity/handsAndAgents';
import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, intersect, union, type Interval } from '../time/interval';
import { localDateOf, localDatesBetween, localDayInterval, type LocalDate } from '../time/localDays';
import type { WeekStart } from '../settings/settings';
import { handsOnShare } from './computeBalance';
import { weeksRange } from './periods';

export interface DayFigures {
  readonly date: LocalDate;
  readonly codingMinutes: number;
  /** Agent time of the day (in `codingMinutes` too when `handsOn.agentTime` is "hands-on"). */
  readonly agentMinutes: number;
  /** `agentMinutes` by agent name (only agents with time that day). */
  readonly agents: Readonly<Record<string, number>>;
  readonly meetingMinutes: number;
  readonly overlapMinutes: number;
  /** `handsOnShare` of the day; undefined for a day with neither coding nor meetings. */
  readonly handsOnPercent: number | undefined;
}

export interface WeekFigures {
  /** First local date of the week. */
  readonly weekStart: LocalDate;
  readonly start: number;
  readonly end: number;
  readonly codingMinutes: number;
  readonly meetingMinutes: number;
  readonly overlapMinutes: number;
  /** Undefined for a week with neither coding nor meetings, so a chart shows a gap rather than 0 %. */
  readonly handsOnPercent: number | undefined;
}

interface SeriesInput {
  readonly coding: readonly Interval[];
  /** Agent time, when the caller shows it per day. */
  readonly agent?: readonly Interval[];
  /** Agent time by agent name, when the caller shows who. */
  readonly agentByName?: Readonly<Record<string, readonly Interval[]>>;
  readonly meetings: readonly Interval[];
  readonly now: number;
  readonly zone: string;
}

function figures(coding: readonly Interval[], meetings: readonly Interval[], window: Interval) {
  const c = clip(coding, window);
  const m = clip(meetings, window);
  const codingMinutes = durationMs(c) / MINUTE_MS;
  const meetingMinutes = durationMs(m) / MINUTE_MS;
  return { codingMinutes, meetingMinutes, overlapMinutes: durationMs(intersect(c, m)) / MINUTE_MS, handsOnPercent: handsOnShare(codingMinutes, meetingMinutes) };
}

/** Counted coding and meeting minutes per local day of `range` (meetings only up to `now`, like the balance). */
export function dailySeries(input: SeriesInput, range: Interval): DayFigures[] {
  if (range.end <= range.start) return [];
  const coding = union(clip(input.coding, { start: range.start, end: input.now }));
  const meetings = union(clip(input.meetings, { start: range.start, end: input.now }));
  const agent = union(clip(input.agent ?? [], { start: range.start, end: input.now }));
  return localDatesBetween(localDateOf(range.start, input.zone), localDateOf(range.end - 1, input.zone)).map((date) => {
    const day = clip([localDayInterval(date, input.zone)], range)[0] ?? { start: 0, end: 0 };
    const agents = input.agentByName ? minutesIn(input.agentByName, { start: day.start, end: Math.min(day.end, input.now) }) : {};
    return { date, ...figures(coding, meetings, day), agentMinutes: durationMs(clip(agent, day)) / MINUTE_MS, agents };
  });
}

/** The hands-on share of each of the last `weeks` local weeks, oldest first, the current (partial) week last. */
export function weeklySeries(input: SeriesInput, weekStartsOn: WeekStart, weeks = 12): WeekFigures[] {
  const all = weeksRange(input.now, input.zone, weekStartsOn, weeks);
  const coding = union(clip(input.coding, { start: all.start, end: input.now }));
  const meetings = union(clip(input.meetings, { start: all.start, end: input.now }));
  const result: WeekFigures[] = [];
  for (let offset = weeks - 1; offset >= 0; offset--) {
    const week = weeksRange(input.now, input.zone, weekStartsOn, 1, offset);
    result.push({ weekStart: localDateOf(week.start, input.zone), start: week.start, end: week.end, ...figures(coding, meetings, week) });
  }
  return result;
}
