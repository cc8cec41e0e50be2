/**
 * Cuts a calendar text into its VTIMEZONE and VEVENT blocks without interpreting them, so that one
 * malformed line costs only its own event, and events far outside the window are never handed to ical.js.
 * The parsing itself is ical.js's; this only finds block boundaries and repairs two known line defects.
 */

export interface EventBlock {
  text: string;
  /** RRULE, RDATE, EXRULE or RECURRENCE-ID present: the block may produce occurrences anywhere. */
  recurring: boolean;
  /** YYYYMMDD of DTSTART / DTEND as written (wall clock), or 0 when absent or unreadable. */
  startDay: number;
  endDay: number;
  hasDuration: boolean;
}

export interface CalendarBlocks {
  vtimezones: string[];
  events: EventBlock[];
  calendarName: string;
  calendarZone: string | undefined;
  hasAttendeeData: boolean;
  /** Lines changed by `repairLine`, reported as warnings. */
  repairs: number;
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
export function unfold(text: string): string {
  return text.replace(/\r?\n[ \t]/g, '');
}

/**
 * `BYDAY=MO, TU` (Exchange CDO) makes ical.js throw; `TZID="W. Europe Standard Time:2020…"` (a quote
 * swallowing the value) too. Both have one obvious meaning, so they are fixed rather than dropped.
 */
export function repairLine(line: string): string {
  if (/^(?:RRULE|EXRULE)[;:]/i.test(line) && /\s/.test(line)) return line.replace(/[ \t]+/g, '');
  const swallowed = /^([A-Z-]+(?:;[^"]*)?;TZID=)"([^":]*):(\d{8}(?:T\d{6}Z?)?)"$/i.exec(line);
  if (swallowed) return `${swallowed[1]}"${swallowed[2]}":${swallowed[3]}`;
  return line;
}

function dayOf(line: string): number {
  const match = /^(\d{8})/.exec(line.slice(line.lastIndexOf(':') + 1).trim());
  return match ? Number(match[1]) : 0;
}

export function splitCalendar(text: string): CalendarBlocks {
  const lines = unfold(text).split(/\r?\n|\r/);
  const result: CalendarBlocks = { vtimezones: [], events: [], calendarName: '', calendarZone: undefined, hasAttendeeData: false, repairs: 0 };
  let block: string[] | undefined;
  let kind: 'VEVENT' | 'VTIMEZONE' | undefined;
  let depth = 0;
  let event: EventBlock | undefined;
  for (const raw of lines) {
    const first = raw.charCodeAt(0) | 0x20; // lower-cased first letter: most lines are rejected by it alone
    const upper = (first === 0x62 || first === 0x65) && raw.length < 40 ? raw.trimEnd().toUpperCase() : '';
    if (!block) {
      if (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE') {
        kind = upper === 'BEGIN:VEVENT' ? 'VEVENT' : 'VTIMEZONE';
        block = [raw.trimEnd()];
        depth = 0;
        event = kind === 'VEVENT' ? { text: '', recurring: false, startDay: 0, endDay: 0, hasDuration: false } : undefined;
      } else if (first === 0x78 && /^X-WR-CALNAME[;:]/i.test(raw)) {
        result.calendarName = raw.slice(raw.indexOf(':') + 1).trim();
      } else if (first === 0x78 && /^X-WR-TIMEZONE[;:]/i.test(raw)) {
        result.calendarZone = raw.slice(raw.indexOf(':') + 1).trim() || undefined;
      }
      continue;
    }
    const line = first === 0x72 || first === 0x65 || raw.includes('TZID="') ? repairLine(raw) : raw;
    if (line !== raw) result.repairs++;
    block.push(line);
    if (upper.startsWith('BEGIN:')) depth++;
    else if (upper.startsWith('END:')) {
      if (depth === 0) {
        if (kind === 'VEVENT' && event) {
          event.text = block.join('\r\n');
          result.events.push(event);
        } else {
          result.vtimezones.push(block.join('\r\n'));
        }
        block = undefined;
        continue;
      }
      depth--;
    }
    if (event && depth === 0 && (first === 0x64 || first === 0x72 || first === 0x65 || first === 0x61)) {
      const head = line.slice(0, 14).toUpperCase();
      if (head.startsWith('DTSTART')) event.startDay = dayOf(line);
      else if (head.startsWith('DTEND')) event.endDay = dayOf(line);
      else if (head.startsWith('DURATION')) event.hasDuration = true;
      else if (/^(?:RRULE|RDATE|EXRULE|RECURRENCE-ID)[;:]/.test(head)) event.recurring = true;
      else if (!result.hasAttendeeData && head.startsWith('ATTENDEE')) result.hasAttendeeData = true;
    }
  }
  return result;
}
