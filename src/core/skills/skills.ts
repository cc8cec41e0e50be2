import type { ActivitySpan } from '../activity/activitySpan';
import { CHARACTER_BUCKET_MS, UNKNOWN_LANGUAGE, type CharacterBucket } from '../activity/characterCounts';
import { DAY_MS, MINUTE_MS } from '../time/clock';
import { clip, durationMs, gaps, intersect, union, type Interval } from '../time/interval';
import { addLocalDays, localDateOf, minutesPerDay, startOfLocalDate, type LocalDate } from '../time/localDays';
import type { Settings } from '../settings/settings';
import { monthlyShare, type MonthShare } from './monthlyShare';

/**
 * Skills: per language, what the user's own hands did over the last months, and what agents did instead. The answer to
 * "is my hand still in?". Pure: the reader gives it the raw spans and the counted character buckets of the range.
 *
 * The period is whole calendar months in the zone: the month of `date` up to and including `date`, and the
 * `months − 1` months before it, so `monthlyHandsOnMinutes` has exactly `months` values, oldest first.
 */

export interface SkillsOptions {
  /** The last day of the period, in `zone`. */
  readonly date: LocalDate;
  readonly zone: string;
  /** Calendar months in the period (default 12), the one of `date` included. */
  readonly months?: number;
  /** `handsOn.skills.fadingDays`: a language not written by hand in this many days is fading; also the recent window of `delegated`. */
  readonly fadingDays?: number;
  /** `handsOn.skills.delegatedPercent`: in the recent window, agents did at least this share of a language's time. */
  readonly delegatedPercent?: number;
  /** When the figures are computed: meetings count once they have happened (default: the end of `date`). */
  readonly now?: number;
}

export const DEFAULT_SKILLS_MONTHS = 12;
export const DEFAULT_FADING_DAYS = 90;
export const DEFAULT_DELEGATED_PERCENT = 80;

export interface LanguageSkill {
  /** A VS Code language id (or what another source records); `unknown` for history recorded without one. */
  readonly language: string;
  /** The union of the user's own spans in this language over the period: two windows in one minute count once. */
  readonly handsOnMinutes: number;
  /** Agent time in this language over the period, never in a minute of the user's own activity (in any language). */
  readonly agentMinutes: number;
  /** Characters typed in this language over the period (recorded since 0.2; older counts are `unknown`). */
  readonly typedCharacters: number;
  /** The last local day with hands-on time in this language within the period, or null. */
  readonly lastHandsOnDate: LocalDate | null;
  /** Hands-on minutes in each calendar month of the period, oldest first. */
  readonly monthlyHandsOnMinutes: readonly number[];
  /** Hands-on and agent minutes in the recent window (the last `fadingDays` days to `date`). */
  readonly recentHandsOnMinutes: number;
  readonly recentAgentMinutes: number;
  /** Written by hand in the period, but not in the recent window. */
  readonly fading: boolean;
  /** In the recent window, agents did at least `delegatedPercent` of the time in it. */
  readonly delegated: boolean;
}

export interface SkillDay {
  readonly date: LocalDate;
  /** Hands-on minutes of the day, every language together, each minute once. */
  readonly handsOnMinutes: number;
}

export interface Skills {
  readonly date: LocalDate;
  readonly zone: string;
  /** The first day of the period. */
  readonly from: LocalDate;
  /** The months of the period, `YYYY-MM`, oldest first (the labels of `monthlyHandsOnMinutes`). */
  readonly months: readonly string[];
  readonly fadingDays: number;
  readonly delegatedPercent: number;
  /** Most hands-on time first, then most agent time, then by name. */
  readonly languages: readonly LanguageSkill[];
  /** Every day of the period, for the heatmap. */
  readonly days: readonly SkillDay[];
  /** Each month's hands-on time against its meetings, oldest first (the months of `months`). */
  readonly monthlyShare: readonly MonthShare[];
  /** Hands-on and agent minutes of the period, every language together, each minute once. */
  readonly handsOnMinutes: number;
  readonly agentMinutes: number;
}

/** What the reader hands over: spans may overlap and repeat (each language's union is taken here). */
export interface SkillsHistory {
  readonly spans: readonly ActivitySpan[];
  /** Counted character buckets (countedBuckets), each once. */
  readonly characters: readonly CharacterBucket[];
  /** Counted meeting time over the period (meetingTimeIn: calendars and logged meetings); absent: none could be read. */
  readonly meetings?: readonly Interval[];
}

