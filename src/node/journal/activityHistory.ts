import { agentCharactersPer, CHARACTER_BUCKET_MS, charactersPer, countedBuckets, type AgentWriting, type CharacterCounts, type WriterBucket } from '../../core/activity/characterCounts';
import { sourceOf } from '../../core/activity/activitySpan';
import { minutesByKey, minutesIn, splitHandsOnAndAgents, unionsByKey } from '../../core/activity/handsAndAgents';
import { byStartThenEnd, type Interval } from '../../core/time/interval';
import { localDayIntervals, minutesPerDay, type DayTotal, type LocalDate } from '../../core/time/localDays';
import type { SkillsHistory } from '../../core/skills/skills';
import type { DecodedFiles } from './decodedFiles';
import { readStore, type UnreadableFile } from './journalReader';
import { readSkillsStore, typedByLanguage } from './skillsIndex';
import type { ManualMeeting } from './records';

export interface History {
  /** Hands-on coding time in the range: sorted, disjoint, counted once across windows and machines. */
  union: Interval[];
  /** Agent time in the range: when agents worked and the user did nothing (never overlaps `union`). */
  agent: Interval[];
  /** `agent` by agent name (handsAndAgents.ts), disjoint between agents. */
  agentByName: Readonly<Record<string, Interval[]>>;
  /** Every writer's character counts of the quarter hours overlapping the range, each writer's quarter hour once, sorted (sum them with charactersPer). */
  characters: WriterBucket[];
  /** Minutes per workspace folder name over the breakdown range (spans recorded with a name only), each its own union. */
  minutesByWorkspace: Record<string, number>;
  minutesByLanguage: Record<string, number>;
  /** Minutes per writer (vscode, terminal, neovim) over the breakdown range, each its own union: a minute two sources saw counts for both. */
  minutesBySource: Record<string, number>;
  /** Logged meetings overlapping the range, exact duplicates removed (a retried write may repeat one). */
  meetings: ManualMeeting[];
  corruptLines: number;
  /** History files that exist but could not be read (permissions, I/O errors). */
  unreadableFiles: UnreadableFile[];
  /** Files in the journal folders that are neither history nor a sync tool's own: not read (list them once). */
  unknownFiles: string[];
}

/**
 * Everything the store holds for the range, read once: coding time, logged meetings, and coding by workspace and
 * language over `breakdownRange` (a part of `range`; the whole range by default; none for null). With `cache`,
 * files unchanged since its last read are not read again.
 */
export async function readHistory(root: string, range: Interval, breakdownRange: Interval | null = range, cache?: DecodedFiles): Promise<History> {
  const store = await readStore(root, range, cache);
  const split = splitHandsOnAndAgents(store.spans, range);
  const coding = split.userSpans;
  return {
    union: split.handsOn,
    agent: split.agent,
    agentByName: split.byAgent,
    characters: countedBuckets(store.characters).filter((b) => b.start + CHARACTER_BUCKET_MS > range.start && b.start < range.end),
    minutesByWorkspace: breakdownRange ? minutesByKey(coding, coding.map((s) => s.workspace), breakdownRange) : {},
    minutesByLanguage: breakdownRange ? minutesByKey(coding, coding.map((s) => s.language), breakdownRange) : {},
    minutesBySource: breakdownRange ? minutesByKey(coding, coding.map(sourceOf), breakdownRange) : {},
    meetings: distinctMeetings(store.meetings),
    corruptLines: store.corruptLines,
    unreadableFiles: store.unreadableFiles,
    unknownFiles: store.unknownFiles,
  };
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
  /** `agentMinutes` by agent name; they add up to it. */
  agents: Record<string, number>;
  /** Hands-on minutes by the writer that saw them (vscode, terminal, neovim); a minute two sources saw counts for both, once in `minutes`. */
  sources: Record<string, number>;
  characters: CharacterCounts;
  /** `characters.agent` by agent name, with the lines each agent wrote where its writer counts them. */
  agentWriting: Record<string, AgentWriting>;
}

export interface DailyActivity {
  days: DayActivity[];
  /** Hands-on coding minutes. */
  totalMinutes: number;
  totalAgentMinutes: number;
  corruptLines: number;
  unreadableFiles: UnreadableFile[];
  unknownFiles: string[];
}

/** Hands-on and agent minutes and characters per local day from `from` to `to` (both inclusive) in `zone`. */
export async function readActivityPerLocalDay(root: string, from: LocalDate, to: LocalDate, zone: string): Promise<DailyActivity> {
  const days = localDayIntervals(from, to, zone);
  if (days.length === 0) return { days: [], totalMinutes: 0, totalAgentMinutes: 0, corruptLines: 0, unreadableFiles: [], unknownFiles: [] };
  const range = { start: days[0]!.interval.start, end: days[days.length - 1]!.interval.end };
  const store = await readStore(root, range);
  const split = splitHandsOnAndAgents(store.spans, range);
  const agentTotals = minutesPerDay(split.agent, days);
  const counted = countedBuckets(store.characters);
  const intervals = days.map((day) => day.interval);
  const characters = charactersPer(counted, intervals);
  const bySource = unionsByKey(split.userSpans, split.userSpans.map(sourceOf));
  const writing = agentCharactersPer(counted, intervals);
  const totals = minutesPerDay(split.handsOn, days).map((day, i) => ({
    ...day,
    agentMinutes: agentTotals[i]!.minutes,
    agents: minutesIn(split.byAgent, intervals[i]!),
    sources: minutesIn(bySource, intervals[i]!),
    characters: characters[i]!,
    agentWriting: writing[i]!,
  }));
  const sum = (pick: (day: DayActivity) => number) => totals.reduce((total, day) => total + pick(day), 0);
  return { days: totals, totalMinutes: sum((d) => d.minutes), totalAgentMinutes: sum((d) => d.agentMinutes), corruptLines: store.corruptLines, unreadableFiles: store.unreadableFiles, unknownFiles: store.unknownFiles };
}

/**
 * The spans and counted character buckets of `range`, for Skills (computeSkills takes each language's union):
 * compacted months from their derived aggregates (skillsIndex.ts), recent journals as they are.
 */
export interface SkillsReading extends SkillsHistory {
  /** The meetings the user logged over the range, for meetingTimeIn (with the calendars) and the monthly share. */
  loggedMeetings: Interval[];
  corruptLines: number;
  unreadableFiles: UnreadableFile[];
}

export async function readSkillsHistory(root: string, range: Interval): Promise<SkillsReading> {
  const store = await readSkillsStore(root, range);
  if (store) return { spans: store.spans, characters: typedByLanguage(store, range.start), loggedMeetings: store.meetings, corruptLines: store.corruptLines, unreadableFiles: store.unreadableFiles };
  const raw = await readStore(root, range);
  const characters = countedBuckets(raw.characters).filter((b) => b.start + CHARACTER_BUCKET_MS > range.start && b.start < range.end);
  return { spans: raw.spans, characters, loggedMeetings: raw.meetings.map(({ start, end }) => ({ start, end })), corruptLines: raw.corruptLines, unreadableFiles: raw.unreadableFiles };
}
