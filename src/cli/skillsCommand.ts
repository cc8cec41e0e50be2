import { meetingTimeIn } from '../core/balance/gatherInputs';
import { computeSkills, DEFAULT_SKILLS_MONTHS, skillsRange, type Skills } from '../core/skills/skills';
import { skillsHeadline, languageSentence, monthlyShareLine } from '../core/skills/skillsText';
import { addLocalDays, isLocalDate, localDateOf, startOfLocalDate } from '../core/time/localDays';
import { readSkillsHistory } from '../node/journal/activityHistory';
import { CALENDAR_OPTION, readCalendars, startCalendarParserAhead } from './calendarInput';
import { UsageError, type CliIO } from './io';
import { parseOptions, usage, type OptionTable } from './optionTable';
import { DATA_DIR_OPTION, dataDirOption, emailsOption, loadSettings, ME_OPTION, reportHistoryProblems, TZ_OPTION, zoneOption, type CommandOptions } from './options';
import { jsonMinutes, printJson } from './output';

const MAX_MONTHS = 120;

/** The settings `skills` reads, whose problems it names (the others are report's business). */
const SETTINGS_READ = [
  'handsOn.dataDirectory',
  'handsOn.skills.fadingDays',
  'handsOn.skills.delegatedPercent',
  'handsOn.calendar.files',
  'handsOn.calendar.myEmails',
  'handsOn.calendar.countTentative',
  'handsOn.calendar.excludeKeywords',
  'handsOn.calendar.breakKeywords',
];

export const OPTIONS = {
  date: { type: 'string', value: 'YYYY-MM-DD', help: 'the last local day of the period (default: today)' },
  months: { type: 'string', value: 'N', help: `calendar months in the period, the one of --date included (default ${DEFAULT_SKILLS_MONTHS}, at most ${MAX_MONTHS})` },
  tz: TZ_OPTION,
  'data-dir': DATA_DIR_OPTION,
  calendar: CALENDAR_OPTION,
  me: { ...ME_OPTION, help: 'your email addresses, comma-separated (default: handsOn.calendar.myEmails)' },
  json: {
    type: 'boolean',
    help: [
      '{"languages": [{"language": "rust", "handsOnMinutes": n, "agentMinutes": n, "typedCharacters": n,',
      '"lastHandsOnDate": "YYYY-MM-DD" | null, "fading": bool, "delegated": bool,',
      '"monthlyHandsOnMinutes": [n, …one per month, oldest first]}],',
      '"days": [{"date": "YYYY-MM-DD", "handsOnMinutes": n}, …every day of the period],',
      '"months": [{"month": "YYYY-MM", "handsOnMinutes": n, "meetingMinutes": n, "handsOnShare": percent | null}, …]}',
    ],
  },
} as const satisfies OptionTable;

export const USAGE = usage(
  'skills',
  OPTIONS,
  `Prints, per language, what your own hands wrote over the last months (hands-on minutes, typed characters, the
last day by hand) and what agents did instead. A language is fading when you wrote it by hand in the period but
not in the last handsOn.skills.fadingDays days (90), delegated when agents did at least
handsOn.skills.delegatedPercent (80 %) of its time in those days. History without a language is "unknown".
Each month's hands-on share is your own coding against the meetings of your calendars (as hands-on report
reads them) and the ones you logged: hands-on / (hands-on + meetings), as the balance computes it.`,
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
      handsOnMinutes: jsonMinutes(l.handsOnMinutes),
      agentMinutes: jsonMinutes(l.agentMinutes),
      typedCharacters: l.typedCharacters,
      lastHandsOnDate: l.lastHandsOnDate,
      fading: l.fading,
      delegated: l.delegated,
      monthlyHandsOnMinutes: l.monthlyHandsOnMinutes.map(jsonMinutes),
    })),
    days: skills.days.map((d) => ({ date: d.date, handsOnMinutes: jsonMinutes(d.handsOnMinutes) })),
    months: skills.monthlyShare.map((m) => ({
      month: m.month,
      handsOnMinutes: jsonMinutes(m.handsOnMinutes),
      meetingMinutes: jsonMinutes(m.meetingMinutes),
      handsOnShare: m.handsOnShare === null ? null : jsonMinutes(m.handsOnShare),
    })),
  };
}

export async function run(argv: string[], io: CliIO, options: CommandOptions = {}): Promise<number> {
  const platform = options.platform ?? process.platform;
  const args = parseOptions(argv, OPTIONS);
  const zone = zoneOption(args, io.env);
  if (args.date !== undefined && !isLocalDate(args.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, got "${args.date}"`);
  const date = args.date ?? localDateOf(io.now(), zone);
  const months = monthsOption(args.months);
  const loaded = loadSettings(io, platform, 'skills', SETTINGS_READ);
  const me = emailsOption(args);
  const settings = me === undefined ? loaded.settings : { ...loaded.settings, calendar: { ...loaded.settings.calendar, myEmails: me } };
  const calendarRequest = { calendarFlags: args.calendar, settings, user: loaded.user, platform };
  startCalendarParserAhead(calendarRequest);
  const dataDir = dataDirOption(args, io, () => settings, platform);

  const { range } = skillsRange({ date, zone, months });
  const history = await readSkillsHistory(dataDir, range);
  reportHistoryProblems(io, 'skills', dataDir, history);
  // Meetings as hands-on report reads them, over the whole period: a calendar that cannot be read is said and left out.
  const { calendars } = await readCalendars('skills', calendarRequest, range, zone, io);
  // Meetings count once they have happened: a past --date counts its whole day, today up to now.
  const now = Math.min(io.now(), startOfLocalDate(addLocalDays(date, 1), zone));
  const meetings = meetingTimeIn(calendars, history.loggedMeetings, range, zone);
  const skills = computeSkills({ ...history, meetings }, { date, zone, months, now, fadingDays: settings.skills.fadingDays, delegatedPercent: settings.skills.delegatedPercent });
  if (args.json) {
    printJson(io, skillsJson(skills));
    return 0;
  }
  const sentences = skills.languages.length === 0 ? ['No coding recorded in the period.'] : skills.languages.map((l) => languageSentence(l, skills));
  io.out([skillsHeadline(skills), '', ...sentences, '', monthlyShareLine(skills)].join('\n'));
  return 0;
}
