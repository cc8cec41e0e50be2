// The Skills tab: a year of hands-on coding per language, with the verdicts (fading, delegated) and a calendar heatmap.
import { skillsAt, skillsRangeAt, type SkillsHistory } from '../../skills/skills';
import { skillsModel, type SkillsModel } from '../../skills/skillsModel';
import { monthLabel } from '../../skills/skillsText';
import type { MonthShare } from '../../skills/monthlyShare';
import { formatDuration, formatPercent } from '../../report/formatDuration';
import type { Settings, WeekStart } from '../../settings/settings';
import type { DashboardTabBuilder } from './tab';

const WEEKDAY_INDEX: Record<WeekStart, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** One language as the tab shows it: skillsModel's row with its figures as text. */
export interface SkillsTabLanguage {
  readonly language: string;
  readonly label: string;
  readonly handsOnText: string;
  readonly agentText: string;
  readonly typedText: string;
  /** `YYYY-MM-DD`, or `never` in the period. */
  readonly lastHandsOnText: string;
  /** `fading`, `delegated`, `fading, delegated` or `—`. */
  readonly verdictText: string;
  readonly fading: boolean;
  readonly delegated: boolean;
  readonly sentence: string;
  /** Hands-on minutes per month, oldest first (the months of `months`), for the row's bars. */
  readonly monthlyHandsOnMinutes: readonly number[];
  /** The bars in words, for the screen reader and the tooltip: `Apr 2025 0m, …, Mar 2026 1h`. */
  readonly monthlyText: string;
}

/** One month of the hands-on share against meetings, as figures for the bars and as text for the table. */
export interface SkillsTabMonth extends MonthShare {
  /** `Mar 2026`. */
  readonly label: string;
  readonly handsOnText: string;
  readonly meetingText: string;
  /** `62%`, or `—` for a month with neither. */
  readonly shareText: string;
  /** `Mar 2026: 62% hands-on, 40h by hand, 25h in meetings`. */
  readonly description: string;
}

/** The Skills tab: skillsModel over the 12 months to today (whatever range is selected), with its texts. */
export interface SkillsTabModel extends Omit<SkillsModel, 'languages'> {
  readonly languages: readonly SkillsTabLanguage[];
  /** Each heatmap day's minutes as text, by index of `heatmap`. */
  readonly dayTexts: readonly string[];
  /** The legend's texts for levels 1 to 4. */
  readonly levelTexts: readonly [string, string, string, string];
  /** Blank cells before the first day, so that each column is one week. */
  readonly leadingBlanks: number;
  /** Each month's hands-on time against meetings, oldest first. */
  readonly monthlyShare: readonly SkillsTabMonth[];
  /** The most hands-on minutes of any language in any month: the common scale of the languages' bars. */
  readonly monthlyMaxMinutes: number;
}

/** Minutes as the tab shows them: whole minutes, as `formatDuration` writes them (`1h 05m`, `0m`). */
function minutesText(minutes: number): string {
  return formatDuration(minutes);
}

function monthText(share: MonthShare): SkillsTabMonth {
  const label = monthLabel(share.month);
  const shareText = formatPercent(share.handsOnShare ?? undefined);
  const handsOnText = minutesText(share.handsOnMinutes);
  const meetingText = minutesText(share.meetingMinutes);
  const description = share.handsOnShare === null ? `${label}: no coding and no meetings` : `${label}: ${shareText} hands-on, ${handsOnText} by hand, ${meetingText} in meetings`;
  return { ...share, label, handsOnText, meetingText, shareText, description };
}

/** The tab over the 12 months to `now`, as skillsAt computes them for the CLI and the summary too. */
export function skillsTabModel(history: SkillsHistory, options: { now: number; zone: string; settings: Pick<Settings, 'skills' | 'weekStartsOn'> }): SkillsTabModel {
  const skills = skillsAt(history, options.now, options.zone, options.settings);
  const model = skillsModel(skills, WEEKDAY_INDEX[options.settings.weekStartsOn]);
  const labels = skills.months.map(monthLabel);
  const [two, three, four] = model.levelThresholds;
  return {
    ...model,
    languages: model.languages.map((l) => ({
      language: l.language,
      label: l.label,
      handsOnText: minutesText(l.handsOnMinutes),
      agentText: minutesText(l.agentMinutes),
      typedText: String(l.typedCharacters),
      lastHandsOnText: l.lastHandsOnDate ?? 'never',
      verdictText: [l.fading ? 'fading' : '', l.delegated ? 'delegated' : ''].filter((v) => v !== '').join(', ') || '—',
      fading: l.fading,
      delegated: l.delegated,
      sentence: l.sentence,
      monthlyHandsOnMinutes: l.monthlyHandsOnMinutes,
      monthlyText: l.monthlyHandsOnMinutes.map((minutes, i) => `${labels[i]} ${minutesText(minutes)}`).join(', '),
    })),
    dayTexts: model.heatmap.map((d) => minutesText(d.handsOnMinutes)),
    levelTexts: [`under ${minutesText(two)}`, `${minutesText(two)} or more`, `${minutesText(three)} or more`, `${minutesText(four)} or more`],
    leadingBlanks: model.heatmap[0]?.weekday ?? 0,
    monthlyShare: skills.monthlyShare.map(monthText),
    monthlyMaxMinutes: Math.max(0, ...model.languages.flatMap((l) => l.monthlyHandsOnMinutes)),
  };
}

export const skillsTab: DashboardTabBuilder<SkillsTabModel> = {
  skillsRange: ({ now, zone }) => skillsRangeAt(now, zone),
  build: ({ inputs }) =>
    skillsTabModel(inputs.skills ?? { spans: [], characters: [] }, { now: inputs.now, zone: inputs.zone, settings: inputs.settings }),
};
