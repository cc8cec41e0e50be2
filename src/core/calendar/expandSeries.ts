import ICAL from 'ical.js';
import type { Component, Property, Recur, RecurIterator, Time } from './icalTypes';
import type { EventFacts, RawOccurrence } from './types';
import type { ZoneResolver } from './zoneResolver';
import { addDays, instantOf, isPeriod, readTiming, tzidOf, ymd, type EventTiming } from './eventTiming';
import { readFacts } from './eventFacts';
import { DAY_MS } from '../time/clock';
import { wallAsUtc } from './zoneOffsets';
import { checkInstant, describeEvent, readProperty } from './eventProblem';

export interface SeriesContext {
  zones: ZoneResolver;
  from: number;
  to: number;
  maxIterations: number;
  warn(message: string): void;
  /** One component could not be read: it alone is skipped, and the warning names it. */
  skip(component: Component, uid: string, error: unknown): void;
}

interface Override {
  timing: EventTiming;
  facts: EventFacts;
  ridMs: number;
  ridDay: number;
  ridIsDate: boolean;
  thisAndFuture: boolean;
}

// Zone offsets stay within ±14 h; wall-clock times further than this from the window cannot touch it.
const MARGIN_MS = 2 * DAY_MS;
// An hourly series over the 25-week window has 4,200 dates; more than this is a feed error (FREQ=SECONDLY).
const MAX_INSTANCES_IN_WINDOW = 5000;

function overlaps(start: number, end: number, ctx: SeriesContext): boolean {
  return end > start ? end > ctx.from && start < ctx.to : start >= ctx.from && start < ctx.to;
}

function readOverride(component: Component, zones: ZoneResolver): Override {
  const rid = readProperty('RECURRENCE-ID', () => component.getFirstPropertyValue('recurrence-id') as Time);
  const range = component.getFirstProperty('recurrence-id')?.getParameter('range');
  return {
    timing: readTiming(component, zones),
    facts: readFacts(component),
    ridMs: checkInstant(readProperty('RECURRENCE-ID', () => instantOf(rid, tzidOf(component, 'recurrence-id'), zones)), 'RECURRENCE-ID'),
    ridDay: ymd(rid),
    ridIsDate: rid.isDate,
    thisAndFuture: typeof range === 'string' && range.toUpperCase() === 'THISANDFUTURE',
  };
}

function sequence(component: Component): number {
  const value = Number(component.getFirstPropertyValue('sequence'));
  return Number.isFinite(value) ? value : 0;
}

/** A candidate instance of the master: its wall-clock start (for date matching) and instant. */
interface Candidate {
  time: Time;
  start: number;
  end?: number;
}

/**
 * Every instance of one UID in the window. Overrides are matched to master instances by instant
 * (by date when either side is all-day or a DATE), so UTC vs TZID spellings of the same moment agree;
 * overrides without a master, or before it in the file, still count as events of their own.
 */
export function expandSeries(uid: string, components: readonly Component[], ctx: SeriesContext): RawOccurrence[] {
  const masters = components.filter((c) => !c.hasProperty('recurrence-id'));
  // Several masters of one UID (iTIP updates in one file): the highest SEQUENCE, then the last one, wins.
  const master = masters.reduce<Component | undefined>((best, c) => (!best || sequence(c) >= sequence(best) ? c : best), undefined);
  const overrides: Override[] = [];
  for (const component of components) {
    if (!component.hasProperty('recurrence-id')) continue;
    try {
      overrides.push(readOverride(component, ctx.zones));
    } catch (error) {
      ctx.skip(component, uid, error);
    }
  }
  let series: { timing: EventTiming; facts: EventFacts } | undefined;
  if (master) {
    try {
      series = { timing: readTiming(master, ctx.zones), facts: readFacts(master) };
    } catch (error) {
      // Without its master a series still has its moved instances: they count as events of their own.
      ctx.skip(master, uid, error);
    }
  }
  const seriesCancelled = series?.facts.status === 'CANCELLED';
  const out: RawOccurrence[] = [];
  for (const o of overrides) {
    if (overlaps(o.timing.start, o.timing.end, ctx)) {
      out.push({ start: o.timing.start, end: o.timing.end, uid, allDay: o.timing.allDay, facts: o.facts, seriesCancelled });
    }
  }
  if (!master || !series) return out;
  const { timing, facts: masterFacts } = series;
  const byInstant = new Map<number, Override>();
  const byDay = new Map<number, Override>();
  for (const o of overrides) {
    if (timing.allDay || o.ridIsDate) byDay.set(o.ridDay, o);
    else byInstant.set(o.ridMs, o);
  }
  const ranges = overrides.filter((o) => o.thisAndFuture).sort((a, b) => a.ridMs - b.ridMs);
  for (const candidate of candidates(master, uid, timing, ctx)) {
    const day = ymd(candidate.time);
    if ((!timing.allDay && byInstant.has(candidate.start)) || byDay.has(day)) continue;
    let start = candidate.start;
    let end = candidate.end ?? (timing.allDay ? allDayEnd(candidate, timing, ctx) : start + timing.durationMs);
    let facts = masterFacts;
    const range = ranges.filter((o) => o.ridMs <= candidate.start).pop();
    if (range) {
      start = candidate.start + (range.timing.start - range.ridMs);
      end = start + (range.timing.end - range.timing.start);
      facts = range.facts;
    }
    if (overlaps(start, end, ctx)) out.push({ start, end, uid, allDay: timing.allDay, facts, seriesCancelled });
  }
  return out;
}

