import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeBalance, type Balance } from '../core/balance/computeBalance';
import { focusBlocksRestOfWeek } from '../core/balance/focusBlocks';
import { periodRange, previousPeriodRange } from '../core/balance/periods';
import { dailySeries } from '../core/balance/series';
import { manualOccurrences } from '../core/calendar/manualMeetings';
import { isFeedUrl, loadCalendar } from '../core/calendar/sources/loadCalendar';
import { redactText, redactUrl } from '../core/calendar/sources/redact';
import type { CalendarVerdicts, MeetingRules } from '../core/calendar/types';
import type { BalanceInputs, SourceStatus } from '../core/dashboard/inputs';
import { readActivity, readManualMeetings } from '../core/journal/activityHistory';
import { defaultDataDirectory } from '../core/journal/dataDirectory';
import { reportJson } from '../core/report/reportJson';
import { reportMarkdown } from '../core/report/reportMarkdown';
import { formatDuration, formatPercent } from '../core/report/formatDuration';
import { formatInZone } from '../core/report/zoned';
import { PERIOD_KINDS, type PeriodKind, type Settings } from '../core/settings/settings';
import { validateSettings } from '../core/settings/validateSettings';
import { currentFigures, type CurrentFigures } from '../core/status/currentFigures';
import { DAY_MS } from '../core/time/clock';
import type { Interval } from '../core/time/interval';
import { addLocalDays, isLocalDate, isValidTimeZone, localDateOf, startOfLocalDate, systemTimeZone } from '../core/time/localDays';
import { parseArgs, single, UsageError, type CliIO } from './io';
import { readUserSettings, userSettingsPath, type UserSettings } from './vscodeSettings';

export const REPORT_SUMMARY = 'the hands-on share of the period, the same figures as the status bar';

const HELP = `Usage: hands-on report [--data-dir DIR] [--calendar FILE|FOLDER|URL ...] [--me a@x.com,b@y.com]
                       [--period day|week|rolling7] [--date YYYY-MM-DD] [--tz ZONE] [--json|--markdown]

Computes the hands-on share the status bar shows: coding and meeting minutes of the period, the overlap,
the share against your target, and the free focus blocks from then to the end of the week.

Settings come from your VS Code user settings.json when it exists (handsOn.targetPercent, workDays, workHours,
period, weekStartsOn, focusBlockMinutes, minCodingHoursPerWeek, dataDirectory, calendar.*); flags override them.
  --data-dir DIR   the Hands-On data folder (default: handsOn.dataDirectory, else the extension's storage)
  --calendar X     an .ics file, a folder of .ics files or a feed URL; repeat for several. Without it, the
                   files and folders of handsOn.calendar.files are used. Feed URLs added in VS Code are kept
                   in its secret storage, which the CLI cannot read: pass them with --calendar.
  --me LIST        your email addresses, comma-separated (default: handsOn.calendar.myEmails)
  --period P       day, week or rolling7 (default: handsOn.period)
  --date D         compute as of the end of local day D (a past day), or as of now when D is today (default)
  --tz ZONE        IANA time zone (default: $TZ, else the system zone)
  --json           {"period": {"start", "end"}, "codingMinutes", "meetingMinutes", "overlapMinutes",
                    "handsOnPercent", "targetPercent", "belowTarget", "focusBlocks": [{"start", "end"}]}
  --markdown       a short summary to paste into a 1:1 document`;

export interface ReportOptions {
  /** For tests: the platform whose settings.json location is used (default: process.platform). */
  platform?: NodeJS.Platform;
}

interface CalendarSpec {
  spec: string;
  /** Safe to print: a file or folder name, or a redacted URL. */
  label: string;
  fromSettings: boolean;
}

function labelOf(spec: string): string {
  if (isFeedUrl(spec)) return redactUrl(spec);
  const trimmed = spec.replace(/[\\/]+$/, '');
  const base = path.basename(trimmed) || trimmed;
  try {
    return fs.statSync(spec).isDirectory() ? `${base}/` : base;
  } catch {
    return base;
  }
}

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

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

function loadSettings(io: CliIO, platform: NodeJS.Platform): { settings: Settings; user: UserSettings | undefined } {
  let user: UserSettings | undefined;
  try {
    user = readUserSettings(io.env, platform, homeOf(io.env));
  } catch (error) {
    io.err(`hands-on report: warning: ${error instanceof Error ? error.message : String(error)}; using the default settings`);
  }
  const { settings, problems } = validateSettings((key) => user?.get(key));
  for (const problem of problems) io.err(`hands-on report: warning: ${problem.message}`);
  return { settings, user };
}

