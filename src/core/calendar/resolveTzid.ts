import { isValidTimeZone } from '../time/localDays';
import { WINDOWS_DISPLAY_NAMES, WINDOWS_ZONES } from './windowsZones';

/** How a TZID without an in-file VTIMEZONE maps onto the platform's zone data. */
export type TzidMapping =
  | { kind: 'iana'; zone: string; note?: string }
  | { kind: 'fixed'; offsetMinutes: number; note: string }
  | { kind: 'unknown' };

/** Quotes and backslash escapes are transport noise: `"Kuala Lumpur\, Singapore"` names `Kuala Lumpur, Singapore`. */
export function normalizeTzid(tzid: string): string {
  return tzid.trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
}

const lowerWindows = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));
let cityIndex: Map<string, string> | undefined;

function cities(): Map<string, string> {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ').toLowerCase();
      if (!cityIndex.has(city)) cityIndex.set(city, zone);
    }
    // CLDR's canonical names differ from some cities Outlook labels mention.
    for (const [city, zone] of [['kyiv', 'Europe/Kiev'], ['kolkata', 'Asia/Calcutta'], ['new delhi', 'Asia/Calcutta'], ['hanoi', 'Asia/Bangkok'], ['beijing', 'Asia/Shanghai'], ['washington', 'America/New_York']] as const) {
      if (!cityIndex.has(city)) cityIndex.set(city, zone);
    }
  }
  return cityIndex;
}

const IANA_TAIL = /((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z0-9_+\-/]+)$/;
const LABEL = /^\((?:UTC|GMT)\s*(?:([+-−])\s*(\d{1,2})(?::?(\d{2}))?)?\)\s*(.*)$/;
const BARE_OFFSET = /^(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\b/;

function offsetMinutes(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number {
  const value = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
  return sign === '-' || sign === '−' ? -value : value;
}

function fromLabel(rest: string): string | undefined {
  const label = rest.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ').trim();
  const known = WINDOWS_DISPLAY_NAMES[label];
  if (known) return known;
  const index = cities();
  for (const piece of label.split(/[,;:]/)) {
    const zone = index.get(piece.trim());
    if (zone) return zone;
  }
  return undefined;
}

/**
 * Maps a TZID that has no VTIMEZONE in the file: an IANA name (any case, or with a vendor prefix),
 * a Windows zone id (CLDR windowsZones), an Outlook display label, or a bare GMT/UTC offset.
 */
export function mapTzid(raw: string): TzidMapping {
  const tzid = normalizeTzid(raw);
  if (!tzid) return { kind: 'unknown' };
  if (/^(?:z|utc|gmt|etc\/utc|etc\/gmt|universal|zulu)$/i.test(tzid)) return { kind: 'iana', zone: 'UTC' };
  if (tzid.includes('/') && isValidTimeZone(tzid)) return { kind: 'iana', zone: Intl.DateTimeFormat('en-US', { timeZone: tzid }).resolvedOptions().timeZone };
  const tail = IANA_TAIL.exec(tzid)?.[1];
  if (tail && isValidTimeZone(tail)) return { kind: 'iana', zone: tail };
  const windows = WINDOWS_ZONES[tzid] ?? lowerWindows.get(tzid.toLowerCase());
  if (windows) return { kind: 'iana', zone: windows };
  const label = LABEL.exec(tzid);
  if (label) {
    const zone = fromLabel(label[4] ?? '');
    if (zone) return { kind: 'iana', zone };
    if (label[2] !== undefined) {
      return { kind: 'fixed', offsetMinutes: offsetMinutes(label[1], label[2], label[3]), note: 'a fixed offset without daylight saving' };
    }
  }
  const bare = BARE_OFFSET.exec(tzid);
  if (bare) return { kind: 'fixed', offsetMinutes: offsetMinutes(bare[1], bare[2], bare[3]), note: 'a fixed offset without daylight saving' };
  // "Greenwich Mean Time:Dublin; Edinburgh; Lisbon; London" and friends: a display name without the offset prefix.
  const loose = fromLabel(tzid.replace(/^[^:]*:\s*/, ''));
  if (loose) return { kind: 'iana', zone: loose };
  if (isValidTimeZone(tzid) && !/^[A-Z]{3,4}$/.test(tzid)) return { kind: 'iana', zone: tzid };
  return { kind: 'unknown' };
}
