// `hands-on report` on a terminal: the status bar's figures of the period, today, the focus figures, the next
// meeting and the free blocks ahead. The same words and block texts as the Markdown summary (reportMarkdown.ts).
import type { FocusReport } from '../balance/focusReport';
import type { PeriodKind } from '../settings/settings';
import type { CurrentFigures } from '../status/currentFigures';
import type { Interval } from '../time/interval';
import { focusTexts, seriesFigures } from './focusText';
import { formatDuration, formatPercent } from './formatDuration';
import { focusBlockText } from './reportMarkdown';
import { periodHeading, targetStatusText } from './wording';
import { formatInZone } from './zoned';

export interface TextReportInput {
  readonly figures: CurrentFigures;
  readonly periodKind: PeriodKind;
  readonly zone: string;
  /** The period's focus figures (`focusReport`). */
  readonly focus: FocusReport;
  /** Free focus blocks from now to the end of the week. */
  readonly focusBlocks: readonly Interval[];
}

export function reportText({ figures, periodKind, zone, focus, focusBlocks }: TextReportInput): string {
  const { period } = figures;
  // A terminal has room to name the week's last day too.
  const title =
    periodKind === 'week'
      ? `Hands-on time, week ${formatInZone(period.period.start, zone, 'EEE d MMM yyyy')} – ${formatInZone(period.period.end - 1, zone, 'EEE d MMM yyyy')}`
      : periodHeading(periodKind, period.period, period.asOf, zone);
  const lines = [
    `${title} (${zone}, as of ${formatInZone(period.asOf, zone, 'EEE d MMM HH:mm')})`,
    `  Hands-on   ${formatPercent(period.handsOnPercent)} (target ${formatPercent(period.targetPercent)}): ${targetStatusText(period)}`,
    `  Coding     ${formatDuration(period.codingMinutes)}`,
    `  Meetings   ${formatDuration(period.meetingMinutes)}`,
  ];
  if (period.overlapMinutes > 0) lines.push(`  Overlap    ${formatDuration(period.overlapMinutes)} (coding during meetings, counted in both)`);
  if (period.requiredCodingMinutes !== undefined) lines.push(`  Pace       ${formatDuration(period.codingMinutes)} of ${formatDuration(period.requiredCodingMinutes)} coding due so far`);
  if (periodKind !== 'day') {
    lines.push(`  Today      ${formatPercent(figures.today.handsOnPercent)}: ${formatDuration(figures.today.codingMinutes)} coding, ${formatDuration(figures.today.meetingMinutes)} meetings`);
  }
  const texts = focusTexts(focus);
  lines.push(`  Focus      ${texts.available}; used ${texts.used}; fragmented ${texts.fragmented}`, `  Re-entry   ${texts.reentry}`);
  const costly = focus.series[0];
  if (costly && costly.focusCostMinutes > 0) lines.push(`  Costliest  ${costly.title || '(no title)'}: ${seriesFigures(costly)}`);
  const next = figures.nextMeeting;
  if (next) lines.push(`Next meeting: ${formatInZone(next.start, zone, 'EEE d MMM HH:mm')} ${next.title || '(no title)'}`);
  const blocks = focusBlocks.map((b) => focusBlockText(b, zone));
  lines.push(`Free focus blocks ahead this week: ${blocks.length > 0 ? blocks.join(', ') : 'none'}`);
  return lines.join('\n');
}
