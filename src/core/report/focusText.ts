// The words for the focus figures, shared by the dashboard's Focus tab, the weekly summary and the CLI's text.
import type { FocusReport, MeetingSeriesCost } from '../balance/focusReport';
import { formatDuration } from './formatDuration';

/** `2-hour`, `90-minute`: how a block length reads before "block". */
export function blockLengthText(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole >= 120 && whole % 60 === 0) return `${whole / 60}-hour`;
  return `${whole}-minute`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export interface FocusTexts {
  /** `14h in 5 blocks (9h of it ahead)`. */
  available: string;
  /** `1 of 3 blocks so far (2h40m of coding in them)`. */
  used: string;
  /** `1h30m in gaps shorter than 2h`. */
  fragmented: string;
  /** `median 14m after 5 meetings; 1 without coding before the next meeting or the end of the day`. */
  reentry: string;
}

export function focusTexts(focus: FocusReport): FocusTexts {
  const coded = focus.days.reduce((sum, day) => sum + day.focusCodedMinutes, 0);
  const ahead = focus.days.reduce((sum, day) => sum + day.focusAheadMinutes, 0);
  const { medianMinutes, samples, noReturn } = focus.reentry;
  const noReturnText = `${noReturn} without coding before the next meeting or the end of the day`;
  let reentry: string;
  if (medianMinutes !== undefined) reentry = `median ${formatDuration(medianMinutes)} after ${plural(samples, 'meeting')}${noReturn > 0 ? `; ${noReturnText}` : ''}`;
  else reentry = noReturn > 0 ? `no return to code after ${plural(noReturn, 'meeting')}` : 'no meeting has ended in working time yet';
  return {
    available: `${formatDuration(focus.focusMinutes)} in ${plural(focus.blocks.length, 'block')}${ahead > 0 ? ` (${formatDuration(ahead)} of it ahead)` : ''}`,
    used: focus.pastBlocks === 0 ? 'no block so far' : `${focus.usedBlocks} of ${plural(focus.pastBlocks, 'block')} so far (${formatDuration(coded)} of coding in them)`,
    fragmented: `${formatDuration(focus.fragmentedMinutes)} in gaps shorter than ${formatDuration(focus.blockMinutes)}`,
    reentry,
  };
}

function met(series: MeetingSeriesCost): string {
  return `met ${series.occurrences === 1 ? 'once' : `${series.occurrences} times`} for ${formatDuration(series.minutes)}`;
}

/** `met 5 times for 2h30m, cost 4h of focus time`: the figures of a series, without its title. */
export function seriesFigures(series: MeetingSeriesCost): string {
  return `${met(series)}, cost ${formatDuration(series.focusCostMinutes)} of focus time`;
}

/** One sentence that explains a series' cost, without repeating its title or figures. */
export function seriesExplanation(series: MeetingSeriesCost, blockMinutes: number): string {
  const days = series.occurrences === 1 ? 'its day' : 'their days';
  if (series.focusCostMinutes <= 0) {
    return `It costs no focus time: ${series.occurrences === 1 ? 'it sits' : 'they sit'} next to other meetings or breaks, or in gaps too short for a ${blockLengthText(blockMinutes)} block anyway.`;
  }
  return `Without ${series.occurrences === 1 ? 'it' : 'them'}, ${days} would have had ${formatDuration(series.focusCostMinutes)} more in free blocks of ${formatDuration(blockMinutes)} or more: ${series.occurrences === 1 ? 'it cuts' : 'they cut'} free time into shorter pieces.`;
}
