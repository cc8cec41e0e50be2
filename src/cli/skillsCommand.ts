import { round1 } from '../core/report/formatDuration';
import { computeSkills, DEFAULT_SKILLS_MONTHS, skillsRange, type Skills } from '../core/skills/skills';
import { skillsHeadline, languageSentence } from '../core/skills/skillsText';
import { isLocalDate, localDateOf } from '../core/time/localDays';
import { readSkillsHistory } from '../node/journal/activityHistory';
import { UsageError, type CliIO } from './io';
import { parseOptions, usage, type OptionTable } from './optionTable';
import { DATA_DIR_OPTION, dataDirOption, loadSettings, reportHistoryProblems, TZ_OPTION, zoneOption, type CommandOptions } from './options';

const MAX_MONTHS = 120;

export const OPTIONS = {
  date: { type: 'string', value: 'YYYY-MM-DD', help: 'the last local day of the period (default: today)' },
  months: { type: 'string', value: 'N', help: `calendar months in the period, the one of --date included (default ${DEFAULT_SKILLS_MONTHS}, at most ${MAX_MONTHS})` },
  tz: TZ_OPTION,
  'data-dir': DATA_DIR_OPTION,
  json: {
    type: 'boolean',
    help: [
      '{"languages": [{"language": "rust", "handsOnMinutes": n, "agentMinutes": n, "typedCharacters": n,',
      '"lastHandsOnDate": "YYYY-MM-DD" | null, "fading": bool, "delegated": bool,',
      '"monthlyHandsOnMinutes": [n, …one per month, oldest first]}],',
      '"days": [{"date": "YYYY-MM-DD", "handsOnMinutes": n}, …every day of the period]}',
    ],
  },
} as const satisfies OptionTable;

export const USAGE = usage(
  'skills',
  OPTIONS,
  `Prints, per language, what your own hands wrote over the last months (hands-on minutes, typed characters, the
last day by hand) and what agents did instead. A language is fading when you wrote it by hand in the period but
not in the last handsOn.skills.fadingDays days (90), delegated when agents did at least
handsOn.skills.delegatedPercent (80 %) of its time in those days. History without a language is "unknown".`,
);

function monthsOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SKILLS_MONTHS;
  const months = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(months >= 1 && months <= MAX_MONTHS)) throw new UsageError(`--months must be a whole number from 1 to ${MAX_MONTHS}, got "${value}"`);
  return months;
}

/** The JSON of `hands-on skills --json`: exactly the fields issue 18 names, minutes to one decimal. */
export function skillsJson(skills: Skills): unknown {
  return {
    languages: skills.languages.map((l) => ({
      language: l.language,
      handsOnMinutes: round1(l.handsOnMinutes),
      agentMinutes: round1(l.agentMinutes),
      typedCharacters: l.typedCharacters,
      lastHandsOnDate: l.lastHandsOnDate,
      fading: l.fading,
      delegated: l.delegated,
      monthlyHandsOnMinutes: l.monthlyHandsOnMinutes.map(round1),
    })),
    days: skills.days.map((d) => ({ date: d.date, handsOnMinutes: round1(d.handsOnMinutes) })),
  };
}

export async function run(argv: string[], io: CliIO, options: CommandOptions = {}): Promise<number> {
  const platform = options.platform ?? process.platform;
  const args = parseOptions(argv, OPTIONS);
  const zone = zoneOption(args, io.env);
  if (args.date !== undefined && !isLocalDate(args.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, got "${args.date}"`);
  const date = args.date ?? localDateOf(io.now(), zone);
  const months = monthsOption(args.months);
  const { settings } = loadSettings(io, platform, 'skills', ['handsOn.dataDirectory', 'handsOn.skills.fadingDays', 'handsOn.skills.delegatedPercent']);
  const dataDir = dataDirOption(args, io, () => settings, platform);

  const history = await readSkillsHistory(dataDir, skillsRange({ date, zone, months }).range);
  reportHistoryProblems(io, 'skills', dataDir, history);
  const skills = computeSkills(history, { date, zone, months, fadingDays: settings.skills.fadingDays, delegatedPercent: settings.skills.delegatedPercent });
  if (args.json) {
    io.out(JSON.stringify(skillsJson(skills)));
    return 0;
  }
  io.out([skillsHeadline(skills), '', ...(skills.languages.length === 0 ? ['No coding recorded in the period.'] : skills.languages.map((l) => languageSentence(l, skills)))].join('\n'));
  return 0;
}