/** `YYYY-MM-01` of the month `offset` months from the month of `date`. */
function monthStart(date: LocalDate, offset: number): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function clampMonths(months: number | undefined): number {
  return Math.max(1, Math.floor(months ?? DEFAULT_SKILLS_MONTHS));
}

/** The period's first day and the interval the reader must load: from the first month's first midnight to the end of `date`. */
export function skillsRange(options: Pick<SkillsOptions, 'date' | 'zone' | 'months'>): { from: LocalDate; range: Interval } {
  const from = monthStart(options.date, 1 - clampMonths(options.months));
  return { from, range: { start: startOfLocalDate(from, options.zone), end: startOfLocalDate(addLocalDays(options.date, 1), options.zone) } };
}

/** The recent window of the verdicts: the last `days` local days to `date`, both ends included. */
export function recentRange(date: LocalDate, zone: string, days: number): Interval {
  return { start: startOfLocalDate(addLocalDays(date, 1 - days), zone), end: startOfLocalDate(addLocalDays(date, 1), zone) };
}

/**
 * The local days from `from` to `to` inclusive as intervals, as localDayIntervals gives them, with far fewer zone
 * conversions (they were most of the time of a year's Skills): midnights are computed on the 1st and the 16th of each
 * month, and the days between two of them are whole 24-hour steps whenever the zone's offset is the same at both ends;
 * otherwise (a DST change in that half month) each day of it is computed.
 */
export function periodDays(from: LocalDate, to: LocalDate, zone: string): { date: LocalDate; interval: Interval }[] {
  const after = addLocalDays(to, 1);
  const checkpoints: LocalDate[] = [from];
  for (let month = monthStart(from, 0); month < after; month = monthStart(month, 1)) {
    const middle = `${month.slice(0, 8)}16`;
    if (month > from) checkpoints.push(month);
    if (middle > from && middle < after) checkpoints.push(middle);
  }
  checkpoints.push(after);
  const days: { date: LocalDate; interval: Interval }[] = [];
  let start = startOfLocalDate(from, zone);
  for (let c = 0; c + 1 < checkpoints.length; c++) {
    const first = Date.parse(`${checkpoints[c]!}T00:00:00Z`);
    const count = (Date.parse(`${checkpoints[c + 1]!}T00:00:00Z`) - first) / DAY_MS;
    const end = startOfLocalDate(checkpoints[c + 1]!, zone);
    const even = end - start === count * DAY_MS;
    for (let i = 0; i < count; i++) {
      const date = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
      const next = i + 1 === count ? end : even ? start + DAY_MS : startOfLocalDate(new Date(first + (i + 1) * DAY_MS).toISOString().slice(0, 10), zone);
      days.push({ date, interval: { start, end: next } });
      start = next;
    }
  }
  return days;
}

const languageOf = (language: string | undefined): string => language ?? UNKNOWN_LANGUAGE;

function groupByLanguage(spans: readonly ActivitySpan[]): Map<string, ActivitySpan[]> {
  const groups = new Map<string, ActivitySpan[]>();
  for (const span of spans) {
    const key = languageOf(span.language);
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  }
  return groups;
}

const minutes = (intervals: readonly Interval[]): number => durationMs(intervals) / MINUTE_MS;

/** Is `agentMs` of `agentMs + handsOnMs` at least `percent`? Exact on whole milliseconds. */
function isDelegated(handsOnMs: number, agentMs: number, percent: number): boolean {
  return agentMs > 0 && agentMs * 100 >= percent * (agentMs + handsOnMs);
}

