import { MINUTE_MS } from '../time/clock';
import type { CharacterKind } from './attribution';

/** Characters that landed, by whose hands. Counts only, never content. */
export type CharacterCounts = Record<CharacterKind, number>;

/**
 * Counts are kept per quarter hour: every time zone's offset is a multiple of 15 minutes, so a bucket always
 * lies inside one local day, wherever the history is read.
 */
export const CHARACTER_BUCKET_MS = 15 * MINUTE_MS;

/** One writer's counts for one bucket so far. Cumulative: a later record of the same writer and bucket supersedes it. */
export interface CharacterBucket {
  readonly start: number;
  readonly counts: CharacterCounts;
  /** The agent whose characters these are (an AgentName). Absent: agent characters in it are VS Code edits. */
  readonly agent?: string;
  /** Lines the agent wrote, when its writer knows (agent hooks). */
  readonly lines?: number;
  /** The language id of the editor the characters landed in. Absent: not known (older records, or not recorded). */
  readonly language?: string;
}

/** The language a bucket or span without one is counted under (Skills): history without a language is never dropped. */
export const UNKNOWN_LANGUAGE = 'unknown';

export function emptyCounts(): CharacterCounts {
  return { typed: 0, pasted: 0, aiCompletion: 0, agent: 0 };
}

export function addCounts(into: CharacterCounts, more: Readonly<CharacterCounts>): CharacterCounts {
  into.typed += more.typed;
  into.pasted += more.pasted;
  into.aiCompletion += more.aiCompletion;
  into.agent += more.agent;
  return into;
}

/** The later state of a cumulative counter: each count only grows, so the larger one is the later one. */
export function maxCounts(a: Readonly<CharacterCounts>, b: Readonly<CharacterCounts>): CharacterCounts {
  return { typed: Math.max(a.typed, b.typed), pasted: Math.max(a.pasted, b.pasted), aiCompletion: Math.max(a.aiCompletion, b.aiCompletion), agent: Math.max(a.agent, b.agent) };
}

export function totalCharacters(counts: Readonly<CharacterCounts>): number {
  return counts.typed + counts.pasted + counts.aiCompletion + counts.agent;
}

export const bucketStartOf = (time: number): number => Math.floor(time / CHARACTER_BUCKET_MS) * CHARACTER_BUCKET_MS;

/**
 * One window's character counts as cumulative per-bucket records. A record repeated by a retried write, or merged
 * twice by two compactions, changes nothing (readers take the maximum per writer and bucket), so the counts are as
 * crash-safe as the spans: a crash loses at most what was not flushed.
 */
export class CharacterCounter {
  /** Per key (agent name, '' for the user's characters and VS Code's agent edits, and language), per bucket start. */
  private readonly buckets = new Map<string, { agent?: string; language?: string; byStart: Map<number, CharacterCounts> }>();
  private readonly changed = new Map<string, Set<number>>();

  /** `defaultAgent`: the agent whose characters the buckets without a name hold. */
  constructor(private readonly defaultAgent = 'vscode') {}

  /**
   * Adds `count` characters of `kind` at `time`, in a file of `language` when known. The buckets without a name hold
   * the user's characters and those of `defaultAgent`; agent characters of any other agent go to buckets of that
   * agent's. Each language has buckets of its own.
   */
  add(kind: CharacterKind, count: number, time: number, agent?: string, language?: string): void {
    const name = kind === 'agent' && agent !== undefined && agent !== this.defaultAgent ? agent : undefined;
    const key = `${name ?? ''}\u0000${language ?? ''}`;
    const start = bucketStartOf(time);
    let entry = this.buckets.get(key);
    if (!entry) this.buckets.set(key, (entry = { ...(name !== undefined && { agent: name }), ...(language !== undefined && { language }), byStart: new Map() }));
    let counts = entry.byStart.get(start);
    if (!counts) entry.byStart.set(start, (counts = emptyCounts()));
    counts[kind] += count;
    let changed = this.changed.get(key);
    if (!changed) this.changed.set(key, (changed = new Set()));
    changed.add(start);
  }

