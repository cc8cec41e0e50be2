import { TZDate } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';
import type { Interval } from '../time/interval';
import { localDateOf, startOfLocalDate } from '../time/localDays';

/** ISO 8601 with the zone's offset, e.g. `2026-03-30T00:00:00+02:00`. */
export function isoInZone(epochMs: number, zone: string): string {
  return formatISO(new TZDate(epochMs, zone));
}

/** Formats with a date-fns pattern in the zone (24-hour `HH:mm`, `EEEE`, …; English names). */
export function formatInZone(epochMs: number, zone: string, pattern: string): string {
  return format(new TZDate(epochMs, zone), pattern);
}

/**
 * `Wed 25 Mar 14:00–18:00`, or across days `Wed 25 Mar 22:00–Thu 26 Mar 02:00`, with `day` the pattern of the date
 * part (`EEE d MMM` by default, `EEE` for a week's blocks). A span ending at local midnight ends at 24:00 of its day,
 * not 00:00.
 */
export function spanLabel(span: Interval, zone: string, day = 'EEE d MMM'): string {
  const sameDay = localDateOf(span.start, zone) === localDateOf(span.end - 1, zone);
  const midnight = span.end === startOfLocalDate(localDateOf(span.end, zone), zone);
  const end = !sameDay ? formatInZone(span.end, zone, `${day} HH:mm`) : midnight ? '24:00' : formatInZone(span.end, zone, 'HH:mm');
  return `${formatInZone(span.start, zone, `${day} HH:mm`)}–${end}`;
}
