import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time/clock';
import { stripConflictMarkers } from '../journal/layout';
import { isRateLimited } from '../../core/nudge/decideNudge';

/*
 * The nudge lease: how N windows on M machines sharing one data directory agree that exactly one of them shows a
 * nudge, at most once per `minHoursBetween`.
 *
 * <dataDir>/nudge/
 *   shown.json                 {"lastShownAt", "writerId"}: replaced atomically (temp file + rename).
 *   snooze.json                {"until", "writerId"}: replaced atomically.
 *   claim-<G>-<N>.json         {"writerId", "claimedAt"}: the right to show the nudge that follows generation G
 *                              (G = lastShownAt when the claim was made, 0 before the first nudge), attempt N.
 *
 * A claim is created with link(temp, claim), which fails with EEXIST when the name exists, so of all windows
 * racing for the same name exactly one wins, and the file appears with its content complete. Where hard links are
 * unsupported (some FUSE/synced file systems) it falls back to an O_EXCL create. The winner then records
 * lastShownAt, which moves every window to the next generation and the rate limit.
 *
 * Crash recovery: no lock is ever held. If a winner dies between its claim and shown.json, its claim stays the
 * newest of generation G; once older than the TTL, the next window claims attempt N+1 of the same generation.
 *
 * Synced folders: exclusive create is only atomic on one machine. Sync clients keep both sides of a conflict as
 * a copy ("shown.sync-conflict-20260302-101112-ABCDEFG.json", "shown (1).json", layout.ts knows them all), so every
 * `shown*.json` and `snooze*.json` is read and the latest time wins: at worst two machines that raced within one
 * sync delay both show a nudge, never more after that. Copies of claims count as the claims they copy. A winner
 * removes the copies its shown.json supersedes, so they do not pile up. A time further in the future than one
 * interval is a clock error and is ignored by the claim, so a machine whose clock ran ahead never stops nudges for
 * good.
 */

export interface NudgeLeaseState {
  /** The last time any window claimed and showed a nudge. */
  lastShownAt: number | undefined;
  lastShownBy: string | undefined;
  snoozedUntil: number | undefined;
}

export interface ClaimOptions {
  /** How long a claim without a following shown.json blocks others: the claimant may still be showing it. */
  claimTtlMs?: number;
}

export const DEFAULT_CLAIM_TTL_MS = 2 * MINUTE_MS;

const CLAIM = /^claim-(\d+)-(\d+)$/;

/** The name of a lease file without `.json` and without the conflict markers of a sync tool's copy. */
function leaseStem(name: string): string | undefined {
  return name.endsWith('.json') && !name.startsWith('.') && !name.startsWith('~') ? stripConflictMarkers(name.slice(0, -'.json'.length)).stem : undefined;
}

function leaseDir(dataDir: string): string {
  return join(dataDir, 'nudge');
}

function safeId(writerId: string): string {
  return writerId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'writer';
}

