/**
 * Cuts a calendar text into its VTIMEZONE and VEVENT blocks without interpreting them, so that one
 * malformed line costs only its own event, and events far outside the window are never handed to ical.js.
 * The parsing itself is ical.js's; this only finds block boundaries, reads the few properties that say
 * when a block can have occurrences, and repairs two known line defects.
 *
 * It is one pass over the text with indexOf: no regex per line, no array of every line. An event's text
 * (unfolded and repaired) is only built when it is asked for, which the expansion does only for events
 * that may touch the window: in a 10-year export that is a few percent of them.
 */

export interface EventBlock {
  /** The block, unfolded, with repaired lines, joined by CRLF. Built on first use. */
  readonly text: string;
  /** YYYYMMDD of DTSTART / DTEND as written (wall clock), or 0 when absent or unreadable. */
  startDay: number;
  endDay: number;
  hasDuration: boolean;
  /** UID as written (unfolded, trimmed), '' when absent. */
  uid: string;
  hasRrule: boolean;
  hasRdate: boolean;
  /** A RECURRENCE-ID with RANGE=THISANDFUTURE: it moves instances of its series anywhere after it. */
  thisAndFuture: boolean;
  /** The latest UNTIL date (YYYYMMDD) of the RRULEs, or Infinity when one of them has none (COUNT or forever). */
  ruleEndDay: number;
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
 * swallowing the value) too; `EXDATE:20200116` (a date without `VALUE=DATE`) is read as a broken date-time.
 * Each has one obvious meaning, so they are fixed rather than dropped.
 */
