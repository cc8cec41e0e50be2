// The Skills tab: a year of hands-on coding per language, with the verdicts (fading, delegated) and a calendar heatmap.
import { computeSkills, DEFAULT_SKILLS_MONTHS, skillsRangeAt, type SkillsHistory } from '../../skills/skills';
import { skillsModel, type SkillsModel } from '../../skills/skillsModel';
import { formatDuration } from '../../report/formatDuration';
import { localDateOf } from '../../time/localDays';
import type { WeekStart } from '../../settings/settings';
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
}

/** Minutes as the tab shows them: whole minutes, as `formatDuration` writes them (`1h 05m`, `0m`). */
function minutesText(minutes: number): string {
  return formatDuration(minutes);
}

export function skillsTabModel(history: SkillsHistory, options: { now: number; zone: string; weekStartsOn: WeekStart; fadingDays: number; delegatedPercent: number }): SkillsTabModel {
  const date = localDateOf(options.now, options.zone);
  const skills = computeSkills(history, { date, zone: options.zone, months: DEFAULT_SKILLS_MONTHS, fadingDays: options.fadingDays, delegatedPercent: options.delegatedPercent });
  const model = skillsModel(skills, WEEKDAY_INDEX[options.weekStartsOn]);
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
    })),
    dayTexts: model.heatmap.map((d) => minutesText(d.handsOnMinutes)),
    levelTexts: [`under ${minutesText(two)}`, `${minutesText(two)} or more`, `${minutesText(three)} or more`, `${minutesText(four)} or more`],
    leadingBlanks: model.heatmap[0]?.weekday ?? 0,
  };
}

export const skillsTab: DashboardTabBuilder<SkillsTabModel> = {
  skillsRange: ({ now, zone }) => skillsRangeAt(now, zone),
  build: ({ inputs }) =>
    skillsTabModel(inputs.skills ?? { spans: [], characters: [] }, {
      now: inputs.now,
      zone: inputs.zone,
      weekStartsOn: inputs.settings.weekStartsOn,
      fadingDays: inputs.settings.skills.fadingDays,
      delegatedPercent: inputs.settings.skills.delegatedPercent,
    }),
};
