import { MINUTE_MS } from './clock';
import { localDateOf, wallClock } from './localDays';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const AGO = /^(\d{1,3})\s*(m|min|minutes?)\s*ago$/;

/** What "Log a Meeting…" takes as a start: today's HH:MM in `zone`, or "20 min ago"; undefined for anything else. */
export function parseMeetingStart(text: string, now: number, zone: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const ago = AGO.exec(trimmed);
  if (ago) return now - Number(ago[1]) * MINUTE_MS;
  const time = TIME.exec(trimmed);
  if (!time) return undefined;
  return wallClock(localDateOf(now, zone), Number(time[1]) * 60 + Number(time[2]), zone);
}

/** A meeting's length in whole minutes, 1 to 1440; undefined for anything else. */
export function parseMeetingMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= 24 * 60 ? minutes : undefined;
}
