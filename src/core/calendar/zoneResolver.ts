import ICAL from 'ical.js';
import type { Component, Time, Timezone } from './icalTypes';
import { mapTzid, normalizeTzid } from './resolveTzid';
import { wallAsUtc, zonedWallToEpoch, type WallTime } from './zoneOffsets';
import { isValidTimeZone } from '../time/localDays';

type ToEpoch = (wall: Time) => number;

/**
 * Turns the wall-clock times of one file into instants. Each file gets its own resolver, so VTIMEZONEs
 * never go through ical.js's global TimezoneService (two feeds may define "Customized Time Zone" differently).
 * Order: the file's VTIMEZONE, then an IANA name, then Windows ids and Outlook labels, then X-WR-TIMEZONE.
 */
export class ZoneResolver {
  private readonly byTzid = new Map<string, ToEpoch>();
  private readonly vtimezones = new Map<string, Component>();
  private readonly vtimezonesLower = new Map<string, Component>();

  constructor(
    vtimezones: readonly Component[],
    private readonly userZone: string,
    private readonly calendarZone: string | undefined,
    private readonly warn: (message: string) => void,
  ) {
    for (const component of vtimezones) {
      const id = component.getFirstPropertyValue('tzid');
      if (typeof id !== 'string' || !component.getFirstSubcomponent('standard') && !component.getFirstSubcomponent('daylight')) continue;
      const key = normalizeTzid(id);
      this.vtimezones.set(key, component);
      this.vtimezonesLower.set(key.toLowerCase(), component);
    }
  }

  /** The instant of a DATE-TIME value; `tzid` is its TZID parameter. Floating times are in the user's zone. */
  toEpoch(time: Time, tzid: string | undefined): number {
    if (time.zone === ICAL.Timezone.utcTimezone && !tzid) return wallAsUtc(time);
    if (!tzid) return zonedWallToEpoch(time, this.userZone);
    return this.resolve(tzid)(time);
  }

  /** Midnight starting a DATE value, in the user's zone: all-day events belong to the user's days. */
  dateToEpoch(wall: WallTime): number {
    return zonedWallToEpoch({ year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0, second: 0 }, this.userZone);
  }

  private resolve(tzid: string): ToEpoch {
    let toEpoch = this.byTzid.get(tzid);
    if (!toEpoch) {
      toEpoch = this.build(tzid);
      this.byTzid.set(tzid, toEpoch);
    }
    return toEpoch;
  }

  private build(tzid: string): ToEpoch {
    const key = normalizeTzid(tzid);
    const component = this.vtimezones.get(key) ?? this.vtimezonesLower.get(key.toLowerCase());
    if (component) {
      const zone: Timezone = new ICAL.Timezone(component);
      return (wall) => wallAsUtc(wall) - zone.utcOffset(wall) * 1000;
    }
    const mapped = mapTzid(key);
    if (mapped.kind === 'iana') {
      if (mapped.zone === 'UTC') return (wall) => wallAsUtc(wall);
      const zone = mapped.zone;
      return (wall) => zonedWallToEpoch(wall, zone);
    }
    if (mapped.kind === 'fixed') {
      this.warn(`time zone "${key}" read as ${mapped.note} (UTC${mapped.offsetMinutes >= 0 ? '+' : '-'}${formatOffset(mapped.offsetMinutes)})`);
      const offsetMs = mapped.offsetMinutes * 60_000;
      return (wall) => wallAsUtc(wall) - offsetMs;
    }
    const fallback = this.calendarZone && isValidTimeZone(this.calendarZone) ? this.calendarZone : this.userZone;
    const why = fallback === this.calendarZone ? "the calendar's own zone (X-WR-TIMEZONE)" : 'your time zone';
    this.warn(`unknown time zone "${key}": its times are read in ${why}, ${fallback}`);
    return (wall) => zonedWallToEpoch(wall, fallback);
  }
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
