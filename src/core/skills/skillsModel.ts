import { UNKNOWN_LANGUAGE } from '../activity/characterCounts';
import type { LocalDate } from '../time/localDays';
import type { Skills } from './skills';
import { hoursText, languageLabel, languageSentence, MONTH_NAMES } from './skillsText';

/**
 * What the dashboard's Skills tab shows, as plain data: the languages with their figures, verdicts and sentence, and
 * the heatmap's days with a level from 0 (nothing) to 4 (the busiest quarter of the coding days), theme-independent
 * (the webview maps levels to `--vscode-charts-*` shades). Weeks are columns, as in GitHub's contribution graph.
 */
export interface SkillsLanguageRow {
  readonly language: string;
  readonly label: string;
  readonly handsOnMinutes: number;
  readonly agentMinutes: number;
  readonly typedCharacters: number;
  readonly lastHandsOnDate: LocalDate | null;
  readonly fading: boolean;
  readonly delegated: boolean;
  readonly monthlyHandsOnMinutes: readonly number[];
  /** "Rust: 15 h by hand this year, none since 9 March. Fading: …" */
  readonly sentence: string;
}

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface HeatmapDay {
  readonly date: LocalDate;
  readonly handsOnMinutes: number;
  readonly level: HeatLevel;
  /** Week column (0: the period's first week) and weekday row (0: the first day of the week). */
  readonly week: number;
  readonly weekday: number;
  /** For the cell's title and the screen reader: "Tue 2 Dec 2026: 3 h by hand". */
  readonly label: string;
}

export interface SkillsModel {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** `YYYY-MM` of each monthly value. */
  readonly months: readonly string[];
  readonly languages: readonly SkillsLanguageRow[];
  readonly heatmap: readonly HeatmapDay[];
  /** The minutes at which levels 2, 3 and 4 start (level 1 is anything above zero), for the legend. */
  readonly levelThresholds: readonly [number, number, number];
  readonly fadingCount: number;
  readonly delegatedCount: number;
  readonly summary: string;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 0 = Sunday … 6 = Saturday of a calendar date (zone-free: a date is a date). */
function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The quartiles of the days with coding, as GitHub's graph does: the levels follow the user's own range. */
function thresholds(minutes: readonly number[]): [number, number, number] {
  const active = minutes.filter((m) => m > 0).sort((a, b) => a - b);
  if (active.length === 0) return [1, 2, 3];
  const at = (q: number) => active[Math.min(active.length - 1, Math.floor(q * active.length))]!;
  return [at(0.25), at(0.5), at(0.75)];
}

function levelOf(minutes: number, [two, three, four]: readonly [number, number, number]): HeatLevel {
  if (minutes <= 0) return 0;
  if (minutes >= four) return 4;
  if (minutes >= three) return 3;
  if (minutes >= two) return 2;
  return 1;
}

/** `firstWeekday`: 0 = Sunday, 1 = Monday (handsOn.weekStartsOn). */
export function skillsModel(skills: Skills, firstWeekday = 1): SkillsModel {
  const levelThresholds = thresholds(skills.days.map((d) => d.handsOnMinutes));
  const offset = (dayOfWeek(skills.from) - firstWeekday + 7) % 7;
  const heatmap = skills.days.map((day, i): HeatmapDay => {
    const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
    const minutes = day.handsOnMinutes;
    return {
      date: day.date,
      handsOnMinutes: minutes,
      level: levelOf(minutes, levelThresholds),
      week: Math.floor((i + offset) / 7),
      weekday: (i + offset) % 7,
      label: `${WEEKDAY_NAMES[dayOfWeek(day.date)]} ${d} ${MONTH_NAMES[m - 1]} ${y}: ${minutes > 0 ? `${hoursText(minutes)} by hand` : 'no coding'}`,
    };
  });
  const languages = skills.languages.map((l) => ({
    language: l.language,
    label: languageLabel(l.language),
    handsOnMinutes: l.handsOnMinutes,
    agentMinutes: l.agentMinutes,
    typedCharacters: l.typedCharacters,
    lastHandsOnDate: l.lastHandsOnDate,
    fading: l.fading,
    delegated: l.delegated,
    monthlyHandsOnMinutes: l.monthlyHandsOnMinutes,
    sentence: languageSentence(l, skills),
  }));
  const known = skills.languages.filter((l) => l.language !== UNKNOWN_LANGUAGE);
  const fadingCount = known.filter((l) => l.fading).length;
  const delegatedCount = known.filter((l) => l.delegated).length;
  const summary = `${hoursText(skills.handsOnMinutes)} by hand in ${known.length} language${known.length === 1 ? '' : 's'}; ${fadingCount} fading, ${delegatedCount} delegated.`;
  return { from: skills.from, to: skills.date, months: skills.months, languages, heatmap, levelThresholds, fadingCount, delegatedCount, summary };
}
