/** The validated, typed snapshot of every `handsOn.*` setting. The core only ever sees this, never raw settings.json values. */

export type PeriodKind = 'day' | 'week' | 'rolling7';
export type WeekStart = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type StatusBarFormat = 'percent' | 'hours' | 'ratio' | 'icon';
/** `separate`: agent time is shown, not coding; `hands-on`: it counts as coding. */
export type AgentTimeMode = 'separate' | 'hands-on';

/** Wall-clock times as `HH:mm`; `end` may be `24:00` and is always after `start`. */
export interface WorkHours {
  readonly start: string;
  readonly end: string;
}

export interface Settings {
  readonly period: PeriodKind;
  readonly weekStartsOn: WeekStart;
  readonly targetPercent: number;
  readonly minCodingHoursPerWeek: number;
  readonly workDays: readonly Weekday[];
  readonly workHours: WorkHours;
  readonly focusBlockMinutes: number;
  readonly idleTimeoutMinutes: number;
  readonly recordProjectNames: boolean;
  readonly agentTime: AgentTimeMode;
  readonly statusBar: { readonly format: StatusBarFormat; readonly warnBelowTarget: boolean };
  readonly nudge: { readonly enabled: boolean; readonly minHoursBetween: number };
  readonly calendar: {
    readonly refreshMinutes: number;
    readonly myEmails: readonly string[];
    readonly countTentative: boolean;
    readonly excludeKeywords: readonly string[];
    /** Titles of busy non-meetings that are breaks (lunch, out of office): neither meetings nor free time. */
    readonly breakKeywords: readonly string[];
    readonly files: readonly string[];
  };
  readonly dataDirectory: string;
  /** Skills: when a language is *fading* and when it is *delegated* (core/skills). */
  readonly skills: { readonly fadingDays: number; readonly delegatedPercent: number };
}

export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'rolling7'];
export const WEEK_STARTS: readonly WeekStart[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Ordered Monday first, the ISO order in which validated `workDays` are returned. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const STATUS_BAR_FORMATS: readonly StatusBarFormat[] = ['percent', 'hours', 'ratio', 'icon'];
export const AGENT_TIME_MODES: readonly AgentTimeMode[] = ['separate', 'hands-on'];

/** `handsOn.agentTime`'s one question: is agent time in the coding figures? */
export const agentTimeCounts = (mode: AgentTimeMode): boolean => mode === 'hands-on';

export const SETTINGS_SECTION = 'handsOn';

export const DEFAULT_SETTINGS: Settings = {
  period: 'week',
  weekStartsOn: 'monday',
  targetPercent: 40,
  minCodingHoursPerWeek: 0,
  workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workHours: { start: '09:00', end: '18:00' },
  focusBlockMinutes: 120,
  idleTimeoutMinutes: 5,
  recordProjectNames: true,
  agentTime: 'separate',
  statusBar: { format: 'percent', warnBelowTarget: true },
  nudge: { enabled: true, minHoursBetween: 24 },
  calendar: {
    refreshMinutes: 15,
    myEmails: [],
    countTentative: true,
    excludeKeywords: ['Focus'],
    breakKeywords: ['Lunch', 'Break', 'OOO', 'Out of office'],
    files: [],
  },
  dataDirectory: '',
  skills: { fadingDays: 90, delegatedPercent: 80 },
};

/** Inclusive bounds of the numeric settings, shared with package.json's `minimum`/`maximum` (a manifest test can compare them). */
export const NUMBER_RANGES = {
  targetPercent: { min: 0, max: 100, integer: false },
  minCodingHoursPerWeek: { min: 0, max: 80, integer: false },
  focusBlockMinutes: { min: 15, max: 480, integer: true },
  idleTimeoutMinutes: { min: 1, max: 60, integer: true },
  'nudge.minHoursBetween': { min: 1, max: 720, integer: false },
  'calendar.refreshMinutes': { min: 5, max: 1440, integer: true },
  'skills.fadingDays': { min: 7, max: 365, integer: true },
  'skills.delegatedPercent': { min: 50, max: 100, integer: false },
} as const satisfies Record<string, NumberRange>;

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const DEFAULTS_BY_KEY = {
  period: DEFAULT_SETTINGS.period,
  weekStartsOn: DEFAULT_SETTINGS.weekStartsOn,
  targetPercent: DEFAULT_SETTINGS.targetPercent,
  minCodingHoursPerWeek: DEFAULT_SETTINGS.minCodingHoursPerWeek,
  workDays: DEFAULT_SETTINGS.workDays,
  workHours: DEFAULT_SETTINGS.workHours,
  focusBlockMinutes: DEFAULT_SETTINGS.focusBlockMinutes,
  idleTimeoutMinutes: DEFAULT_SETTINGS.idleTimeoutMinutes,
  recordProjectNames: DEFAULT_SETTINGS.recordProjectNames,
  agentTime: DEFAULT_SETTINGS.agentTime,
  'statusBar.format': DEFAULT_SETTINGS.statusBar.format,
  'statusBar.warnBelowTarget': DEFAULT_SETTINGS.statusBar.warnBelowTarget,
  'nudge.enabled': DEFAULT_SETTINGS.nudge.enabled,
  'nudge.minHoursBetween': DEFAULT_SETTINGS.nudge.minHoursBetween,
  'calendar.refreshMinutes': DEFAULT_SETTINGS.calendar.refreshMinutes,
  'calendar.myEmails': DEFAULT_SETTINGS.calendar.myEmails,
  'calendar.countTentative': DEFAULT_SETTINGS.calendar.countTentative,
  'calendar.excludeKeywords': DEFAULT_SETTINGS.calendar.excludeKeywords,
  'calendar.breakKeywords': DEFAULT_SETTINGS.calendar.breakKeywords,
  'calendar.files': DEFAULT_SETTINGS.calendar.files,
  dataDirectory: DEFAULT_SETTINGS.dataDirectory,
  'skills.fadingDays': DEFAULT_SETTINGS.skills.fadingDays,
  'skills.delegatedPercent': DEFAULT_SETTINGS.skills.delegatedPercent,
} satisfies Record<string, unknown>;

/** A setting key without the `handsOn.` prefix, flat as VS Code's configuration API names them. */
export type SettingKey = keyof typeof DEFAULTS_BY_KEY;
/** The type of the value a setting key holds. */
export type SettingValue<K extends SettingKey> = (typeof DEFAULTS_BY_KEY)[K];

/** Every setting key (without the `handsOn.` prefix) with its default. */
export const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = DEFAULTS_BY_KEY;

export const SETTING_KEYS: readonly string[] = Object.keys(SETTING_DEFAULTS);