function withOverrides(settings: Settings, period: string | undefined, me: string | undefined): Settings {
  let result = settings;
  if (period !== undefined) {
    if (!(PERIOD_KINDS as readonly string[]).includes(period)) throw new UsageError(`--period must be day, week or rolling7, got "${period}"`);
    result = { ...result, period: period as PeriodKind };
  }
  if (me !== undefined) {
    const emails = me
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
    const bad = emails.find((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
    if (bad !== undefined) throw new UsageError(`--me: "${bad}" is not an email address`);
    result = { ...result, calendar: { ...result.calendar, myEmails: emails } };
  }
  return result;
}

function calendarSpecs(flags: readonly string[], settings: Settings, user: UserSettings | undefined, io: CliIO, platform: NodeJS.Platform): CalendarSpec[] {
  if (flags.length > 0) return flags.map((spec) => ({ spec, label: labelOf(spec), fromSettings: false }));
  const specs = settings.calendar.files.map((spec) => ({ spec, label: labelOf(spec), fromSettings: true }));
  const secret = 'feed URLs added in VS Code live in its secret storage and cannot be read here; pass them with --calendar URL';
  if (specs.length > 0) {
    const noun = specs.length === 1 ? 'calendar' : 'calendars';
    io.err(`hands-on report: using ${specs.length} ${noun} from VS Code settings: ${specs.map((s) => s.label).join(', ')} (${secret})`);
  } else {
    const where = user ? user.file : userSettingsPath(io.env, platform, homeOf(io.env));
    io.err(`hands-on report: no calendar files in ${where} (handsOn.calendar.files) and no --calendar: meeting time comes from logged meetings only (${secret})`);
  }
  return specs;
}

async function loadCalendars(specs: readonly CalendarSpec[], window: Interval, zone: string, rules: MeetingRules, io: CliIO): Promise<CalendarVerdicts & { sources: SourceStatus[] }> {
  const merged: CalendarVerdicts & { sources: SourceStatus[] } = { occurrences: [], daysOff: [], warnings: [], sources: [] };
  const daysOff = new Set<string>();
  for (const { spec, label, fromSettings } of specs) {
    const kind = isFeedUrl(spec) ? 'url' : label.endsWith('/') ? 'folder' : 'file';
    let verdicts: CalendarVerdicts;
    try {
      verdicts = await loadCalendar(spec, { from: window.start, to: window.end, zone, rules });
    } catch (error) {
      const message = redactText(error instanceof Error ? error.message : String(error));
      // A calendar named on the command line must work; one from settings.json is skipped like a failed refresh.
      if (!fromSettings) throw new UsageError(message);
      io.err(`hands-on report: warning: calendar ${label} skipped: ${message}`);
      merged.sources.push({ label, kind, error: message, warnings: [] });
      continue;
    }
    merged.occurrences.push(...verdicts.occurrences.map((o) => ({ ...o, source: label })));
    verdicts.daysOff.forEach((d) => daysOff.add(d));
    merged.warnings.push(...verdicts.warnings.map((w) => `${label}: ${w}`));
    merged.sources.push({ label, kind, warnings: verdicts.warnings });
  }
  merged.occurrences.sort((a, b) => a.start - b.start || a.end - b.end);
  merged.daysOff = [...daysOff].sort();
  return merged;
}

/** What `report` computed, before it is printed; exported for tests. */
export interface ReportResult {
  inputs: BalanceInputs;
  figures: CurrentFigures;
  focusBlocks: Interval[];
  previous: Balance;
}

function summaryText(result: ReportResult): string {
  const { figures, inputs, focusBlocks } = result;
  const { period } = figures;
  const zone = inputs.zone;
  const kind = inputs.settings.period;
  const first = formatInZone(period.period.start, zone, 'EEE d MMM yyyy');
  const last = formatInZone(period.period.end - 1, zone, 'EEE d MMM yyyy');
  const title =
    kind === 'day'
      ? `Hands-on time on ${first}`
      : kind === 'week'
        ? `Hands-on time, week ${first} – ${last}`
        : `Hands-on time, the 7 days to ${formatInZone(period.asOf, zone, 'EEE d MMM yyyy HH:mm')}`;
  const state = period.handsOnPercent === undefined && !period.belowTarget ? 'no data yet' : period.belowTarget ? 'below target' : 'on target';
  const lines = [
    `${title} (${zone}, as of ${formatInZone(period.asOf, zone, 'EEE d MMM HH:mm')})`,
    `  Hands-on   ${formatPercent(period.handsOnPercent)} (target ${formatPercent(period.targetPercent)}): ${state}`,
    `  Coding     ${formatDuration(period.codingMinutes)}`,
    `  Meetings   ${formatDuration(period.meetingMinutes)}`,
  ];
  if (period.overlapMinutes > 0) lines.push(`  Overlap    ${formatDuration(period.overlapMinutes)} (coding during meetings, counted in both)`);
  if (period.requiredCodingMinutes !== undefined) lines.push(`  Pace       ${formatDuration(period.codingMinutes)} of ${formatDuration(period.requiredCodingMinutes)} coding due so far`);
  if (kind !== 'day') {
    lines.push(`  Today      ${formatPercent(figures.today.handsOnPercent)}: ${formatDuration(figures.today.codingMinutes)} coding, ${formatDuration(figures.today.meetingMinutes)} meetings`);
  }
  const next = figures.nextMeeting;
  if (next) lines.push(`Next meeting: ${formatInZone(next.start, zone, 'EEE d MMM HH:mm')} ${next.title || '(no title)'}`);
  const blocks = focusBlocks.map((b) => `${formatInZone(b.start, zone, 'EEE HH:mm')}–${formatInZone(b.end, zone, 'HH:mm')} (${formatDuration((b.end - b.start) / 60_000)})`);
  lines.push(`Free focus blocks ahead this week: ${blocks.length > 0 ? blocks.join(', ') : 'none'}`);
  return lines.join('\n');
}

/** Gathers the inputs the status bar would have at `now` and computes the figures from them. */
export async function computeReport(argv: string[], io: CliIO, options: ReportOptions = {}): Promise<ReportResult & { format: 'text' | 'json' | 'markdown' }> {
  const platform = options.platform ?? process.platform;
  const args = parseArgs(argv, ['--data-dir', '--calendar', '--me', '--period', '--date', '--tz'], ['--json', '--markdown']);
  if (args.switches.has('--json') && args.switches.has('--markdown')) throw new UsageError('--json and --markdown cannot be combined');
  const format = args.switches.has('--json') ? 'json' : args.switches.has('--markdown') ? 'markdown' : 'text';
  const zone = single(args, '--tz') ?? (io.env.TZ || systemTimeZone());
  if (!isValidTimeZone(zone)) throw new UsageError(`--tz "${zone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  const now = reportInstant(single(args, '--date'), io.now(), zone);

  const loaded = loadSettings(io, platform);
  const settings = withOverrides(loaded.settings, single(args, '--period'), single(args, '--me'));
  const dataDir = single(args, '--data-dir') ?? (settings.dataDirectory || defaultDataDirectory(io.env, platform, homeOf(io.env)));
  if (!fs.existsSync(dataDir)) throw new UsageError(`no Hands-On data folder at ${dataDir} (pass --data-dir DIR)`);

  // Like the status bar: every period starts less than 8 days ago and two weeks ahead find the next meeting;
  // the previous period (for the Markdown trend) reaches back at most two weeks.
  const period = periodRange(settings.period, now, zone, settings.weekStartsOn);
  const previousRange = previousPeriodRange(settings.period, period, zone, settings.weekStartsOn);
  const range: Interval = { start: Math.min(now - 8 * DAY_MS, previousRange.start), end: now + 15 * DAY_MS };

  const activity = readActivity(dataDir, range);
  const manual = readManualMeetings(dataDir, range);
  const corrupt = activity.corruptLines + manual.corruptLines;
  if (corrupt > 0) io.err(`hands-on report: warning: skipped ${corrupt} unreadable record(s) in ${dataDir}`);

  const rules: MeetingRules = { myEmails: settings.calendar.myEmails, countTentative: settings.calendar.countTentative, excludeKeywords: settings.calendar.excludeKeywords };
  const specs = calendarSpecs(args.flags.get('--calendar') ?? [], settings, loaded.user, io, platform);
  const calendars = await loadCalendars(specs, range, zone, rules, io);
  for (const warning of calendars.warnings) io.err(`hands-on report: warning: ${warning}`);

  const inputs: BalanceInputs = {
    now,
    zone,
    settings,
    range,
    coding: activity.union,
    codingMinutesByWorkspace: activity.minutesByWorkspace,
    codingMinutesByLanguage: activity.minutesByLanguage,
    occurrences: [...calendars.occurrences, ...manualOccurrences(manual.meetings)],
    daysOff: calendars.daysOff,
    sources: calendars.sources,
  };
  const figures = currentFigures(inputs);
  const focusBlocks = focusBlocksRestOfWeek(now, { meetings: figures.meetings, zone, settings, daysOff: inputs.daysOff });
  const previous = computeBalance({ coding: inputs.coding, meetings: figures.meetings, period: previousRange, now, settings, zone, daysOff: inputs.daysOff });
  return { inputs, figures, focusBlocks, previous, format };
}

export async function run(argv: string[], io: CliIO, options: ReportOptions = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  const result = await computeReport(argv, io, options);
  const { figures, inputs } = result;
  if (result.format === 'json') {
    io.out(JSON.stringify(reportJson(figures.period, result.focusBlocks), null, 2));
  } else if (result.format === 'markdown') {
    const days = dailySeries({ coding: inputs.coding, meetings: figures.meetings, now: inputs.now, zone: inputs.zone }, figures.period.period);
    io.out(reportMarkdown({ balance: figures.period, periodKind: inputs.settings.period, focusBlocks: result.focusBlocks, days, previous: result.previous }));
  } else {
    io.out(summaryText(result));
  }
  return 0;
}
