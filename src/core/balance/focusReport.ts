// Focus truth: what the calendar left (free time, focus blocks, fragments), what the user did with it (block use,
// re-entry after meetings) and what each meeting series cost. The one implementation behind the status bar
// tooltip, the nudges, the dashboard's Focus tab, the weekly summary and `hands-on report --json`.
import { breakIntervals } from '../calendar/meetingTime';
import type { Occurrence } from '../calendar/types';
import type { Settings } from '../settings/settings';
import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, union, type Interval } from '../time/interval';
import { localDateOf, localDayIntervals, type LocalDate } from '../time/localDays';
import { blocksOf, busyTime, workingRules } from './focusBlocks';
import { workingIntervalOfDate } from './workingTime';

export interface FocusInput {
  /** Coding time: sorted, disjoint union. */
  readonly coding: readonly Interval[];
  /** Every calendar occurrence with its verdict: counted ones are meetings, `isBreak` ones are breaks. */
  readonly occurrences: readonly Occurrence[];
  readonly now: number;
  readonly zone: string;
  readonly settings: Pick<Settings, 'workDays' | 'workHours' | 'focusBlockMinutes'>;
  readonly daysOff: readonly LocalDate[];
}

export interface FocusBlockUse extends Interval {
  /** Coding inside the block up to now. */
  readonly codingMinutes: number;
  /** At least half of the block was coding. */
  readonly used: boolean;
  /** Starts at or after now: nothing of it counts yet. */
  readonly ahead: boolean;
}

/** One local day of the range, every figure inside working time, in minutes. */
export interface FocusDay {
  readonly date: LocalDate;
  readonly workingMinutes: number;
  readonly meetingMinutes: number;
  /** Breaks not under a meeting. */
  readonly breakMinutes: number;
  readonly focusMinutes: number;
  /** The part of the day's focus blocks before now that was coding. */
  readonly focusCodedMinutes: number;
  /** The part of the day's focus blocks before now that was not. */
  readonly focusUncodedMinutes: number;
  /** The part of the day's focus blocks from now on. */
  readonly focusAheadMinutes: number;
  readonly fragmentedMinutes: number;
}

export interface Reentry {
  /** Undefined without samples. */
  readonly medianMinutes: number | undefined;
  readonly samples: number;
  /** Meetings after which no coding came before the next meeting or the end of the working day. */
  readonly noReturn: number;
}

export interface MeetingSeriesCost {
  readonly title: string;
  readonly occurrences: number;
  readonly minutes: number;
  readonly focusCostMinutes: number;
}

export interface FocusReport {
  readonly range: Interval;
  readonly now: number;
  readonly blockMinutes: number;
  /** Free time: working time minus meetings and breaks. */
  readonly freeMinutes: number;
  readonly focusMinutes: number;
  readonly fragmentedMinutes: number;
  readonly blocks: readonly FocusBlockUse[];
  /** Blocks that started before now. */
  readonly pastBlocks: number;
  readonly usedBlocks: number;
  readonly reentry: Reentry;
  readonly days: readonly FocusDay[];
  /** Meeting series ordered by focus cost, then minutes, then title. */
  readonly series: readonly MeetingSeriesCost[];
}

const minutes = (ms: number) => ms / MINUTE_MS;

function meetingsOf(input: Pick<FocusInput, 'occurrences'>): Occurrence[] {
  return input.occurrences.filter((o) => o.counted && !o.allDay && o.end > o.start);
}

interface WorkingDay {
  date: LocalDate;
  /** The day's working time, whole. */
  full: Interval | undefined;
  /** The same clipped to the range. */
  working: Interval | undefined;
}

/** What every focus figure of one range is computed from, prepared once. */
interface Prepared {
  readonly input: FocusInput;
  readonly range: Interval;
  readonly days: readonly WorkingDay[];
  /** Counted meetings overlapping the range. */
  readonly meetings: readonly Occurrence[];
  /** Breaks, united. */
  readonly breaks: readonly Interval[];
  /** Coding in the range up to now. */
  readonly past: readonly Interval[];
  readonly minimumMs: number;
}

/**
 * The inputs cut to what `range` needs (occurrences that overlap it, coding inside it: a year of history stays
 * cheap) and each local day of the range with its working time (DST days are 23 or 25 hours long).
 */
