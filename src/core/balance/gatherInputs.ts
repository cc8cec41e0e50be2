import type { CharacterBucket } from '../activity/characterCounts';
import { manualOccurrences } from '../calendar/manualMeetings';
import { meetingIntervals } from '../calendar/meetingTime';
import { mergeCalendars, type CalendarPart } from '../calendar/mergeCalendars';
import type { Occurrence } from '../calendar/types';
import { agentTimeCounts, type AgentTimeMode, type Settings } from '../settings/settings';
import { union, type Interval } from '../time/interval';
import { localDateOf, type LocalDate } from '../time/localDays';
import type { BalanceInputs, SourceStatus } from './balanceInputs';

/** What the journal holds for the span, as the journal reader returns it. */
export interface JournalPart {
  /** Hands-on time: sorted, disjoint. */
  readonly union: Interval[];
  /** Agent time, never overlapping `union`. */
  readonly agent: Interval[];
  /** `agent` by agent name. */
  readonly agentByName: Readonly<Record<string, Interval[]>>;
  readonly characters: CharacterBucket[];
  readonly minutesByWorkspace: Record<string, number>;
  readonly minutesByLanguage: Record<string, number>;
  readonly minutesBySource: Record<string, number>;
  /** Meetings the user logged. */
  readonly meetings: readonly (Interval & { note?: string })[];
}

export interface InputParts {
  readonly now: number;
  readonly zone: string;
  readonly settings: Settings;
  /** The span the inputs cover. */
  readonly range: Interval;
  /** The span the journal's workspace and language minutes cover, inside `range`; absent when they were not asked for. */
  readonly breakdownRange?: Interval;
  readonly journal: JournalPart;
  /** Each source's verdicts, read for any window that holds the span, in any order: they are merged by time. */
  readonly calendars: readonly CalendarPart[];
  readonly sources: SourceStatus[];
  /** A meeting the user says is going on ("I'm in a Meeting Now"), from its start to now: it counts like a logged one. */
  readonly ongoing?: Interval;
}

/** What counts as coding under `handsOn.agentTime`: hands-on time alone, or with agent time. */
export function codingTime(handsOn: readonly Interval[], agent: readonly Interval[], agentTime: AgentTimeMode): Interval[] {
  return agentTimeCounts(agentTime) && agent.length > 0 ? union([...handsOn, ...agent]) : [...handsOn];
}

/**
 * The one way the inputs of every figure are put together from what was read: the extension host (from its journal
 * reader and its live calendars) and `hands-on report` (from the same files, read once) both call it, so the status
 * bar and the report agree. Calendars may have been read for a wider window than `range`; what lies outside is dropped.
 */
export function gatherBalanceInputs(parts: InputParts): BalanceInputs {
  const { now, zone, settings, range, journal } = parts;
  const calendar = calendarIn(parts.calendars, range, zone);
  return {
    now,
    zone,
    settings,
    range,
    coding: codingTime(journal.union, journal.agent, settings.agentTime),
    agent: journal.agent,
    agentByName: journal.agentByName,
    characters: journal.characters,
    breakdownRange: parts.breakdownRange,
    codingMinutesByWorkspace: journal.minutesByWorkspace,
    codingMinutesByLanguage: journal.minutesByLanguage,
    codingMinutesBySource: journal.minutesBySource,
    occurrences: [...calendar.occurrences, ...manualOccurrences(loggedMeetings(journal.meetings, parts.ongoing))],
    daysOff: calendar.daysOff,
    sources: parts.sources,
  };
}

function loggedMeetings(logged: readonly (Interval & { note?: string })[], ongoing: Interval | undefined): (Interval & { note?: string })[] {
  return ongoing ? [...logged, ongoing] : [...logged];
}

/**
 * Counted meeting time over `range`, exactly as gatherBalanceInputs puts the meetings together for the balance: the
 * calendars' counted occurrences and the logged meetings (and the one going on), overlapping ones once. For figures
 * that read a longer span than the balance's inputs (Skills' monthly share of a year).
 */
export function meetingTimeIn(calendars: readonly CalendarPart[], logged: readonly Interval[], range: Interval, zone: string, ongoing?: Interval): Interval[] {
  return meetingIntervals([...calendarIn(calendars, range, zone).occurrences, ...manualOccurrences(loggedMeetings(logged, ongoing))]);
}

/** Every source's occurrences overlapping `range`, ordered by time, and the days off among the local dates it touches. */
function calendarIn(calendars: readonly CalendarPart[], range: Interval, zone: string): { occurrences: Occurrence[]; daysOff: LocalDate[] } {
  const first = localDateOf(range.start, zone);
  const last = localDateOf(range.end - 1, zone);
  return mergeCalendars(
    calendars.map((c) => ({
      occurrences: c.occurrences.filter((o) => o.end > range.start && o.start < range.end),
      daysOff: c.daysOff.filter((day) => day >= first && day <= last),
    })),
  );
}
