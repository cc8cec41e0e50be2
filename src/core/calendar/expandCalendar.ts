import ICAL from 'ical.js';
import type { Component } from './icalTypes';
import type { ExpandedCalendar, ExpandOptions, RawOccurrence } from './types';
import { splitCalendar, type EventBlock } from './splitCalendar';
import { ZoneResolver } from './zoneResolver';
import { expandSeries } from './expandSeries';
import { DAY_MS } from '../time/clock';
import { byStartThenEnd } from '../time/interval';
import { describeEvent, eventName, problemText } from './eventProblem';

export const DEFAULT_MAX_ITERATIONS = 50_000;
const NAMED_SKIPS = 5;

/** True when the text is an iCalendar object at all (an HTML login page or a JSON error is not). */
export function looksLikeCalendar(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, '')) || /\nBEGIN:VEVENT/i.test(text);
}

function dayNumber(epochMs: number): number {
  const d = new Date(epochMs);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

function epochDay(yyyymmdd: number): number {
  return Date.UTC(Math.floor(yyyymmdd / 10_000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) / DAY_MS;
}

/**
 * Whether a block can have an occurrence within [firstDay, lastDay] (YYYYMMDD, the window with a margin that
 * covers any zone offset), judged from its text alone. Unknown means yes: a block without a readable DTSTART,
 * with DURATION, RDATE or RANGE=THISANDFUTURE. A series cannot reach the window when it starts after it or its
 * last UNTIL (plus one instance's length) is before it.
 */
function mayTouchWindow(block: EventBlock, firstDay: number, lastDay: number): boolean {
  if (block.startDay === 0 || block.hasDuration || block.hasRdate || block.thisAndFuture) return true;
  if (block.startDay > lastDay) return false;
  const endDay = Math.max(block.endDay, block.startDay);
  if (endDay >= firstDay) return true;
  if (!block.hasRrule) return false;
  if (block.ruleEndDay === Infinity) return true;
  const spanDays = epochDay(endDay) - epochDay(block.startDay) + 1;
  return epochDay(block.ruleEndDay) + spanDays >= epochDay(firstDay);
}

/**
 * Blocks that cannot reach the window are skipped before ical.js sees them: that is what makes a 10-year export
 * cheap. A UID is kept or skipped as a whole (its master, overrides and updates decide together).
 */
function blocksInWindow(blocks: readonly EventBlock[], firstDay: number, lastDay: number): EventBlock[] {
  const touchingUids = new Set<string>();
  const touching = blocks.map((block) => {
    const touches = mayTouchWindow(block, firstDay, lastDay);
    if (touches && block.uid) touchingUids.add(block.uid);
    return touches;
  });
  return blocks.filter((block, i) => touching[i] || (block.uid !== '' && touchingUids.has(block.uid)));
}

function parseComponent(text: string): Component {
  return new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
}

/**
 * Parses one calendar text with ical.js and expands its events within [from, to).
 * The whole batch is parsed at once; when one malformed line makes ical.js throw, each event is parsed on its
 * own and only the broken ones are skipped (and counted in the warnings).
 */
export function expandCalendar(text: string, options: ExpandOptions): ExpandedCalendar {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const warn = (w: string): void => {
    if (!seen.has(w)) {
      seen.add(w);
      warnings.push(w);
    }
  };
  const blocks = splitCalendar(text);
  if (blocks.repairs > 0) warn(`${blocks.repairs} malformed line(s) repaired (spaces in RRULE, quoted TZID swallowing its value, dates without VALUE=DATE)`);
  const vtimezones: Component[] = [];
  for (const block of blocks.vtimezones) {
    try {
      vtimezones.push(parseComponent(block));
    } catch {
      warn('a VTIMEZONE cannot be read and was ignored: times that name it are read by its IANA or Windows name, else in your zone');
    }
  }
  const zones = new ZoneResolver(vtimezones, options.zone, blocks.calendarZone, warn);
  const firstDay = dayNumber(options.from - 2 * DAY_MS);
  const lastDay = dayNumber(options.to + 2 * DAY_MS);
  const relevant = blocksInWindow(blocks.events, firstDay, lastDay);
  const parsed = parseEvents(relevant.map((b) => b.text), warn);
  // iTIP replies and other fragments carry no DTSTART: nothing to place on a timeline.
  const events = parsed.filter((e) => e.hasProperty('dtstart'));
  if (events.length < parsed.length) warn(`${parsed.length - events.length} event(s) without DTSTART ignored`);

  const groups = new Map<string, Component[]>();
  let anonymous = 0;
  for (const event of events) {
    const uid = String(event.getFirstPropertyValue('uid') ?? '') || `(no uid ${++anonymous})`;
    const group = groups.get(uid);
    if (group) group.push(event);
    else groups.set(uid, [event]);
  }
  let skipped = 0;
  const skip = (component: Component | undefined, uid: string, error: unknown): void => {
    // Each skipped event is named, up to a point: a thousand broken events need one line, not a thousand.
    if (++skipped <= NAMED_SKIPS) warn(`${describeEvent(component, uid)} skipped: its ${problemText(error)}. Fix or delete that event in your calendar; the rest of the calendar counts.`);
  };
  const ctx = { zones, from: options.from, to: options.to, maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS, warn, skip };
  const occurrences: RawOccurrence[] = [];
  for (const [uid, components] of groups) {
    try {
      occurrences.push(...expandSeries(uid, components, ctx));
    } catch (error) {
      skip(components[0], uid, error);
    }
  }
  if (skipped > NAMED_SKIPS) warn(`${skipped - NAMED_SKIPS} more event(s) skipped for unreadable or impossible dates`);
  occurrences.sort(byStartThenEnd);
  return { occurrences, hasAttendeeData: blocks.hasAttendeeData, calendarName: blocks.calendarName, warnings };
}

function parseEvents(texts: readonly string[], warn: (w: string) => void): Component[] {
  if (texts.length === 0) return [];
  try {
    return parseComponent(`BEGIN:VCALENDAR\r\n${texts.join('\r\n')}\r\nEND:VCALENDAR`).getAllSubcomponents('vevent');
  } catch {
    const events: Component[] = [];
    let strays = 0;
    let skipped = 0;
    for (const text of texts) {
      try {
        events.push(parseComponent(text));
        continue;
      } catch {
        // Usually a multi-line DESCRIPTION written without folding, else one property ical.js cannot read.
      }
      const lines = text.split('\r\n');
      const kept = lines.filter((line) => CONTENT_LINE.test(line));
      if (kept.length < lines.length) strays++;
      // One pass: BEGIN and END stay, every other line stays only if ical.js can read it on its own.
      const readable: string[] = [];
      const dropped = new Set<string>();
      kept.forEach((line, i) => {
        if (i === 0 || i === kept.length - 1 || lineParses(line)) readable.push(line);
        else dropped.add(/^[A-Za-z0-9-]+/.exec(line)![0].toUpperCase());
      });
      try {
        events.push(parseComponent(readable.join('\r\n')));
        if (dropped.size > 0) warn(`${eventLabel(text)}: its ${[...dropped].join(', ')} cannot be read and ${dropped.size > 1 ? 'were' : 'was'} ignored`);
      } catch {
        if (++skipped <= NAMED_SKIPS) warn(`${eventLabel(text)} skipped: it cannot be read as an event. Fix or delete it in your calendar; the rest of the calendar counts.`);
      }
    }
    if (strays > 0) warn(`${strays} event(s) had stray unfolded lines that were dropped`);
    if (skipped > NAMED_SKIPS) warn(`${skipped - NAMED_SKIPS} more event(s) skipped: they cannot be read as events`);
    return events;
  }
}

const CONTENT_LINE = /^[A-Za-z0-9-]+[;:]/;

function lineParses(line: string): boolean {
  try {
    parseComponent(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`);
    return true;
  } catch {
    return false;
  }
}

/** `"Title" (UID x)` read from an event's text, for one that ical.js cannot parse as a whole. */
function eventLabel(text: string): string {
  return eventName(/^SUMMARY(?:;[^:]*)?:(.*)$/im.exec(text)?.[1] ?? '', /^UID(?:;[^:]*)?:(.*)$/im.exec(text)?.[1] ?? '(none)');
}
