import type { AgentFigures } from '../balance/agentFigures';
import type { Balance } from '../balance/computeBalance';
import type { FocusReport } from '../balance/focusReport';
import type { DayFigures } from '../balance/series';
import { UNKNOWN_LANGUAGE } from '../activity/characterCounts';
import type { Skills } from '../skills/skills';
import { languageSentence } from '../skills/skillsText';
import { escapeMarkdown } from '../status/statusTooltip';
import { agentTimeCounts, type PeriodKind } from '../settings/settings';
import { MINUTE_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import { startOfLocalDate } from '../time/localDays';
import { focusTexts, seriesFigures } from './focusText';
import { formatDuration, formatPercent } from './formatDuration';
import { PERIOD_WORDS, periodHeading, targetStatusText } from './wording';
import { formatInZone, spanLabel } from './zoned';

export interface MarkdownReportInput {
  readonly balance: Balance;
  readonly periodKind: PeriodKind;
  /** Free focus blocks still ahead (usually the rest of the week). */
  readonly focusBlocks: readonly Interval[];
  /** Per-day figures of the period (`dailySeries`); days with nothing are left out of the table. */
  readonly days?: readonly DayFigures[];
  /** The same figures for the previous period, for the trend in the headline. */
  readonly previous?: Balance;
  /** Agent time and characters of the period. */
  readonly agent?: AgentFigures;
  /** The period's focus figures (`focusReport`): available, used, fragmented, and the costliest meeting series. */
  readonly focus?: FocusReport;
  /** Skills over the last 12 months: the languages that are fading or delegated get a line each. */
  readonly skills?: Skills;
}

/** How many meeting series the summary names. */
export const SUMMARY_SERIES = 3;

function focusLines(focus: FocusReport): string[] {
  const texts = focusTexts(focus);
  const lines = [
    '',
    `**Focus** (free blocks of ${formatDuration(focus.blockMinutes)} or more, between meetings and breaks):`,
    '',
    `- Available: ${texts.available}`,
    `- Used: ${texts.used}`,
    `- Fragmented: ${texts.fragmented}`,
    `- Back to code after meetings: ${texts.reentry}`,
  ];
  const costly = focus.series.filter((s) => s.focusCostMinutes > 0).slice(0, SUMMARY_SERIES);
  if (costly.length > 0) {
    lines.push('', '**What the calendar cost in focus time:**', '');
    costly.forEach((series, i) => lines.push(`${i + 1}. ${escapeMarkdown(series.title || '(no title)')}: ${seriesFigures(series)}`));
  }
  return lines;
}

/** The languages whose verdict is worth a 1:1's attention, one sentence each; nothing when none is fading or delegated. */
function skillsLines(skills: Skills): string[] {
  const flagged = skills.languages.filter((l) => (l.fading || l.delegated) && l.language !== UNKNOWN_LANGUAGE);
  if (flagged.length === 0) return [];
  return ['', '**Skills** (hands-on time per language, last 12 months):', '', ...flagged.map((l) => `- ${escapeMarkdown(languageSentence(l, skills))}`)];
}

function share(balance: Balance): string {
  return formatPercent(balance.handsOnPercent);
}

/** `Wed 14:00–18:00 (4h)`, a block ending at midnight at `24:00`: a free focus block in the summaries. */
export function focusBlockText(block: Interval, zone: string): string {
  return `${spanLabel(block, zone, 'EEE')} (${formatDuration((block.end - block.start) / MINUTE_MS)})`;
}

/** One sentence on agent time and the characters: the same in the Markdown summary and the status tooltip. */
export function agentTimeText(agent: AgentFigures): string {
  const counts = agentTimeCounts(agent.agentTime) ? 'counted as coding' : 'not counted as coding';
  const typed = agent.typedPercent === undefined ? '' : `; you typed ${formatPercent(agent.typedPercent)} of the characters that landed`;
  const byAgent = agent.byAgent.filter((a) => a.minutes > 0).map((a) => `${a.label} ${formatDuration(a.minutes)}`).join(', ');
  return `Agent time: ${formatDuration(agent.agentMinutes)} (${byAgent ? `${byAgent}; ` : ''}${counts})${typed}`;
}

/**
 * A short summary a manager can paste into a 1:1 document: the headline share against the target, the hours, the
 * days, and the free blocks still ahead. Plain GitHub-flavoured Markdown, no HTML.
 */
export function reportMarkdown(input: MarkdownReportInput): string {
  const { balance } = input;
  const lines: string[] = [`### ${periodHeading(input.periodKind, balance.period, balance.asOf, balance.zone)}`, ''];
  let headline = `**${share(balance)} hands-on** (target ${formatPercent(balance.targetPercent)}): ${targetStatusText(balance)}`;
  if (input.previous) headline += `; ${PERIOD_WORDS[input.periodKind].previous} ${share(input.previous)}`;
  lines.push(`${headline}.`, '');
  lines.push(`- Coding: ${formatDuration(balance.codingMinutes)}`);
  lines.push(`- Meetings: ${formatDuration(balance.meetingMinutes)}`);
  if (balance.overlapMinutes > 0) lines.push(`- Coding during meetings (counted in both): ${formatDuration(balance.overlapMinutes)}`);
  const agent = input.agent;
  if (agent && (agent.agentMinutes > 0 || agent.typedPercent !== undefined)) lines.push(`- ${agentTimeText(agent)}`);
  if (balance.requiredCodingMinutes !== undefined) {
    lines.push(`- Coding pace toward the weekly minimum: ${formatDuration(balance.codingMinutes)} of ${formatDuration(balance.requiredCodingMinutes)} due so far`);
  }
  const days = (input.days ?? []).filter((d) => d.codingMinutes > 0 || d.meetingMinutes > 0);
  if (days.length > 0) {
    lines.push('', '| Day | Coding | Meetings | Hands-on |', '| --- | ---: | ---: | ---: |');
    for (const day of days) {
      const dayShare = formatPercent(day.handsOnPercent);
      const label = formatInZone(startOfLocalDate(day.date, balance.zone), balance.zone, 'EEE d MMM');
      lines.push(`| ${label} | ${formatDuration(day.codingMinutes)} | ${formatDuration(day.meetingMinutes)} | ${dayShare} |`);
    }
  }
  if (input.focus) lines.push(...focusLines(input.focus));
  if (input.skills) lines.push(...skillsLines(input.skills));
  lines.push('');
  if (input.focusBlocks.length === 0) lines.push('Free focus blocks ahead: none.');
  else lines.push(`Free focus blocks ahead: ${input.focusBlocks.map((b) => focusBlockText(b, balance.zone)).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
