import ICAL from 'ical.js';
import type { DashboardRange } from '../balance/dashboardRanges';
import { dashboardRange } from '../balance/periods';
import { dailySeries } from '../balance/series';
import { meetingIntervals } from '../calendar/meetingTime';
import { round1 } from '../report/formatDuration';
import { MINUTE_MS } from '../time/clock';
import type { Interval } from '../time/interval';
import type { BalanceInputs } from '../balance/balanceInputs';

export const FOCUS_SUMMARY = 'Focus time (Hands-On)';
const PRODID = '-//Hands-On//Focus blocks//EN';

function utc(epochMs: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(epochMs), true);
}

/**
 * An iCalendar file with one busy event per free focus block, to import into the user's calendar (we never write to
 * it). Times in UTC; the UID depends only on the block, so importing the same block twice updates it in place.
 */
export function focusBlocksIcs(blocks: readonly Interval[], now: number): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  for (const block of blocks) {
    if (!(block.end > block.start)) continue;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `focus-${new Date(block.start).toISOString().replace(/[-:.]/g, '')}-${(block.end - block.start) / MINUTE_MS}m@hands-on`);
    event.addPropertyWithValue('dtstamp', utc(now));
    event.addPropertyWithValue('dtstart', utc(block.start));
    event.addPropertyWithValue('dtend', utc(block.end));
    event.addPropertyWithValue('summary', FOCUS_SUMMARY);
    event.addPropertyWithValue('description', 'A free block found by Hands-On between your meetings. Keep it for hands-on work.');
    event.addPropertyWithValue('transp', 'OPAQUE');
    event.addPropertyWithValue('class', 'PRIVATE');
    calendar.addSubcomponent(event);
  }
  // ical.js writes CRLF line endings and folds long lines at 75 octets, as RFC 5545 asks.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** One row of "Export Data…": the daily figures, the same numbers as the dashboard's daily chart and table. */
export interface DailyRow {
  date: string;
  codingMinutes: number;
  meetingMinutes: number;
  overlapMinutes: number;
  /** Null on a day with neither coding nor meetings. */
  handsOnPercent: number | null;
}

/** Daily figures of a dashboard range (`dailySeries`), each day's share by the balance's formula, rounded to one decimal like `hands-on report --json`. */
export function dailyRows(inputs: BalanceInputs, range: DashboardRange): DailyRow[] {
  const { now, zone, settings } = inputs;
  const meetings = meetingIntervals(inputs.occurrences);
  const interval = dashboardRange(range, now, zone, settings.weekStartsOn);
  const days = dailySeries({ coding: inputs.coding, meetings, now, zone }, interval);
  return days.map((day) => ({
    date: day.date,
    codingMinutes: round1(day.codingMinutes),
    meetingMinutes: round1(day.meetingMinutes),
    overlapMinutes: round1(day.overlapMinutes),
    handsOnPercent: day.handsOnPercent === undefined ? null : round1(day.handsOnPercent),
  }));
}

export const DAILY_COLUMNS = ['date', 'codingMinutes', 'meetingMinutes', 'overlapMinutes', 'handsOnPercent'] as const;

/** RFC 4180 CSV with a header row and CRLF line endings; an empty cell where the share is undefined. */
export function dailyCsv(rows: readonly DailyRow[]): string {
  const lines = [DAILY_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push([row.date, row.codingMinutes, row.meetingMinutes, row.overlapMinutes, row.handsOnPercent ?? ''].map(String).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `{"days": [...]}`, pretty-printed, with null shares kept so every row has every key. */
export function dailyJson(rows: readonly DailyRow[]): string {
  return `${JSON.stringify({ days: rows }, null, 2)}\n`;
}
