import * as path from 'node:path';

/**
 * Directory layout under the data directory the host passes in:
 *
 *   <root>/journal/live/<utcDate>.<writerId>.jsonl   one writer's appends on that UTC date (only that writer writes it)
 *   <root>/journal/days/<utcDate>.<hash>.json        compacted day: merged spans of one UTC day, content-addressed
 *   <root>/journal/days/.tmp-*                       a compaction in progress (ignored by readers)
 *
 * UTC dates, not local ones: the folder may be shared by machines in different zones.
 */
export interface JournalPaths {
  readonly base: string;
  readonly live: string;
  readonly days: string;
}

export function journalPaths(root: string): JournalPaths {
  const base = path.join(root, 'journal');
  return { base, live: path.join(base, 'live'), days: path.join(base, 'days') };
}

const UTC_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function utcDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function utcDayStart(utcDate: string): number {
  return Date.parse(`${utcDate}T00:00:00.000Z`);
}

const safeHost = (hostname: string): string => hostname.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'host';

/** Safe for file names on every platform: hostname + pid + random, only [A-Za-z0-9_-]. */
export function createWriterId(hostname: string, pid: number, random: string): string {
  return `${safeHost(hostname)}-${pid}-${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}

/**
 * The writer id of short-lived writers (agent hooks, shells): one per machine and source, so a day of hook calls
 * appends to one file instead of making one per process. Each call appends whole lines in one write.
 */
export function stableWriterId(hostname: string, source: string): string {
  return `${safeHost(hostname)}-${source.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40)}`;
}

const JOURNAL_NAME = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]+)\.jsonl$/;
const DAY_NAME = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{16})\.json$/;

export function journalFileName(utcDate: string, writerId: string): string {
  return `${utcDate}.${writerId}.jsonl`;
}

export function parseJournalFileName(name: string): { utcDate: string; writerId: string } | undefined {
  const match = JOURNAL_NAME.exec(name);
  return match && UTC_DATE.test(match[1]!) ? { utcDate: match[1]!, writerId: match[2]! } : undefined;
}

export function dayFileName(utcDate: string, hash: string): string {
  return `${utcDate}.${hash}.json`;
}

export function parseDayFileName(name: string): { utcDate: string } | undefined {
  const match = DAY_NAME.exec(name);
  return match ? { utcDate: match[1]! } : undefined;
}