function prepare(all: FocusInput, range: Interval): Prepared {
  const input: FocusInput = { ...all, occurrences: all.occurrences.filter((o) => o.end > range.start && o.start < range.end), coding: clip(all.coding, range) };
  const rules = workingRules(input);
  const days =
    range.end <= range.start
      ? []
      : localDayIntervals(localDateOf(range.start, input.zone), localDateOf(range.end - 1, input.zone), input.zone).map(({ date }) => {
          const full = workingIntervalOfDate(date, input.zone, rules);
          return { date, full, working: full ? clip([full], range)[0] : undefined };
        });
  return {
    input,
    range,
    days,
    meetings: meetingsOf(input),
    breaks: breakIntervals(input.occurrences),
    past: clip(input.coding, { start: range.start, end: Math.min(range.end, input.now) }),
    minimumMs: input.settings.focusBlockMinutes * MINUTE_MS,
  };
}

/** Minutes of `spans` (sorted, disjoint) inside `window`. */
function within(spans: readonly Interval[], window: Interval): number {
  return minutes(durationMs(clip(spans, window)));
}

function blockUseOf(p: Prepared): FocusBlockUse[] {
  const busy = busyTime({ meetings: p.meetings, breaks: p.breaks });
  const now = p.input.now;
  return p.days.flatMap(({ working }) =>
    working
      ? blocksOf(working, busy, p.minimumMs).map((block) => {
          const codingMinutes = within(p.past, block);
          return { ...block, codingMinutes, used: codingMinutes * 2 >= minutes(block.end - block.start), ahead: block.start >= now };
        })
      : [],
  );
}

/** Coding minutes in each focus block of `range`, and whether the block was used. */
export function focusBlockUse(input: FocusInput, range: Interval): FocusBlockUse[] {
  return blockUseOf(prepare(input, range));
}

