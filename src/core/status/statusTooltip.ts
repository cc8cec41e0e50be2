import type { AgentFigures } from '../balance/agentFigures';
import type { Balance } from '../balance/computeBalance';
import type { SourceStatus } from '../balance/balanceInputs';
import { formatDuration, formatPercent } from '../report/formatDuration';
import { PERIOD_WORDS, TARGET_WORDS } from '../report/wording';
import { formatInZone } from '../report/zoned';
import { agentTimeCounts, type PeriodKind } from '../settings/settings';
import { MINUTE_MS } from '../time/clock';
import type { CurrentFigures } from './currentFigures';

export interface TooltipInput {
  figures: CurrentFigures;
  periodKind: PeriodKind;
  /** `handsOn.focusBlockMinutes`. */
  focusBlockMinutes: number;
  zone: string;
  sources: readonly SourceStatus[];
  paused: boolean;
  /** Why history cannot be saved right now, with what to do. */
  storageProblem: { message: string; remedy: string } | undefined;
  /** History files that could not be read (permissions, a sync tool's placeholder), with what to do; absent: none. */
  historyProblem?: string;
  /** Skills' line about a much-used language that is fading (skillsText.fadingLine); absent: none, or not read yet. */
  fadingSkill?: string;
}

/** Calendar titles and file names are the user's data: they must show as text, never as Markdown or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

function shareCell(balance: Balance): string {
  return `${formatPercent(balance.handsOnPercent)}${balance.belowTarget ? ' $(warning)' : ''}`;
}

function time(epochMs: number, zone: string): string {
  return formatInZone(epochMs, zone, 'HH:mm');
}

/** The status bar tooltip as Markdown; the only links are our own commands. */
export function statusTooltip(input: TooltipInput): string {
  const { figures, zone, periodKind } = input;
  const { period, today } = figures;
  const lines: string[] = [];
  lines.push(`**Hands-On** — target ${formatPercent(period.targetPercent)} hands-on ${PERIOD_WORDS[periodKind].phrase}`, '');
  if (input.paused) lines.push('$(debug-pause) **Tracking is paused.** [Resume](command:handsOn.resumeTracking)', '');
  if (input.storageProblem) lines.push(`$(error) ${escapeMarkdown(input.storageProblem.message)} ${escapeMarkdown(input.storageProblem.remedy)}`, '');
  if (input.historyProblem) lines.push(`$(warning) ${escapeMarkdown(input.historyProblem)}`, '');
  const todayTitle = PERIOD_WORDS.day.title;
  const columns = periodKind === 'day' ? [[todayTitle, today]] : ([[todayTitle, today], [PERIOD_WORDS[periodKind].title, period]] as const);
  lines.push(`| | ${columns.map(([title]) => title).join(' | ')} |`, `|---|${columns.map(() => '---:|').join('')}`);
  const row = (label: string, cell: (b: Balance) => string) => lines.push(`| ${label} | ${columns.map(([, b]) => cell(b as Balance)).join(' | ')} |`);
  row('Coding', (b) => formatDuration(b.codingMinutes));
  row('Meetings', (b) => formatDuration(b.meetingMinutes));
  row('Overlap', (b) => formatDuration(b.overlapMinutes));
  row('Hands-on', shareCell);
  const agentColumns = periodKind === 'day' ? [figures.agentToday] : [figures.agentToday, figures.agentPeriod];
  lines.push(`| Agent | ${agentColumns.map((a) => formatDuration(a.agentMinutes)).join(' | ')} |`);
  // One row per agent of the longer period, so the rows line up across both columns.
  for (const share of agentColumns[agentColumns.length - 1]!.byAgent.filter((a) => a.minutes > 0)) {
    const minutesOf = (figures: AgentFigures) => figures.byAgent.find((a) => a.name === share.name)?.minutes ?? 0;
    lines.push(`| &nbsp;&nbsp;${escapeMarkdown(share.label)} | ${agentColumns.map((a) => formatDuration(minutesOf(a))).join(' | ')} |`);
  }
  lines.push('');
  lines.push(
    agentTimeCounts(figures.agentPeriod.agentTime)
      ? 'Agent time (edits you did not make, while you did nothing else) counts as coding.'
      : 'Agent time (edits you did not make, while you did nothing else) is not counted as coding.',
  );
  const typed = figures.agentPeriod.typedPercent;
  if (typed !== undefined) lines.push(`You typed ${formatPercent(typed)} of the characters that landed ${PERIOD_WORDS[periodKind].phrase}.`);
  lines.push('');
  if (input.fadingSkill !== undefined) lines.push(`$(history) ${escapeMarkdown(input.fadingSkill)}`, '');
  if (period.requiredCodingMinutes !== undefined) {
    lines.push(`Weekly minimum pace: ${formatDuration(period.codingMinutes)} coded of ${formatDuration(period.requiredCodingMinutes)} due by now.`, '');
  }
  const next = figures.nextMeeting;
  lines.push(next ? `$(calendar) Next meeting: ${time(next.start, zone)}–${time(next.end, zone)} ${escapeMarkdown(next.title || '(no title)')}` : '$(calendar) No more meetings ahead.', '');
  const block = figures.nextFocusBlockToday;
  lines.push(
    block
      ? `$(target) Next free focus block today: ${time(block.start, zone)}–${time(block.end, zone)} (${formatDuration((block.end - block.start) / MINUTE_MS)})`
      : '$(target) No free focus block left today.',
    '',
    `$(clock) Focus time left (free blocks of ${formatDuration(input.focusBlockMinutes)} or more): ${formatDuration(figures.focusLeftTodayMinutes)} today, ${formatDuration(figures.focusLeftWeekMinutes)} this week.`,
    '',
  );
  if (input.sources.length === 0) {
    lines.push('No calendar connected. [Add Calendar…](command:handsOn.addCalendar)', '');
  } else {
    for (const source of input.sources) {
      const state = source.error
        ? `$(error) ${escapeMarkdown(source.error)}`
        : source.lastRefreshed !== undefined
          ? `refreshed ${formatInZone(source.lastRefreshed, zone, 'EEE HH:mm')}`
          : 'not read yet';
      // A calendar that reads but skipped events says so: the user can fix the event the warning names.
      const warning = source.warnings[0] === undefined ? '' : ` · $(warning) ${escapeMarkdown(source.warnings[0])}${source.warnings.length > 1 ? ` (+${source.warnings.length - 1} more in the dashboard)` : ''}`;
      lines.push(`- ${escapeMarkdown(source.label)}: ${state}${warning}`);
    }
    lines.push('');
  }
  lines.push(
    `[Open Dashboard](command:handsOn.openDashboard) · ${input.paused ? '[Resume Tracking](command:handsOn.resumeTracking)' : '[Pause Tracking](command:handsOn.pauseTracking)'} · [Settings](command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify(['handsOn']))})`,
  );
  return lines.join('\n');
}

/** What a screen reader announces for the status bar item. */
export function statusAccessibleLabel(figures: CurrentFigures, periodKind: PeriodKind, paused: boolean): string {
  const { period } = figures;
  const state = period.handsOnPercent === undefined ? TARGET_WORDS.noData : `${formatPercent(period.handsOnPercent)} hands-on ${PERIOD_WORDS[periodKind].phrase}`;
  const target = `target ${formatPercent(period.targetPercent)}${period.belowTarget ? `, ${TARGET_WORDS.below}` : ''}`;
  return `Hands-On: ${state}, ${target}${paused ? ', tracking paused' : ''}`;
}
