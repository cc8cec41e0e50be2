import type { SkillsHistory } from '../skills/skills';
import { computeBalance, type Balance } from './computeBalance';
import type { CharacterBucket } from '../activity/characterCounts';
import type { SourceKind } from '../calendar/sourceKind';
import type { Occurrence } from '../calendar/types';
import type { Settings } from '../settings/settings';
import type { Interval } from '../time/interval';
import type { LocalDate } from '../time/localDays';

/** How a calendar source is doing, as the status bar tooltip and the dashboard show it. */
export interface SourceStatus {
  /** What the user calls it: a file name, a folder name, or a redacted feed host. Never a secret URL. */
  label: string;
  kind: SourceKind;
  lastRefreshed?: number;
  error?: string;
  warnings: string[];
}

/**
 * Everything the balance, the nudges, the dashboard and the report compute from, for one span of time.
 * The host gathers it (journal + calendars + settings); the core turns it into figures.
 */
export interface BalanceInputs {
  now: number;
  zone: string;
  settings: Settings;
  /** The span these inputs cover. */
  range: Interval;
  /** Coding time: sorted, disjoint union across windows and machines; with agent time when `handsOn.agentTime` is "hands-on". */
  coding: Interval[];
  /** Agent time (sorted, disjoint): agent edits arrived and the user did nothing else. Absent: none recorded. */
  agent?: Interval[];
  /** `agent` by agent name (core/activity/handsAndAgents.ts), disjoint between agents. Absent: none recorded. */
  agentByName?: Readonly<Record<string, Interval[]>>;
  /** Character counts per quarter hour in the range, each once (latestBuckets). Absent: none recorded. */
  characters?: CharacterBucket[];
  /** The span the breakdowns below cover, inside `range`. Absent: the whole range, or (from the host, for the status bar) no breakdown at all, the maps empty. */
  breakdownRange?: Interval;
  codingMinutesByWorkspace: Record<string, number>;
  codingMinutesByLanguage: Record<string, number>;
  /** Hands-on minutes by the writer that saw them (vscode, terminal, neovim), over the breakdown range. */
  codingMinutesBySource: Record<string, number>;
  /** Every calendar occurrence in the range with its verdict (counted or why not), manual meetings included as counted. */
  occurrences: Occurrence[];
  /** The skills history (spans with their language, typed characters by language) over the span a tab asked for; absent: not asked for. */
  skills?: SkillsHistory;
  daysOff: LocalDate[];
  sources: SourceStatus[];
}

/** The balance over `period` from `inputs`; `meetings` are `meetingIntervals(inputs.occurrences)`, computed once by the caller. */
export function balanceOver(inputs: BalanceInputs, meetings: readonly Interval[], period: Interval): Balance {
  return computeBalance({ coding: inputs.coding, meetings, period, now: inputs.now, settings: inputs.settings, zone: inputs.zone, daysOff: inputs.daysOff });
}