export function computeSkills(history: SkillsHistory, options: SkillsOptions): Skills {
  const { date, zone } = options;
  const monthCount = clampMonths(options.months);
  const fadingDays = options.fadingDays ?? DEFAULT_FADING_DAYS;
  const delegatedPercent = options.delegatedPercent ?? DEFAULT_DELEGATED_PERCENT;
  const { from, range } = skillsRange({ date, zone, months: monthCount });
  const recent = recentRange(date, zone, fadingDays);

  const monthStarts = Array.from({ length: monthCount }, (_, i) => monthStart(date, i + 1 - monthCount));
  const monthDays = monthStarts.map((start, i) => ({
    date: start,
    interval: { start: startOfLocalDate(start, zone), end: i + 1 < monthCount ? startOfLocalDate(monthStarts[i + 1]!, zone) : range.end },
  }));

  const handsSpans: ActivitySpan[] = [];
  const agentSpans: ActivitySpan[] = [];
  for (const span of history.spans) (span.agent === undefined ? handsSpans : agentSpans).push(span);
  const allHands = clip(union(handsSpans), range);
  // A minute of the user's own activity, in any language, is hands-on: agent time is what is left outside it.
  const free = gaps(allHands, range);
  const agentByLanguage = new Map<string, Interval[]>();
  for (const [language, spans] of groupByLanguage(agentSpans)) agentByLanguage.set(language, intersect(clip(union(spans), range), free));
  const handsByLanguage = new Map<string, Interval[]>();
  for (const [language, spans] of groupByLanguage(handsSpans)) handsByLanguage.set(language, clip(union(spans), range));

  const typed = new Map<string, number>();
  for (const bucket of history.characters) {
    if (bucket.start + CHARACTER_BUCKET_MS <= range.start || bucket.start >= range.end || bucket.counts.typed === 0) continue;
    const key = languageOf(bucket.language);
    typed.set(key, (typed.get(key) ?? 0) + bucket.counts.typed);
  }

  const names = new Set([...handsByLanguage.keys(), ...agentByLanguage.keys(), ...typed.keys()]);
  const languages: LanguageSkill[] = [];
  for (const language of names) {
    const hands = handsByLanguage.get(language) ?? [];
    const agent = agentByLanguage.get(language) ?? [];
    const handsOnMs = durationMs(hands);
    const agentMs = durationMs(agent);
    const typedCharacters = typed.get(language) ?? 0;
    if (handsOnMs === 0 && agentMs === 0 && typedCharacters === 0) continue;
    const recentHandsMs = durationMs(clip(hands, recent));
    const recentAgentMs = durationMs(clip(agent, recent));
    const last = hands[hands.length - 1];
    languages.push({
      language,
      handsOnMinutes: handsOnMs / MINUTE_MS,
      agentMinutes: agentMs / MINUTE_MS,
      typedCharacters,
      lastHandsOnDate: last ? localDateOf(last.end - 1, zone) : null,
      monthlyHandsOnMinutes: minutesPerDay(hands, monthDays).map((m) => m.minutes),
      recentHandsOnMinutes: recentHandsMs / MINUTE_MS,
      recentAgentMinutes: recentAgentMs / MINUTE_MS,
      fading: handsOnMs > 0 && recentHandsMs === 0,
      delegated: isDelegated(recentHandsMs, recentAgentMs, delegatedPercent),
    });
  }
  languages.sort((a, b) => b.handsOnMinutes - a.handsOnMinutes || b.agentMinutes - a.agentMinutes || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));

  const days = minutesPerDay(allHands, periodDays(from, date, zone)).map((d) => ({ date: d.date, handsOnMinutes: d.minutes }));
  return {
    date,
    zone,
    from,
    months: monthStarts.map((m) => m.slice(0, 7)),
    fadingDays,
    delegatedPercent,
    languages,
    days,
    monthlyShare: monthlyShare(
      allHands,
      history.meetings ?? [],
      monthDays.map((m) => ({ month: m.date.slice(0, 7), interval: m.interval })),
      options.now ?? range.end,
    ),
    handsOnMinutes: minutes(allHands),
    agentMinutes: minutes(union([...agentByLanguage.values()].flat())),
  };
}

/** The span the Skills of `now` read: the default months to `now`'s local date (the dashboard tab, the summary). */
export function skillsRangeAt(now: number, zone: string): Interval {
  return skillsRange({ date: localDateOf(now, zone), zone, months: DEFAULT_SKILLS_MONTHS }).range;
}

/** The Skills to `now`'s local date under the user's thresholds, from the history read over skillsRangeAt. */
export function skillsAt(history: SkillsHistory, now: number, zone: string, settings: Pick<Settings, 'skills'>): Skills {
  return computeSkills(history, { date: localDateOf(now, zone), zone, months: DEFAULT_SKILLS_MONTHS, now, ...settings.skills });
}