function tempName(dir: string, writerId: string): string {
  return join(dir, `.tmp-${safeId(writerId)}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path, 'utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

async function writeAtomically(dir: string, name: string, content: unknown, writerId: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const temp = tempName(dir, writerId);
  await fs.writeFile(temp, JSON.stringify(content));
  try {
    await fs.rename(temp, join(dir, name));
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Creates `path` with `content` only if it does not exist yet; false when someone else has it. */
async function createExclusively(dir: string, path: string, content: string, writerId: string): Promise<boolean> {
  const temp = tempName(dir, writerId);
  await fs.writeFile(temp, content);
  try {
    await fs.link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
  try {
    await fs.writeFile(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * What every window needs to decide about a nudge; missing, corrupt or unreadable files read as "never".
 * `notAfter`: shown times later than this are clock errors and ignored.
 */
export async function readNudgeState(dataDir: string, notAfter = Number.POSITIVE_INFINITY): Promise<NudgeLeaseState> {
  const dir = leaseDir(dataDir);
  const state: NudgeLeaseState = { lastShownAt: undefined, lastShownBy: undefined, snoozedUntil: undefined };
  for (const name of await listDir(dir)) {
    const stem = leaseStem(name);
    if (stem === undefined) continue;
    if (stem.startsWith('shown')) {
      const record = await readJson(join(dir, name));
      const at = finite(record?.lastShownAt);
      if (at !== undefined && at <= notAfter && (state.lastShownAt === undefined || at > state.lastShownAt)) {
        state.lastShownAt = at;
        state.lastShownBy = typeof record?.writerId === 'string' ? record.writerId : undefined;
      }
    } else if (stem.startsWith('snooze')) {
      const until = finite((await readJson(join(dir, name)))?.until);
      if (until !== undefined && (state.snoozedUntil === undefined || until > state.snoozedUntil)) state.snoozedUntil = until;
    }
  }
  return state;
}

interface ClaimFile {
  name: string;
  generation: number;
  attempt: number;
}

function claimsOf(names: readonly string[]): ClaimFile[] {
  const claims: ClaimFile[] = [];
  for (const name of names) {
    const match = CLAIM.exec(leaseStem(name) ?? '');
    if (match) claims.push({ name, generation: Number(match[1]), attempt: Number(match[2]) });
  }
  return claims;
}

async function claimedAt(dir: string, claim: ClaimFile): Promise<number> {
  const at = finite((await readJson(join(dir, claim.name)))?.claimedAt);
  if (at !== undefined) return at;
  // Only an O_EXCL fallback can leave a claim without content (a crash between create and write).
  try {
    return (await fs.stat(join(dir, claim.name))).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

/**
 * Atomically claims the right to show a nudge now. True for exactly one of any number of concurrent callers;
 * false while snoozed, within `minHoursBetween` of the last nudge shown by anyone, or when another caller won.
 * The winner's nudge is recorded as shown at `now`.
 */
export async function tryClaimNudge(dataDir: string, writerId: string, now: number, minHoursBetween: number, options: ClaimOptions = {}): Promise<boolean> {
  const ttl = options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
  const dir = leaseDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  const notAfter = now + minHoursBetween * HOUR_MS;
  const state = await readNudgeState(dataDir, notAfter);
  if (state.snoozedUntil !== undefined && now < state.snoozedUntil) return false;
  if (isRateLimited(state.lastShownAt, now, minHoursBetween)) return false;

  const generation = Math.max(0, Math.floor(state.lastShownAt ?? 0));
  const claims = claimsOf(await listDir(dir));
  const latest = claims.filter((c) => c.generation === generation).sort((a, b) => b.attempt - a.attempt)[0];
  if (latest) {
    const at = await claimedAt(dir, latest);
    // A fresh claim means another window is showing this nudge right now.
    if (Math.abs(now - at) < ttl) return false;
  }
  const attempt = (latest?.attempt ?? 0) + 1;
  const won = await createExclusively(dir, join(dir, `claim-${generation}-${attempt}.json`), JSON.stringify({ writerId, claimedAt: now }), writerId);
  if (!won) return false;

  // Someone may have finished a nudge between our read and our claim (a slow window holding an old generation).
  const after = await readNudgeState(dataDir, notAfter);
  if (after.lastShownAt !== state.lastShownAt) return false;
  await writeAtomically(dir, 'shown.json', { lastShownAt: now, writerId }, writerId);
  await removeOldClaims(dir, claims, generation, now);
  await removeSupersededCopies(dir, now, notAfter);
  return true;
}

/**
 * Sync tools' copies of shown.json and snooze.json that say nothing any more: a nudge shown before ours (or at an
 * impossible time), a snooze that is over. Copies that still matter stay.
 */
async function removeSupersededCopies(dir: string, now: number, notAfter: number): Promise<void> {
  for (const name of await listDir(dir)) {
    const stem = leaseStem(name);
    if (stem === undefined || name === 'shown.json' || name === 'snooze.json') continue;
    const record = await readJson(join(dir, name));
    let superseded = false;
    if (stem.startsWith('shown')) {
      const at = finite(record?.lastShownAt);
      superseded = at !== undefined && (at <= now || at > notAfter);
    } else if (stem.startsWith('snooze')) {
      const until = finite(record?.until);
      superseded = until !== undefined && until <= now;
    }
    if (superseded) await fs.rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Claims of earlier generations are history; removed once no straggler can still be acting on them. */
async function removeOldClaims(dir: string, claims: readonly ClaimFile[], current: number, now: number): Promise<void> {
  for (const claim of claims) {
    if (claim.generation >= current) continue;
    if (now - (await claimedAt(dir, claim)) < DAY_MS) continue;
    await fs.rm(join(dir, claim.name), { force: true }).catch(() => undefined);
  }
}

/** Records a snooze for every window and machine sharing the data directory. */
export async function snoozeUntil(dataDir: string, until: number, writerId = 'snooze'): Promise<void> {
  await writeAtomically(leaseDir(dataDir), 'snooze.json', { until, writerId }, writerId);
}