/**
 * The end of one all-day instance, clipped to the window: date arithmetic costs a step per month of the span, so an
 * instance that surely ends after the window (its whole days minus one already reach past it) ends with the window.
 */
function allDayEnd(candidate: Candidate, timing: EventTiming, ctx: SeriesContext): number {
  if (candidate.start + (timing.days - 1) * DAY_MS >= ctx.to + MARGIN_MS) return ctx.to;
  return ctx.zones.dateToEpoch(addDays(candidate.time, timing.days));
}

/** Thrown by the guarded iterator when it steps past the window's year: the rule has nothing more to give. */
class PastWindow extends Error {}

interface Steppable {
  last: Time;
  increment_year(years: number): void;
  increment_monthday(days: number): void;
}

/**
 * An ical.js iterator that stops once it steps a year past the window. Inside one call to next(), ical.js walks
 * a day at a time through the days it skips (7 × 999,999,999 steps for WEEKLY;INTERVAL=999999999) and a year at a
 * time, forever, through a rule no date can match (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30). Every such walk goes
 * through increment_monthday or increment_year, so guarding both bounds the cost of any rule by the distance from
 * DTSTART to the window.
 */
function guardedIterator(rule: Recur, start: Time, ctx: SeriesContext): RecurIterator {
  const iterator = rule.iterator(start);
  const lastYear = new Date(ctx.to + MARGIN_MS).getUTCFullYear() + 1;
  const steppable = iterator as unknown as Steppable;
  const { increment_year: incrementYear, increment_monthday: incrementMonthday } = steppable;
  if (typeof incrementYear !== 'function' || typeof incrementMonthday !== 'function') throw new Error('ical.js changed RecurIterator: update guardedIterator');
  steppable.increment_year = function (this: Steppable, years: number) {
    incrementYear.call(this, years);
    if (this.last.year > lastYear) throw new PastWindow();
  };
  steppable.increment_monthday = function (this: Steppable, days: number) {
    for (let i = 0; i < days; i++) {
      incrementMonthday.call(this, 1);
      if (this.last.year > lastYear) throw new PastWindow();
    }
  };
  return iterator;
}

function candidates(master: Component, uid: string, timing: EventTiming, ctx: SeriesContext): Candidate[] {
  const found = new Map<number, Candidate>();
  // RFC 5545 3.8.5.3: DTSTART is always the first instance, whether or not the rule matches it.
  found.set(timing.start, { time: timing.startTime, start: timing.start });
  const event = (): string => describeEvent(master, uid);
  for (const property of master.getAllProperties('rrule')) {
    let rule: Recur;
    try {
      rule = (property.getFirstValue() as Recur).clone();
    } catch {
      ctx.warn(`${event()}: its RRULE cannot be read and was ignored, so only its first date counts`);
      continue;
    }
    addRuleCandidates(rule, timing, ctx, event, found);
  }
  for (const property of master.getAllProperties('rdate')) {
    try {
      addRdateCandidates(property, timing, ctx, found);
    } catch {
      ctx.warn(`${event()}: an RDATE value cannot be read and was ignored`);
    }
  }
  const exInstants = new Set<number>();
  const exDays = new Set<number>();
  for (const property of master.getAllProperties('exdate')) {
    try {
      const tzid = tzidParameter(property);
      for (const value of property.getValues() as Time[]) {
        if (!value || typeof value !== 'object') continue;
        if (value.isDate || timing.allDay) exDays.add(ymd(value));
        else exInstants.add(valueInstant(value, tzid, timing, ctx));
      }
    } catch {
      // A malformed exclusion excludes at most its own date, never the series.
      ctx.warn(`${event()}: an EXDATE value cannot be read and was ignored, so that date still counts`);
    }
  }
  return [...found.values()].filter((c) => !exInstants.has(c.start) && !exDays.has(ymd(c.time)));
}

