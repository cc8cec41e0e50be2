import { coerceBoolean, coerceEnum, coerceNumber, coerceStringList, describeRaw, type Coerced } from './coerce';
import {
  AGENT_TIME_MODES,
  DEFAULT_SETTINGS,
  NUMBER_RANGES,
  PERIOD_KINDS,
  SETTINGS_SECTION,
  STATUS_BAR_FORMATS,
  WEEK_STARTS,
  WEEKDAYS,
  type Settings,
  type Weekday,
  type WorkHours,
} from './settings';
import { formatClockTime, parseClockTime } from './workHours';

export interface SettingProblem {
  /** The full setting id, e.g. `handsOn.targetPercent`. */
  readonly key: string;
  /** One sentence for the log and the warning: what was wrong and what is used instead. */
  readonly message: string;
}

export interface ValidatedSettings {
  settings: Settings;
  problems: SettingProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isAbsolutePath(path: string): boolean {
  // Settings may be synced between Windows and Unix machines, so either spelling of "absolute" is accepted:
  // `/x`, `C:\x` or `C:/x`, and UNC `\\server\share` (what node:path's posix and win32 isAbsolute accept).
  return /^(?:[/\\]|[A-Za-z]:[/\\])/.test(path);
}

/**
 * Reads every setting through `raw` (keys without the `handsOn.` prefix, as `getConfiguration('handsOn').get(key)`)
 * and returns a snapshot that is valid whatever settings.json holds. `undefined` means "not set" and silently takes
 * the default; anything else that is not valid yields exactly one problem naming the setting.
 */
export function validateSettings(raw: (key: string) => unknown): ValidatedSettings {
  const problems: SettingProblem[] = [];
  const take = <T>(key: string, coerced: Coerced<T>): T => {
    if (coerced.issue !== undefined) {
      const id = `${SETTINGS_SECTION}.${key}`;
      problems.push({ key: id, message: `${id}: ${coerced.issue}.` });
    }
    return coerced.value;
  };
  const read = (key: string): unknown => {
    try {
      return raw(key);
    } catch {
      return null;
    }
  };
  const keywords = (key: 'calendar.excludeKeywords' | 'calendar.breakKeywords', fallback: readonly string[]) =>
    take(key, coerceStringList(read(key), fallback, (k) => (k.trim() === '' ? undefined : k.trim()), { emptyMeansDefault: false, what: 'a non-empty keyword' }));
  const num = (key: keyof typeof NUMBER_RANGES, fallback: number) => take(key, coerceNumber(read(key), fallback, NUMBER_RANGES[key]));

  const d = DEFAULT_SETTINGS;
  const settings: Settings = {
    period: take('period', coerceEnum(read('period'), d.period, PERIOD_KINDS)),
    weekStartsOn: take('weekStartsOn', coerceEnum(read('weekStartsOn'), d.weekStartsOn, WEEK_STARTS)),
    targetPercent: num('targetPercent', d.targetPercent),
    minCodingHoursPerWeek: num('minCodingHoursPerWeek', d.minCodingHoursPerWeek),
    workDays: take('workDays', coerceWorkDays(read('workDays'))),
    workHours: take('workHours', coerceWorkHours(read('workHours'))),
    focusBlockMinutes: num('focusBlockMinutes', d.focusBlockMinutes),
    idleTimeoutMinutes: num('idleTimeoutMinutes', d.idleTimeoutMinutes),
    recordProjectNames: take('recordProjectNames', coerceBoolean(read('recordProjectNames'), d.recordProjectNames)),
    agentTime: take('agentTime', coerceEnum(read('agentTime'), d.agentTime, AGENT_TIME_MODES)),
    statusBar: {
      format: take('statusBar.format', coerceEnum(read('statusBar.format'), d.statusBar.format, STATUS_BAR_FORMATS)),
      warnBelowTarget: take('statusBar.warnBelowTarget', coerceBoolean(read('statusBar.warnBelowTarget'), d.statusBar.warnBelowTarget)),
    },
    nudge: {
      enabled: take('nudge.enabled', coerceBoolean(read('nudge.enabled'), d.nudge.enabled)),
      minHoursBetween: num('nudge.minHoursBetween', d.nudge.minHoursBetween),
    },
    calendar: {
      refreshMinutes: num('calendar.refreshMinutes', d.calendar.refreshMinutes),
      myEmails: take(
        'calendar.myEmails',
        coerceStringList(read('calendar.myEmails'), d.calendar.myEmails, (e) => (EMAIL.test(e.trim()) ? e.trim().toLowerCase() : undefined), {
          emptyMeansDefault: false,
          what: 'an email address',
        }),
      ),
      countTentative: take('calendar.countTentative', coerceBoolean(read('calendar.countTentative'), d.calendar.countTentative)),
      excludeKeywords: keywords('calendar.excludeKeywords', d.calendar.excludeKeywords),
      breakKeywords: keywords('calendar.breakKeywords', d.calendar.breakKeywords),
      files: take(
        'calendar.files',
        coerceStringList(read('calendar.files'), d.calendar.files, (f) => (isAbsolutePath(f.trim()) ? f.trim() : undefined), {
          emptyMeansDefault: false,
          what: 'an absolute path',
        }),
      ),
    },
    dataDirectory: take('dataDirectory', coerceDataDirectory(read('dataDirectory'))),
    skills: {
      fadingDays: num('skills.fadingDays', d.skills.fadingDays),
      delegatedPercent: num('skills.delegatedPercent', d.skills.delegatedPercent),
    },
  };
  return { settings, problems };
}

const FULL_DAY_NAMES: Record<string, Weekday> = {
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun',
};

function coerceWorkDays(raw: unknown): Coerced<Weekday[]> {
  const list = coerceStringList(
    raw,
    DEFAULT_SETTINGS.workDays,
    (entry) => {
      const lower = entry.trim().toLowerCase();
      return (WEEKDAYS as readonly string[]).includes(lower) ? lower : FULL_DAY_NAMES[lower];
    },
    { emptyMeansDefault: true, what: 'one of "mon"…"sun"' },
  );
  const value = WEEKDAYS.filter((day) => list.value.includes(day));
  return list.issue === undefined ? { value } : { value, issue: list.issue };
}

function coerceWorkHours(raw: unknown): Coerced<WorkHours> {
  const fallback = DEFAULT_SETTINGS.workHours;
  if (raw === undefined) return { value: { ...fallback } };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: { ...fallback }, issue: `${describeRaw(raw)} is not {"start": "HH:mm", "end": "HH:mm"}; using ${fallback.start}–${fallback.end}` };
  }
  const record = raw as Record<string, unknown>;
  const issues: string[] = [];
  const field = (name: 'start' | 'end', allowEndOfDay: boolean): number => {
    const value = record[name];
    const parsed = typeof value === 'string' ? parseClockTime(value, allowEndOfDay) : undefined;
    if (parsed !== undefined) return parsed;
    const used = fallback[name];
    issues.push(`${name} ${value === undefined ? 'is missing' : `${describeRaw(value)} is not a time from 00:00 to ${allowEndOfDay ? '24:00' : '23:59'}`}`);
    return parseClockTime(used, allowEndOfDay)!;
  };
  let start = field('start', false);
  let end = field('end', true);
  if (end <= start) {
    issues.push(`end ${formatClockTime(end)} is not after start ${formatClockTime(start)}`);
    start = parseClockTime(fallback.start, false)!;
    end = parseClockTime(fallback.end, true)!;
  }
  const value = { start: formatClockTime(start), end: formatClockTime(end) };
  // A mere re-spelling ("9:00" → "09:00") is not worth a warning.
  if (issues.length === 0) return { value };
  return { value, issue: `${issues.join('; ')}; using ${value.start}–${value.end}` };
}

function coerceDataDirectory(raw: unknown): Coerced<string> {
  if (raw === undefined) return { value: '' };
  if (typeof raw !== 'string') return { value: '', issue: `${describeRaw(raw)} is not a folder path; using the default location` };
  const trimmed = raw.trim();
  if (trimmed === '' || isAbsolutePath(trimmed)) return { value: trimmed };
  return { value: '', issue: `${describeRaw(raw)} is not an absolute path; using the default location` };
}
