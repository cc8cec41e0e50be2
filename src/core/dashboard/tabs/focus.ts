// The Focus tab: what the calendar left over the range, what was done with it, and what the meetings cost.
import { focusReport, type FocusBlockUse, type FocusReport } from '../../balance/focusReport';
import { focusTexts, seriesExplanation } from '../../report/focusText';
import { formatDuration } from '../../report/formatDuration';
import { formatInZone } from '../../report/zoned';
import { startOfLocalDate } from '../../time/localDays';
import type { TimeSpanModel } from '../model';
import { nullable, timeSpan } from '../parts';
import type { DashboardTabBuilder } from './tab';

/** Meeting series beyond this many are left out of the Focus tab (the UI says how many). */
export const MAX_SERIES = 50;

/** One day of the Focus tab: working time split into meetings, breaks, focus blocks (coded, not coded, ahead) and fragments. */
export interface FocusDayModel {
  date: string;
  /** e.g. `Mon 23 Mar`. */
  label: string;
  meetingMinutes: number;
  breakMinutes: number;
  focusMinutes: number;
  focusCodedMinutes: number;
  focusUncodedMinutes: number;
  focusAheadMinutes: number;
  fragmentedMinutes: number;
  meetingText: string;
  breakText: string;
  focusText: string;
  focusCodedText: string;
  focusUncodedText: string;
  focusAheadText: string;
  fragmentedText: string;
}

export interface FocusBlockModel extends TimeSpanModel {
  codingMinutes: number;
  codingText: string;
  used: boolean;
  ahead: boolean;
  /** `used`, `not used`, `under way` or `ahead`. */
  statusText: string;
}

export interface FocusSeriesModel {
  /** Calendar text: the UI must insert it as text, never as HTML. */
  title: string;
  occurrences: number;
  minutes: number;
  minutesText: string;
  focusCostMinutes: number;
  focusCostText: string;
  /** One sentence on what the series cost and why. */
  explanation: string;
}

/** The Focus tab: what the calendar left, what was done with it, and what the meetings cost, over the range. */
export interface FocusModel {
  blockMinutes: number;
  /** `2h`. */
  blockText: string;
  freeMinutes: number;
  focusMinutes: number;
  fragmentedMinutes: number;
  usedBlocks: number;
  pastBlocks: number;
  focusMinutesText: string;
  fragmentedMinutesText: string;
  /** `39h in 6 blocks (16h of it ahead)`. */
  availableText: string;
  /** `1 of 4 blocks so far (2h of coding in them)`. */
  usedText: string;
  fragmentedText: string;
  /** The median re-entry as a duration, or `—`. */
  reentryMedianText: string;
  reentryText: string;
  reentry: { medianMinutes: number | null; samples: number; noReturn: number };
  days: FocusDayModel[];
  blocks: FocusBlockModel[];
  series: FocusSeriesModel[];
  /** Series left out of `series` to keep the message small. */
  seriesOmitted: number;
}

function blockStatus(block: FocusBlockUse, now: number): string {
  if (block.ahead) return 'ahead';
  if (block.used) return 'used';
  return block.end > now ? 'under way' : 'not used';
}

/** The Focus tab's figures: `focusReport` over the range, with the texts the tab shows. */
export function focusModel(report: FocusReport, zone: string): FocusModel {
  const texts = focusTexts(report);
  const median = report.reentry.medianMinutes;
  const series = report.series.slice(0, MAX_SERIES);
  return {
    blockMinutes: report.blockMinutes,
    blockText: formatDuration(report.blockMinutes),
    freeMinutes: report.freeMinutes,
    focusMinutes: report.focusMinutes,
    fragmentedMinutes: report.fragmentedMinutes,
    usedBlocks: report.usedBlocks,
    pastBlocks: report.pastBlocks,
    focusMinutesText: formatDuration(report.focusMinutes),
    fragmentedMinutesText: formatDuration(report.fragmentedMinutes),
    availableText: texts.available,
    usedText: texts.used,
    fragmentedText: texts.fragmented,
    reentryMedianText: median === undefined ? '—' : formatDuration(median),
    reentryText: texts.reentry,
    reentry: { medianMinutes: nullable(median), samples: report.reentry.samples, noReturn: report.reentry.noReturn },
    days: report.days.map((day) => ({
      ...day,
      label: formatInZone(startOfLocalDate(day.date, zone), zone, 'EEE d MMM'),
      meetingText: formatDuration(day.meetingMinutes),
      breakText: formatDuration(day.breakMinutes),
      focusText: formatDuration(day.focusMinutes),
      focusCodedText: formatDuration(day.focusCodedMinutes),
      focusUncodedText: formatDuration(day.focusUncodedMinutes),
      focusAheadText: formatDuration(day.focusAheadMinutes),
      fragmentedText: formatDuration(day.fragmentedMinutes),
    })),
    blocks: report.blocks.map((block) => ({
      ...timeSpan(block, zone),
      codingMinutes: block.codingMinutes,
      codingText: formatDuration(block.codingMinutes),
      used: block.used,
      ahead: block.ahead,
      statusText: blockStatus(block, report.now),
    })),
    series: series.map((s) => ({
      title: s.title,
      occurrences: s.occurrences,
      minutes: s.minutes,
      minutesText: formatDuration(s.minutes),
      focusCostMinutes: s.focusCostMinutes,
      focusCostText: formatDuration(s.focusCostMinutes),
      explanation: seriesExplanation(s, report.blockMinutes),
    })),
    seriesOmitted: report.series.length - series.length,
  };
}

export const focusTab: DashboardTabBuilder<FocusModel> = {
  build: ({ inputs, interval }) => focusModel(focusReport(inputs, interval), inputs.zone),
};
