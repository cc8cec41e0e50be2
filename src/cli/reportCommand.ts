import { startParserAhead } from './boundedParse';
import { CALENDAR_OPTION, readCalendars } from './calendarInput';
import { focusBlocksAhead } from '../core/balance/focusBlocksAhead';
import { focusReport, type FocusReport } from '../core/balance/focusReport';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { gatherBalanceInputs } from '../core/balance/gatherInputs';
import { readHistory, readSkillsHistory } from '../node/journal/activityHistory';
import { skillsRangeAt } from '../core/skills/skills';
import { REPORT_JSON_EXAMPLE, reportJson } from '../core/report/reportJson';
import { reportText } from '../core/report/reportText';
import { summaryLoadRange, summaryMarkdown } from '../core/report/summary';
import { PERIOD_KINDS, type PeriodKind, type Settings } from '../core/settings/settings';
import { currentFigures, currentFiguresRange, type CurrentFigures } from '../core/status/currentFigures';
import { spanOf, type Interval } from '../core/time/interval';
import { addLocalDays, isLocalDate, localDateOf, startOfLocalDate } from '../core/time/localDays';
import { UsageError, type CliIO } from './io';
import { parseOptions, usage, type OptionTable } from './optionTable';
import { jsonFieldsHelp, printJson } from './output';
import { DATA_DIR_OPTION, dataDirOption, emailsOption, loadSettings, ME_OPTION, reportHistoryProblems, TZ_OPTION, zoneOption, type CommandOptions } from './options';
import type { UserSettings } from './vscodeSettings';

export const OPTIONS = {
  'data-dir': DATA_DIR_OPTION,
  calendar: CALENDAR_OPTION,
  me: { ...ME_OPTION, help: 'your email addresses, comma-separated (default: handsOn.calendar.myEmails)' },
  period: { type: 'string', value: 'P', hint: 'day|week|rolling7', help: 'day, week or rolling7 (default: handsOn.period)' },
  date: { type: 'string', value: 'D', hint: 'YYYY-MM-DD', help: 'compute as of the end of local day D (a past day), or as of now when D is today (default)' },
  tz: { ...TZ_OPTION, help: 'IANA time zone (default: $TZ, else the system zone)' },
  json: {
    type: 'boolean',
    conflicts: 'markdown',
    // From the type's own example, so a new field is in the help at once.
    help: jsonFieldsHelp(REPORT_JSON_EXAMPLE),
  },
  markdown: { type: 'boolean', help: 'a short summary to paste into a 1:1 document' },
} as const satisfies OptionTable;

export const USAGE = usage(
  'report',
  OPTIONS,
  `Computes the hands-on share the status bar shows: coding and meeting minutes of the period, the overlap,
the share against your target, and the free focus blocks from then to the end of the week; and the focus
figures of the period: focus blocks and how they were used, fragmented time, re-entry after meetings, and
what each meeting series cost in focus time.

Settings come from your VS Code user settings.json when it exists (handsOn.targetPercent, workDays, workHours,
period, weekStartsOn, focusBlockMinutes, minCodingHoursPerWeek, dataDirectory, calendar.*); flags override them.`,
);

/**
 * The instant the report is computed at. Today (or no --date): the real now. A past day: the last millisecond
 * of that local day, so the period is the one that contains the day and everything up to its end counts.
 * A future day has nothing counted yet and is refused.
 */