/** Minutes of `blocks` still ahead between now and `until`: what is left of a block under way counts too. */
export function focusMinutesLeft(blocks: readonly Interval[], now: number, until: number): number {
  return within(union(blocks), { start: now, end: until });
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function reentryOf(p: Prepared): Reentry {
  const { now, coding } = p.input;
  const meetings = union(p.meetings);
  const workdays = p.days.flatMap((day) => (day.full ? [day.full] : []));
  const samples: number[] = [];
  let noReturn = 0;
  let c = 0;
  let w = 0;
  meetings.forEach((meeting, i) => {
    const end = meeting.end;
    if (end > now || end <= p.range.start || end > p.range.end) return;
    // Meetings come sorted by their end: the working day that holds it is at or after the last one found.
    while (w < workdays.length && workdays[w]!.end <= end) w++;
    const working = workdays[w];
    if (!working || end < working.start) return;
    const limit = Math.min(meetings[i + 1]?.start ?? Infinity, working.end);
    while (c < coding.length && coding[c]!.end <= end) c++;
    const next = coding[c];
    const back = next ? Math.max(next.start, end) : Infinity;
    if (back < limit && back <= now) samples.push(minutes(back - end));
    else if (limit <= now) noReturn++;
  });
  return { medianMinutes: median(samples), samples: samples.length, noReturn };
}

/**
 * After each counted meeting (back-to-back and overlapping meetings are one) that ended before now and inside
 * working time within `range`: the minutes until the next coding, when it came before the next meeting and the end
 * of the working day; otherwise a "no return". A meeting whose window is still open now is not judged yet.
 */
export function reentry(input: FocusInput, range: Interval): Reentry {
  return reentryOf(prepare(input, range));
}

/** Focus-block minutes of one span of working time with `meetings` and `breaks` busy. */
function focusMinutesOf(working: Interval, meetings: readonly Interval[], breaks: readonly Interval[], minimumMs: number): number {
  return minutes(durationMs(blocksOf(working, busyTime({ meetings, breaks }), minimumMs)));
}

/**
 * Occurrences grouped into series: one UID with several occurrences is a recurring series; other meetings group by
 * title (case and surrounding spaces ignored) and join a recurring series of the same title.
 */
function seriesKeys(meetings: readonly Occurrence[]): Map<Occurrence, string> {
  const perUid = new Map<string, number>();
  for (const m of meetings) perUid.set(m.uid, (perUid.get(m.uid) ?? 0) + 1);
  const titleKey = (m: Occurrence) => `title:${m.title.trim().toLowerCase()}`;
  const recurringByTitle = new Map<string, string>();
  for (const m of meetings) if ((perUid.get(m.uid) ?? 0) > 1 && !recurringByTitle.has(titleKey(m))) recurringByTitle.set(titleKey(m), `uid:${m.uid}`);
  const keys = new Map<Occurrence, string>();
  for (const m of meetings) keys.set(m, (perUid.get(m.uid) ?? 0) > 1 ? `uid:${m.uid}` : (recurringByTitle.get(titleKey(m)) ?? titleKey(m)));
  return keys;
}

function seriesCostsOf(p: Prepared): MeetingSeriesCost[] {
  const { meetings, breaks, minimumMs } = p;
  const keys = seriesKeys(meetings);
  const totals = new Map<string, { title: string; first: number; occurrences: number; minutes: number; focusCostMinutes: number }>();
  for (const meeting of meetings) {
    const key = keys.get(meeting)!;
    const entry = totals.get(key) ?? { title: meeting.title, first: meeting.start, occurrences: 0, minutes: 0, focusCostMinutes: 0 };
    if (meeting.start < entry.first) Object.assign(entry, { title: meeting.title, first: meeting.start });
    entry.occurrences++;
    entry.minutes += within([meeting], p.range);
    totals.set(key, entry);
  }
  for (const { working } of p.days) {
    if (!working) continue;
    const today = meetings.filter((m) => m.end > working.start && m.start < working.end);
    const breaksToday = clip(breaks, working);
    const withAll = focusMinutesOf(working, today, breaksToday, minimumMs);
    for (const meeting of today) {
      totals.get(keys.get(meeting)!)!.focusCostMinutes += focusMinutesOf(working, today.filter((m) => m !== meeting), breaksToday, minimumMs) - withAll;
    }
  }
  return [...totals.values()]
    .map(({ title, occurrences, minutes: m, focusCostMinutes }) => ({ title, occurrences, minutes: m, focusCostMinutes }))
    .sort((a, b) => b.focusCostMinutes - a.focusCostMinutes || b.minutes - a.minutes || a.title.localeCompare(b.title));
}

/**
 * What each meeting series cost in `range`: for every occurrence, the focus-block minutes of its working day without
 * it minus with it (everything else on the calendar stays), summed per series with its occurrences and minutes.
 * The whole range counts, the part ahead included: it is the calendar's cost.
 */
export function meetingSeriesCosts(input: FocusInput, range: Interval): MeetingSeriesCost[] {
  return seriesCostsOf(prepare(input, range));
}

/** Every focus figure of `range`, from one set of inputs. */
export function focusReport(all: FocusInput, range: Interval): FocusReport {
  const p = prepare(all, range);
  const { input, past } = p;
  const meetings = union(p.meetings);
  const busy = busyTime({ meetings, breaks: p.breaks });
  const blocks = blockUseOf(p);
  const days: FocusDay[] = p.days.map(({ date, working }) => {
    if (!working) return { date, workingMinutes: 0, meetingMinutes: 0, breakMinutes: 0, focusMinutes: 0, focusCodedMinutes: 0, focusUncodedMinutes: 0, focusAheadMinutes: 0, fragmentedMinutes: 0 };
    const mine = clip(blocks, working);
    const focusMinutes = minutes(durationMs(mine));
    const focusCodedMinutes = minutes(mine.reduce((sum, block) => sum + durationMs(clip(past, block)), 0));
    const focusAheadMinutes = minutes(mine.reduce((sum, block) => sum + Math.max(0, block.end - Math.max(block.start, input.now)), 0));
    const meetingMinutes = within(meetings, working);
    const busyMinutes = within(busy, working);
    const workingMinutes = minutes(working.end - working.start);
    return {
      date,
      workingMinutes,
      meetingMinutes,
      breakMinutes: busyMinutes - meetingMinutes,
      focusMinutes,
      focusCodedMinutes,
      focusUncodedMinutes: focusMinutes - focusCodedMinutes - focusAheadMinutes,
      focusAheadMinutes,
      fragmentedMinutes: workingMinutes - busyMinutes - focusMinutes,
    };
  });
  const sum = (pick: (d: FocusDay) => number) => days.reduce((total, day) => total + pick(day), 0);
  const started = blocks.filter((b) => !b.ahead);
  return {
    range,
    now: input.now,
    blockMinutes: input.settings.focusBlockMinutes,
    freeMinutes: sum((d) => d.focusMinutes + d.fragmentedMinutes),
    focusMinutes: sum((d) => d.focusMinutes),
    fragmentedMinutes: sum((d) => d.fragmentedMinutes),
    blocks,
    pastBlocks: started.length,
    usedBlocks: started.filter((b) => b.used).length,
    reentry: reentryOf(p),
    days,
    series: seriesCostsOf(p),
  };
}
