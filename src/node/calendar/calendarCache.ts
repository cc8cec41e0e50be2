import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

/** What is kept per source so a failed refresh never blanks the meetings. */
export interface CacheEntry<T> {
  /** `contentHash` of the text `result` was parsed from. */
  hash: string;
  /** A feed's validators, sent with the next request so an unchanged feed answers 304. */
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last successful refresh (fetch or unchanged). */
  refreshedAt: number;
  result: T;
}

/**
 * One JSON file per source in a directory the host owns. Sources are keyed by a hash of their id, so the
 * file name never contains the secret URL. Writes go through a temp file and a rename.
 */
export class CalendarCache<T> {
  constructor(private readonly directory: string) {}

  private fileFor(sourceId: string): string {
    return path.join(this.directory, `calendar-${createHash('sha256').update(sourceId).digest('hex').slice(0, 24)}.json`);
  }

  async load(sourceId: string): Promise<CacheEntry<T> | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.fileFor(sourceId), 'utf8')) as CacheEntry<T>;
    } catch {
      return undefined;
    }
  }

  async save(sourceId: string, entry: CacheEntry<T>): Promise<void> {
    await fs.mkdir(this.directory, { recursive: true });
    const file = this.fileFor(sourceId);
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(entry));
    await fs.rename(temp, file);
  }

  async remove(sourceId: string): Promise<void> {
    await fs.rm(this.fileFor(sourceId), { force: true });
  }
}
