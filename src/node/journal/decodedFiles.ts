import type { Stats } from 'node:fs';

/** A file's identity for the cache: a rewrite (compaction renames a new file in) or an append (the file grows) changes it. */
export function fileVersion(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${Math.round(stats.mtimeMs)}`;
}

/**
 * Decoded history files kept between reads, so the status bar, which reads the last weeks after every flush, reads
 * and decodes only the files that changed since (today's journals) instead of all of them.
 * It holds at most the files the data folder holds: `keepOnly` drops the ones that are gone.
 */
export class DecodedFiles {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  get<T>(file: string, version: string): T | undefined {
    const entry = this.entries.get(file);
    return entry?.version === version ? (entry.value as T) : undefined;
  }

  set(file: string, version: string, value: unknown): void {
    this.entries.set(file, { version, value });
  }

  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file);
  }

  get size(): number {
    return this.entries.size;
  }
}
