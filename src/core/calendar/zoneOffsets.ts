/** Wall-clock ↔ instant conversion with the platform's time zone data (Intl), cached because feeds repeat zones. */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Zone transitions fall on quarter hours, so an offset holds for a whole 15-minute bucket.
const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in ms at an instant (positive east of Greenwich). */
export function offsetAt(zone: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET_MS;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(zone).formatToParts(at)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 1970);
  const asUtc = Date.UTC(year, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  const offset = asUtc - at;
  cache.set(bucket, offset);
  return offset;
}

export function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The instant a wall-clock time denotes in an IANA zone; a time in a spring-forward gap moves forward. */
export function zonedWallToEpoch(wall: WallTime, zone: string): number {
  const guess = wallAsUtc(wall);
  const first = guess - offsetAt(zone, guess);
  const offset = offsetAt(zone, first);
  const second = guess - offset;
  if (offsetAt(zone, second) === offset) return second;
  return Math.max(first, second);
}
