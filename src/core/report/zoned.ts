import { TZDate } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';

/** ISO 8601 with the zone's offset, e.g. `2026-03-30T00:00:00+02:00`. */
export function isoInZone(epochMs: number, zone: string): string {
  return formatISO(new TZDate(epochMs, zone));
}

/** Formats with a date-fns pattern in the zone (24-hour `HH:mm`, `EEEE`, …; English names). */
export function formatInZone(epochMs: number, zone: string, pattern: string): string {
  return format(new TZDate(epochMs, zone), pattern);
}
