import { createHash } from 'node:crypto';
import { unfold } from '../../core/calendar/splitCalendar';

/**
 * A hash of the feed that ignores DTSTAMP lines (and folding/line endings): Google stamps every event with
 * the time of the request, so an unchanged calendar would otherwise look new on every refresh.
 */
export function contentHash(text: string): string {
  const hash = createHash('sha256');
  for (const line of unfold(text).split(/\r?\n|\r/)) {
    if (/^DTSTAMP[;:]/i.test(line)) continue;
    hash.update(line);
    hash.update('\n');
  }
  return hash.digest('hex');
}