export function reportInstant(date: string | undefined, now: number, zone: string): number {
  if (date === undefined) return now;
  if (!isLocalDate(date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, got "${date}"`);
  const today = localDateOf(now, zone);
  if (date === today) return now;
  if (date > today) throw new UsageError(`--date ${date} is in the future (today is ${today} in ${zone})`);
  return startOfLocalDate(addLocalDays(date, 1), zone) - 1;
}

function withOverrides(settings: Settings, period: string | undefined, me: string[] | undefined): Settings {
  let result = settings;
  if (period !== undefined) {
    if (!(PERIOD_KINDS as readonly string[]).includes(period)) throw new UsageError(`--period must be day, week or rolling7, got "${period}"`);
    result = { ...result, period: period as PeriodKind };
  }
  if (me !== undefined) result = { ...result, calendar: { ...result.calendar, myEmails: me } };
  return result;
}

/** What `report` reads its figures from: `now`, the settings with the flags applied, and where the data is. */
export interface ReportRequest {
  now: number;
  zone: string;
  settings: Settings;
  dataDir: string;
  /** `--calendar` values; without any, the calendars of handsOn.calendar.files. */
  calendarFlags: readonly string[];
  /** The settings.json the settings came from, to name it when it lists no calendar. */
  user: UserSettings | undefined;
  platform: NodeJS.Platform;
}

/**
 * The span `report` reads: what the status bar reads for its figures (`currentFiguresRange`) and what the summary
 * needs (the previous period, the rest of the week).
 */
export function reportRange(now: number, zone: string, settings: Settings): Interval {
  return spanOf([currentFiguresRange(now), summaryLoadRange(now, zone, settings)]);
}

/**
 * The journal and the calendars read once, put together by the same core function as the extension's figures
 * (`gatherBalanceInputs`); what could not be read is said on stderr.
 */
export async function gatherReportInputs(request: ReportRequest, io: CliIO): Promise<BalanceInputs> {
  const { now, zone, settings, dataDir } = request;
  const range = reportRange(now, zone, settings);
  const history = await readHistory(dataDir, range);
  reportHistoryProblems(io, 'report', dataDir, history);
  const { calendars, sources } = await readCalendars('report', request, range, zone, io);
  return gatherBalanceInputs({ now, zone, settings, range, breakdownRange: range, journal: history, calendars, sources });
}

/** What `report` computed, before it is printed. */
interface ReportResult {
  inputs: BalanceInputs;
  figures: CurrentFigures;
  /** The focus figures of the period. */
  focus: FocusReport;
  focusBlocks: Interval[];
}

/** Gathers the inputs the status bar would have at `now` and computes the figures from them. */
async function computeReport(argv: string[], io: CliIO, options: CommandOptions): Promise<ReportResult & { format: 'text' | 'json' | 'markdown' }> {
  const platform = options.platform ?? process.platform;
  const args = parseOptions(argv, OPTIONS);
  // The first calendar is parsed by a worker started now, while the rest is read (calendars named here, or below in settings.json).
  if (args.calendar && args.calendar.length > 0) startParserAhead();
  const format = args.json ? 'json' : args.markdown ? 'markdown' : 'text';
  const zone = zoneOption(args, io.env);
  const now = reportInstant(args.date, io.now(), zone);

  const loaded = loadSettings(io, platform, 'report');
  const settings = withOverrides(loaded.settings, args.period, emailsOption(args));
  if (settings.calendar.files.length > 0) startParserAhead();
  const dataDir = dataDirOption(args, io, () => settings, platform);

  const gathered = await gatherReportInputs({ now, zone, settings, dataDir, calendarFlags: args.calendar, user: loaded.user, platform }, io);
  // The Markdown summary names fading and delegated languages, as Copy Weekly Summary does: it reads their year too.
  const inputs = format === 'markdown' ? { ...gathered, skills: await readSkillsHistory(dataDir, skillsRangeAt(now, zone)) } : gathered;
  const figures = currentFigures(inputs);
  return { inputs, figures, focus: focusReport(inputs, figures.period.period), focusBlocks: focusBlocksAhead(inputs), format };
}

export async function run(argv: string[], io: CliIO, options: CommandOptions = {}): Promise<number> {
  const result = await computeReport(argv, io, options);
  const { figures, inputs } = result;
  if (result.format === 'json') {
    printJson(io, reportJson(figures.period, figures.agentPeriod, result.focusBlocks, result.focus));
  } else if (result.format === 'markdown') {
    io.out(summaryMarkdown(inputs));
  } else {
    io.out(reportText({ figures, periodKind: inputs.settings.period, zone: inputs.zone, focus: result.focus, focusBlocks: result.focusBlocks }));
  }
  return 0;
}