export function repairLine(line: string): string {
  if (/^(?:RRULE|EXRULE)[;:]/i.test(line) && /\s/.test(line)) return line.replace(/[ \t]+/g, '');
  const bareDates = /^((?:EXDATE|RDATE)(?:;[^:]*)?):(\d{8}(?:,\d{8})*)$/i.exec(line);
  if (bareDates && !/;VALUE=/i.test(bareDates[1]!)) return `${bareDates[1]};VALUE=DATE:${bareDates[2]}`;
  const swallowed = /^([A-Z-]+(?:;[^"]*)?;TZID=)"([^":]*):(\d{8}(?:T\d{6}Z?)?)"$/i.exec(line);
  if (swallowed) return `${swallowed[1]}"${swallowed[2]}":${swallowed[3]}`;
  return line;
}

/** Lines `repairLine` may change: RRULE/EXRULE (first letter r or e) and a quoted TZID. */
function mayNeedRepair(line: string): boolean {
  const first = line.charCodeAt(0) | 0x20;
  return first === 0x72 || first === 0x65 || line.includes('TZID="');
}

/** The 8 digits of YYYYMMDD after the last colon (leading blanks allowed), or 0. */
function dayOf(line: string): number {
  let i = line.lastIndexOf(':') + 1;
  while (i < line.length && line.charCodeAt(i) <= 0x20) i++;
  let value = 0;
  for (let end = i + 8; i < end; i++) {
    const digit = line.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return 0;
    value = value * 10 + digit;
  }
  return value;
}

/** The YYYYMMDD of `UNTIL=` in an upper-cased RRULE, or Infinity when it has no (readable) UNTIL. */
function untilOf(upperLine: string): number {
  const at = upperLine.indexOf('UNTIL=');
  if (at < 0) return Infinity;
  const day = dayOf(`:${upperLine.slice(at + 6, at + 14)}`);
  return day === 0 ? Infinity : day;
}

function blockText(raw: string): string {
  const lines = unfold(raw).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    lines[i] = i === 0 ? line.trimEnd() : mayNeedRepair(line) ? repairLine(line) : line;
  }
  return lines.join('\r\n');
}

class Event implements EventBlock {
  startDay = 0;
  endDay = 0;
  hasDuration = false;
  uid = '';
  hasRrule = false;
  hasRdate = false;
  thisAndFuture = false;
  ruleEndDay = 0;
  end = 0;
  private built: string | undefined;

  constructor(
    private readonly source: string,
    private readonly begin: number,
  ) {}

  get text(): string {
    this.built ??= blockText(this.source.slice(this.begin, this.end));
    return this.built;
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;

/** Whether `src` has `prefix` (upper case ASCII letters, digits, '-') at `at`, ignoring case. No allocation. */
function hasPrefix(src: string, at: number, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const c = src.charCodeAt(at + i);
    const p = prefix.charCodeAt(i);
    if (c !== p && (c | 0x20) !== (p | 0x20)) return false;
  }
  return true;
}

/** `prefix` at `at` followed by ';' or ':', ignoring case. */
function isProperty(src: string, at: number, prefix: string): boolean {
  const next = src.charCodeAt(at + prefix.length);
  return (next === 0x3a || next === 0x3b) && hasPrefix(src, at, prefix);
}

export function splitCalendar(input: string): CalendarBlocks {
  // Old Mac files end lines with a lone CR: make every line end in LF so one indexOf finds them all.
  const text = input.includes('\r') && /\r(?!\n)/.test(input) ? input.replace(/\r\n?/g, '\n') : input;
  const quotedTzid = text.includes('TZID="');
  const result: CalendarBlocks = { vtimezones: [], events: [], calendarName: '', calendarZone: undefined, hasAttendeeData: false, repairs: 0 };
  let inBlock = false;
  let blockStart = 0;
  let depth = 0;
  let event: Event | undefined;
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    // One logical line: [start, end) of the text, continuation lines included.
    const lineStart = pos;
    let start = lineStart;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let folded = false;
    let next = eol + 1;
    while (next < n && (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB)) {
      folded = true;
      eol = text.indexOf('\n', next);
      if (eol < 0) eol = n;
      next = eol + 1;
    }
    pos = next;
    const lineEnd = eol > lineStart && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
    // `src` holds the logical line from `start` to `end`: the text itself, or the unfolded copy of a folded line.
    let src = text;
    let end = lineEnd;
    if (folded) {
      src = unfold(text.slice(start, lineEnd));
      start = 0;
      end = src.length;
    }
    const first = src.charCodeAt(start) | 0x20; // lower-cased first letter: most lines are rejected by it alone
    // BEGIN and END lines are short; longer ones are something else (a stray description line, say).
    const isBegin = first === 0x62 && end - start < 40 && hasPrefix(src, start, 'BEGIN:');
    const isEnd = first === 0x65 && end - start < 40 && hasPrefix(src, start, 'END:');

    if (!inBlock) {
      const name = isBegin ? src.slice(start + 6, end).trimEnd().toUpperCase() : '';
      if (name === 'VEVENT' || name === 'VTIMEZONE') {
        inBlock = true;
        blockStart = lineStart;
        depth = 0;
        event = name === 'VEVENT' ? new Event(text, blockStart) : undefined;
      } else if (first === 0x78) {
        const line = src.slice(start, end);
        if (/^X-WR-CALNAME[;:]/i.test(line)) result.calendarName = line.slice(line.indexOf(':') + 1).trim();
        else if (/^X-WR-TIMEZONE[;:]/i.test(line)) result.calendarZone = line.slice(line.indexOf(':') + 1).trim() || undefined;
      }
      continue;
    }
    if (
      ((first === 0x72 || first === 0x65) &&
        (isProperty(src, start, 'RRULE') || isProperty(src, start, 'EXRULE') || isProperty(src, start, 'EXDATE') || isProperty(src, start, 'RDATE'))) ||
      (quotedTzid && src.slice(start, end).includes('TZID="'))
    ) {
      const line = src.slice(start, end);
      if (repairLine(line) !== line) result.repairs++;
    }
    if (isBegin) depth++;
    else if (isEnd) {
      if (depth === 0) {
        if (event) {
          event.end = lineEnd;
          result.events.push(event);
        } else {
          result.vtimezones.push(blockText(text.slice(blockStart, lineEnd)));
        }
        inBlock = false;
        event = undefined;
        continue;
      }
      depth--;
    }
    if (!event || depth !== 0) continue;
    if (first === 0x64) {
      if (hasPrefix(src, start, 'DTSTART')) event.startDay = dayOf(repaired(src.slice(start, end)));
      else if (hasPrefix(src, start, 'DTEND')) event.endDay = dayOf(repaired(src.slice(start, end)));
      else if (hasPrefix(src, start, 'DURATION')) event.hasDuration = true;
    } else if (first === 0x72) {
      if (isProperty(src, start, 'RRULE')) {
        event.hasRrule = true;
        event.ruleEndDay = Math.max(event.ruleEndDay, untilOf(src.slice(start, end).toUpperCase()));
      } else if (isProperty(src, start, 'RDATE')) {
        event.hasRdate = true;
      } else if (isProperty(src, start, 'RECURRENCE-ID')) {
        const line = src.slice(start, end);
        if (line.slice(0, line.indexOf(':') + 1).toUpperCase().includes('THISANDFUTURE')) event.thisAndFuture = true;
      }
    } else if (first === 0x75) {
      if (isProperty(src, start, 'UID')) {
        const line = src.slice(start, end);
        event.uid = line.slice(line.indexOf(':') + 1).trim();
      }
    } else if (first === 0x61) {
      if (!result.hasAttendeeData && hasPrefix(src, start, 'ATTENDEE')) result.hasAttendeeData = true;
    }
  }
  return result;
}

function repaired(line: string): string {
  return line.includes('TZID="') ? repairLine(line) : line;
}