function tzidParameter(property: Property): string | undefined {
  const tzid = property.getParameter('tzid');
  const first = Array.isArray(tzid) ? tzid[0] : tzid;
  return typeof first === 'string' && first ? first : undefined;
}

/**
 * The instant of an RDATE or EXDATE date-time (RFC 5545 §3.8.5): a value carries its own zone, UTC with `Z` or its
 * own TZID. A floating value is read in DTSTART's zone, which is what every exporter that writes one means.
 */
function valueInstant(time: Time, tzid: string | undefined, timing: EventTiming, ctx: SeriesContext): number {
  if (tzid || time.zone === ICAL.Timezone.utcTimezone) return ctx.zones.toEpoch(time, tzid);
  return ctx.zones.toEpoch(time, timing.tzid);
}

function seriesInstant(time: Time, timing: EventTiming, ctx: SeriesContext): number {
  return timing.allDay ? ctx.zones.dateToEpoch(time) : ctx.zones.toEpoch(time, timing.tzid);
}

function addRuleCandidates(rule: Recur, timing: EventTiming, ctx: SeriesContext, event: () => string, found: Map<number, Candidate>): void {
  const { zones } = ctx;
  const span = Math.max(timing.durationMs, timing.days * DAY_MS);
  const until = rule.until;
  rule.until = null;
  let untilMs = Infinity;
  if (until) {
    if (until.isDate) untilMs = timing.allDay ? zones.dateToEpoch(until) : zones.toEpoch(endOfDay(until), timing.tzid);
    else if (timing.allDay) untilMs = zones.dateToEpoch(until);
    else untilMs = until.zone === ICAL.Timezone.utcTimezone ? wallAsUtc(until) : zones.toEpoch(until, timing.tzid);
  }
  const iterator = guardedIterator(rule, timing.startTime, ctx);
  let iterations = 0;
  const step = (): Time | undefined => {
    try {
      return iterator.next() ?? undefined;
    } catch (error) {
      // ical.js gives up on some rules that can never match (BYMONTHDAY=30;BYMONTH=2 with FREQ=MONTHLY).
      if (!(error instanceof PastWindow)) ctx.warn(`${event()}: its RRULE stops early because no further dates match it`);
      return undefined;
    }
  };
  for (let next = step(); next; next = step()) {
    if (++iterations > ctx.maxIterations) {
      ctx.warn(`${event()}: its RRULE was cut after ${ctx.maxIterations} dates`);
      break;
    }
    const wall = wallAsUtc(next);
    if (wall - MARGIN_MS >= ctx.to) break;
    if (wall - MARGIN_MS > untilMs) break;
    // Resolving a zone costs an Intl call: only do it near the window or near UNTIL.
    const nearUntil = untilMs !== Infinity && wall + MARGIN_MS >= untilMs;
    if (wall + span + MARGIN_MS < ctx.from && !nearUntil) continue;
    const start = seriesInstant(next, timing, ctx);
    if (start > untilMs) break;
    if (wall + span + MARGIN_MS < ctx.from) continue;
    if (found.has(start)) continue;
    if (found.size >= MAX_INSTANCES_IN_WINDOW) {
      ctx.warn(`${event()}: its RRULE gives more than ${MAX_INSTANCES_IN_WINDOW} dates in the window; the rest are ignored`);
      break;
    }
    found.set(start, { time: next.clone(), start });
  }
}

function addRdateCandidates(property: Property, timing: EventTiming, ctx: SeriesContext, found: Map<number, Candidate>): void {
  const tzid = tzidParameter(property);
  for (const value of property.getValues() as unknown[]) {
    if (isPeriod(value)) {
      const start = ctx.zones.toEpoch(value.start, tzid);
      const end = value.end ? ctx.zones.toEpoch(value.end, tzid) : start + (value.duration?.toSeconds() ?? 0) * 1000;
      // A period that ends before it starts lasts no time, as DTEND before DTSTART does.
      found.set(start, { time: value.start, start, end: Math.max(start, checkInstant(end, 'RDATE')) });
    } else if (value && typeof value === 'object' && 'year' in value) {
      const time = value as Time;
      const start = time.isDate ? ctx.zones.dateToEpoch(time) : valueInstant(time, tzid, timing, ctx);
      if (!found.has(start)) found.set(start, { time, start });
    }
  }
}

function endOfDay(date: Time): Time {
  const time = date.clone();
  time.isDate = false;
  time.hour = 23;
  time.minute = 59;
  time.second = 59;
  return time;
}
