import { CHARACTER_BUCKET_MS, charactersPer, latestBuckets, type CharacterCounts, type WriterBucket } from '../../core/activity/characterCounts';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import { MINUTE_MS } from '../../core/time/clock';
import { byStartThenEnd, clip, durationMs, gaps, intersect, union, type Interval } from '../../core/time/interval';
import { localDayIntervals, minutesPerDay, type DayTotal, type LocalDate } from '../../core/time/localDays';
import type { DecodedFiles } from './decodedFiles';
import { readStore, type UnreadableFile } from './journalReader';
import type { ManualMeeting } from './records';

export interface History {
  /** Hands-on coding time in the range: sorted, disjoint, counted once across windows and machines. */
  union: Interval[];
  /** Agent time in the range: when agent edits arrived and the user did nothing (never overlaps `union`). */
  agent: Interval[];
  /** Every writer's character counts of the quarter hours overlapping the range, each writer's quarter hour once, sorted (sum them with charactersPer). */
  characters: WriterBucket[];
  /** Minutes per workspace folder name over the breakdown range (spans recorded with a name only), each its own union. */
  minutesByWorkspace: Record<string, number>;
  minutesByLanguage: Record<string, number>;
  /** Logged meetings overlapping the range, exact duplicates removed (a retried write may repeat one). */
  meetings: ManualMeeting[];
  corruptLines: number;
  /** History files that exist but could not be read (permissions, I/O errors). */
  unreadableFiles: UnreadableFile[];
}

function minutesByKey(spans: readonly { start: number; end: number }[], keys: readonly (string | undefined)[], range: Interval): Record<string, number> {
  const groups = new Map<string, Interval[]>();
  spans.forEach((span, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  });
  const result: Record<string, number> = {};
  for (const [key, group] of groups) {
    const minutes = durationMs(clip(union(group), range)) / MINUTE_MS;
    if (minutes > 0) result[key] = minutes;
  }
  return result;
}

/**
 * Everything the store holds for the range, read once: coding time, logged meetings, and coding by workspace and
 * language over `breakdownRange` (a part of `range`; the whole range by default; none for null). With `cache`,
 * files unchanged since its last read are not read again.
 */
export async function readHistory(root: string, range: Interval, breakdownRange: Interval | null = range, cache?: DecodedFiles): Promise<History> {
  const store = await readStore(root, range, cache);
  const split = splitHandsOnAndAgent(store.spans, range);
  const coding = store.spans.filter((s) => s.agent === undefined);
  return {
    union: split.handsOn,
    agent: split.agent,
    characters: latestBuckets(store.characters).filter((b) => b.start + CHARACTER_BUCKET_MS > range.start && b.start < range.end),
    minutesByWorkspace: breakdownRange ? minutesByKey(coding, coding.map((s) => s.workspace), breakdownRange) : {},
    minutesByLanguage: breakdownRange ? minutesByKey(coding, coding.map((s) => s.language), breakdownRange) : {},
    meetings: distinctMeetings(store.meetings),
    corruptLines: store.corruptLines,
    unreadableFiles: store.unreadableFiles,
  };
}

/** Hands-on time, and agent time where the user did nothing: a moment that holds both is hands-on. */
export function splitHandsOnAndAgent(spans: readonly ActivitySpan[], range: Interval): { handsOn: Interval[]; agent: Interval[] } {
  const handsOn = clip(union(spans.filter((s) => s.agent === undefined)), range);
  const agent = intersect(clip(union(spans.filter((s) => s.agent !== undefined)), range), gaps(handsOn, range));
  return { handsOn, agent };
}

function distinctMeetings(meetings: readonly ManualMeeting[]): ManualMeeting[] {
  const seen = new Set<string>();
  const distinct: ManualMeeting[] = [];
  for (const meeting of [...meetings].sort(byStartThenEnd)) {
    const key = `${meeting.start}/${meeting.end}/${meeting.note ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(meeting);
  }
  return distinct;
}

export interface DayActivity extends DayTotal {
  /** Agent minutes (never also in `minutes`). */
  agentMinutes: number;
  characters: CharacterCounts;
}

export interface DailyActivity {
  days: DayActivity[];
  /** Hands-on coding minutes. */
  totalMinutes: number;
  totalAgentMinutes: number;
  corruptLines: number;
  unreadableFiles: UnreadableFile[];
}

/** Hands-on and agent minutes and characters per local day from `from` to `to` (both inclusive) in `zone`. */
export async function readActivityPerLocalDay(root: string, from: LocalDate, to: LocalDate, zone: string): Promise<DailyActivity> {
  const days = localDayIntervals(from, to, zone);
  if (days.length === 0) return { days: [], totalMinutes: 0, totalAgentMinutes: 0, corruptLines: 0, unreadableFiles: [] };
  const range = { start: days[0]!.interval.start, end: days[days.length - 1]!.interval.end };
  const store = await readStore(root, range);
  const split = splitHandsOnAndAgent(store.spans, range);
  const agentTotals = minutesPerDay(split.agent, days);
  const characters = charactersPer(latestBuckets(store.characters), days.map((day) => day.interval));
  const totals = minutesPerDay(split.handsOn, days).map((day, i) => ({ ...day, agentMinutes: agentTotals[i]!.minutes, characters: characters[i]! }));
  const sum = (pick: (day: DayActivity) => number) => totals.reduce((total, day) => total + pick(day), 0);
  return { days: totals, totalMinutes: sum((d) => d.minutes), totalAgentMinutes: sum((d) => d.agentMinutes), corruptLines: store.corruptLines, unreadableFiles: store.unreadableFiles };
}