  /**
   * The buckets that changed since the previous call, with their totals so far, those of another agent with its
   * name and those of a known language with it; buckets older than `keepFrom` are forgotten.
   */
  take(keepFrom: number): CharacterBucket[] {
    const taken: CharacterBucket[] = [];
    for (const [key, starts] of this.changed) {
      const { agent, language, byStart } = this.buckets.get(key)!;
      for (const start of starts) taken.push({ start, counts: { ...byStart.get(start)! }, ...(agent !== undefined && { agent }), ...(language !== undefined && { language }) });
    }
    this.changed.clear();
    for (const { byStart } of this.buckets.values()) for (const start of byStart.keys()) if (start + CHARACTER_BUCKET_MS <= keepFrom) byStart.delete(start);
    return taken.sort((a, b) => a.start - b.start || (a.agent ?? '').localeCompare(b.agent ?? '') || (a.language ?? '').localeCompare(b.language ?? ''));
  }
}

/** A bucket as stored: whose counter it is (the journal's writer id), so repeats of it never add up. */
export interface WriterBucket extends CharacterBucket {
  readonly writer: string;
}

/** One entry per writer, bucket, agent and language, the latest (largest) counts of each; sorted, so encodings are deterministic. */
export function latestBuckets(buckets: readonly WriterBucket[]): WriterBucket[] {
  const latest = new Map<string, WriterBucket>();
  for (const bucket of buckets) {
    const key = `${bucket.start}/${bucket.writer}/${bucket.agent ?? ''}/${bucket.language ?? ''}`;
    const seen = latest.get(key);
    latest.set(key, seen ? { ...seen, counts: maxCounts(seen.counts, bucket.counts), ...(bucket.lines !== undefined && { lines: Math.max(seen.lines ?? 0, bucket.lines) }) } : bucket);
  }
  // Each key once, not per comparison: a year of history is tens of thousands of buckets.
  const keyed = [...latest.values()].map((bucket) => ({ bucket, order: `${bucket.writer}/${bucket.agent ?? ''}/${bucket.language ?? ''}` }));
  keyed.sort((a, b) => a.bucket.start - b.bucket.start || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return keyed.map((k) => k.bucket);
}

/** The characters in each of the sorted, disjoint `ranges`, from buckets as latestBuckets returns them (sorted, each once): one pass. */
export function charactersPer(latest: readonly CharacterBucket[], ranges: readonly { start: number; end: number }[]): CharacterCounts[] {
  let i = 0;
  return ranges.map((range) => {
    const total = emptyCounts();
    while (i < latest.length && latest[i]!.start < range.start) i++;
    for (; i < latest.length && latest[i]!.start < range.end; i++) addCounts(total, latest[i]!.counts);
    return total;
  });
}

/** A reload seen up to this long after an agent reported an edit is taken to be that edit (the next quarter hour too). */
const RELOAD_MATCH_BUCKETS = 1;

/**
 * The buckets that count, each once (latestBuckets), without the characters of files changed on disk (`disk`) in a
 * quarter hour where an agent's own report (a bucket named by an agent that is not VS Code's guess) counted characters,
 * or in the one after it: the same edit, reported by the agent's hook and seen again as a reload, counts once.
 */
export function countedBuckets(buckets: readonly WriterBucket[]): WriterBucket[] {
  const latest = latestBuckets(buckets);
  const reported = new Set<number>();
  for (const bucket of latest) if (bucket.agent !== undefined && bucket.agent !== 'disk' && bucket.agent !== 'vscode' && bucket.counts.agent > 0) reported.add(bucket.start);
  if (reported.size === 0) return latest;
  const matches = (start: number) => {
    for (let back = 0; back <= RELOAD_MATCH_BUCKETS; back++) if (reported.has(start - back * CHARACTER_BUCKET_MS)) return true;
    return false;
  };
  return latest.filter((bucket) => bucket.agent !== 'disk' || !matches(bucket.start));
}

/** What one agent wrote: characters, and lines where its writer counts them. */
export interface AgentWriting {
  characters: number;
  lines: number;
}

/** The agent characters of each of the sorted, disjoint `ranges`, by agent (`vscode` for buckets that name none), from countedBuckets. */
export function agentCharactersPer(counted: readonly CharacterBucket[], ranges: readonly { start: number; end: number }[]): Record<string, AgentWriting>[] {
  let i = 0;
  return ranges.map((range) => {
    const byAgent: Record<string, AgentWriting> = {};
    while (i < counted.length && counted[i]!.start < range.start) i++;
    for (; i < counted.length && counted[i]!.start < range.end; i++) {
      const bucket = counted[i]!;
      if (bucket.counts.agent === 0 && (bucket.lines ?? 0) === 0) continue;
      const name = bucket.agent ?? 'vscode';
      const writing = (byAgent[name] ??= { characters: 0, lines: 0 });
      writing.characters += bucket.counts.agent;
      writing.lines += bucket.lines ?? 0;
    }
    return byAgent;
  });
}
