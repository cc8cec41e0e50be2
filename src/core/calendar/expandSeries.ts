import ICAL from 'ical.js';
import type { Component, Recur, Time } from './icalTypes';
import type { EventFacts, RawOccurrence } from './types';
import type { ZoneResolver } from './zoneResolver';
import { addDays, instantOf, isPeriod, readTiming, tzidOf, ymd, type EventTiming } from './eventTiming';
import { readFacts } from './eventFacts';
import { DAY_MS } from '../time/clock';
import { wallAsUtc } from './zoneOffsets';

export interface SeriesContext {
  zones: ZoneResolver;
  from: number;
  to: number;
  maxIterations: number;
  warn(message: string): void;
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

function overlaps(start: number, end: number, ctx: SeriesContext): boolean {
  return end > start ? end > ctx.from && start < ctx.to : start >= ctx.from && start < ctx.to;
}

function readOverride(component: Component, zones: ZoneResolver): Override {
  const rid = component.getFirstPropertyValue('recurrence-id') as Time;
  const range = component.getFirstProperty('recurrence-id')?.getParameter('range');
  return {
    timing: readTiming(component, zones),
    facts: readFacts(component),
    ridMs: instantOf(rid, tzidOf(component, 'recurrence-id'), zones),
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
  const overrides = components.filter((c) => c.hasProperty('recurrence-id')).map((c) => readOverride(c, ctx.zones));
  const masterFacts = master ? readFacts(master) : undefined;
  const seriesCancelled = masterFacts?.status === 'CANCELLED';
  const out: RawOccurrence[] = [];
  for (const o of overrides) {
    if (overlaps(o.timing.start, o.timing.end, ctx)) {
      out.push({ start: o.timing.start, end: o.timing.end, uid, allDay: o.timing.allDay, facts: o.facts, seriesCancelled });
    }
  }
  if (!master || !masterFacts) return out;
  const timing = readTiming(master, ctx.zones);
  const byInstant = new Map<number, Override>();
  const byDay = new Map<number, Override>();
  for (const o of overrides) {
    if (timing.allDay || o.ridIsDate) byDay.set(o.ridDay, o);
    else byInstant.set(o.ridMs, o);
  }
  const ranges = overrides.filter((o) => o.thisAndFuture).sort((a, b) => a.ridMs - b.ridMs);
  for (const candidate of candidates(master, timing, ctx)) {
    const day = ymd(candidate.time);
    if ((!timing.allDay && byInstant.has(candidate.start)) || byDay.has(day)) continue;
    let start = candidate.start;
    let end = candidate.end ?? (timing.allDay ? ctx.zones.dateToEpoch(addDays(candidate.time, timing.days)) : start + timing.durationMs);
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

function candidates(master: Component, timing: EventTiming, ctx: SeriesContext): Candidate[] {
  const { zones } = ctx;
  const instant = (time: Time): number => (timing.allDay ? zones.dateToEpoch(time) : zones.toEpoch(time, timing.tzid));
  const found = new Map<number, Candidate>();
  // RFC 5545 3.8.5.3: DTSTART is always the first instance, whether or not the rule matches it.
  found.set(timing.start, { time: timing.startTime, start: timing.start });
  const span = Math.max(timing.durationMs, timing.days * DAY_MS);
  for (const property of master.getAllProperties('rrule')) {
    const rule = (property.getFirstValue() as Recur).clone();
    const until = rule.until;
    rule.until = null;
    let untilMs = Infinity;
    if (until) {
      if (until.isDate) untilMs = timing.allDay ? zones.dateToEpoch(until) : zones.toEpoch(endOfDay(until), timing.tzid);
      else if (timing.allDay) untilMs = zones.dateToEpoch(until);
      else untilMs = until.zone === ICAL.Timezone.utcTimezone ? wallAsUtc(until) : zones.toEpoch(until, timing.tzid);
    }
    const iterator = rule.iterator(timing.startTime);
    let iterations = 0;
    const step = (): Time | undefined => {
      try {
        return iterator.next() ?? undefined;
      } catch (error) {
        // ical.js gives up on rules that can never match (BYMONTHDAY=30;BYMONTH=2).
        ctx.warn(`a recurrence rule (${rule.toString().slice(0, 60)}) stopped early: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    for (let next = step(); next; next = step()) {
      if (++iterations > ctx.maxIterations) {
        ctx.warn(`a recurrence rule (${rule.toString().slice(0, 60)}) was cut after ${ctx.maxIterations} instances`);
        break;
      }
      const wall = wallAsUtc(next);
      if (wall - MARGIN_MS >= ctx.to) break;
      if (wall - MARGIN_MS > untilMs) break;
      // Resolving a zone costs an Intl call: only do it near the window or near UNTIL.
      const nearUntil = untilMs !== Infinity && wall + MARGIN_MS >= untilMs;
      if (wall + span + MARGIN_MS < ctx.from && !nearUntil) continue;
      const start = instant(next);
      if (start > untilMs) break;
      if (wall + span + MARGIN_MS < ctx.from) continue;
      if (!found.has(start)) found.set(start, { time: next.clone(), start });
    }
  }
  for (const property of master.getAllProperties('rdate')) {
    const tzid = property.getParameter('tzid');
    for (const value of property.getValues() as unknown[]) {
      if (isPeriod(value)) {
        const start = zones.toEpoch(value.start, typeof tzid === 'string' ? tzid : undefined);
        const end = value.end ? zones.toEpoch(value.end, typeof tzid === 'string' ? tzid : undefined) : start + (value.duration?.toSeconds() ?? 0) * 1000;
        found.set(start, { time: value.start, start, end });
      } else if (value && typeof value === 'object' && 'year' in value) {
        const time = value as Time;
        const start = time.isDate && !timing.allDay ? zones.dateToEpoch(time) : instant(time);
        if (!found.has(start)) found.set(start, { time, start });
      }
    }
  }
  const exInstants = new Set<number>();
  const exDays = new Set<number>();
  for (const property of master.getAllProperties('exdate')) {
    const tzid = property.getParameter('tzid');
    for (const value of property.getValues() as Time[]) {
      if (!value || typeof value !== 'object') continue;
      if (value.isDate || timing.allDay) exDays.add(ymd(value));
      else exInstants.add(zones.toEpoch(value, typeof tzid === 'string' ? tzid : undefined));
    }
  }
  return [...found.values()].filter((c) => !exInstants.has(c.start) && !exDays.has(ymd(c.time)));
}

function endOfDay(date: Time): Time {
  const time = date.clone();
  time.isDate = false;
  time.hour = 23;
  time.minute = 59;
  time.second = 59;
  return time;
}
