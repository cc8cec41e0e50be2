import * as fs from 'node:fs';
import * as path from 'node:path';
import { sanitizeContextValue } from '../../core/activity/activitySpan';
import { bucketStartOf } from '../../core/activity/characterCounts';
import type { HookEvent } from '../../core/agents/hookEvents';
import { shortHash } from '../../core/agents/shortHash';
import { stepSession, type SessionState } from '../../core/agents/sessionSpans';
import { describeWriteError } from '../journal/journalProblem';
import { journalFileName, journalPaths, stableWriterId, utcDateOf } from '../journal/layout';
import { encodeActivityLine, encodeCharactersLine } from '../journal/records';
import type { HookPlaces } from './hookPlaces';

export interface HookTarget {
  /** The data folder the journal lives in. */
  readonly dataDir: string;
  /** Create the data folder when missing: only for the extension's own storage, never for a folder the user named. */
  readonly createDataDir: boolean;
  readonly places: HookPlaces;
  readonly hostname: string;
  /** handsOn.recordProjectNames: keep the workspace folder's name (the last segment of the agent's cwd). */
  readonly recordProjectNames: boolean;
}

/** The journal lines an event adds: its agent time and, for an edit, the characters and lines the agent wrote. */
export function journalLines(event: HookEvent, previous: SessionState | undefined, now: number, recordProjectNames: boolean): { lines: string[]; state: SessionState | undefined } {
  const step = stepSession(previous, event.kind, now);
  const workspace = recordProjectNames ? sanitizeContextValue(event.cwd) : undefined;
  const lines = step.spans.map((span) => encodeActivityLine({ ...span, agent: event.agent, source: 'hook', ...(workspace !== undefined && { workspace }) }));
  const written = event.written;
  if (written && written.characters > 0) {
    // The tool use's own id when the agent gives one, so a second report of it (another hook, a retry) counts once.
    const id = shortHash(`${event.agent}\n${event.session}\n${event.toolUseId ?? now}`);
    const counts = { typed: 0, pasted: 0, aiCompletion: 0, agent: written.characters };
    lines.push(encodeCharactersLine({ start: bucketStartOf(now), counts, agent: event.agent, lines: written.lines }, id));
  }
  return { lines, state: step.state };
}

/** Session state untouched this long belongs to a session that is over: a gap this long never counts anyway. */
export const STALE_SESSION_MS = 2 * 24 * 60 * 60 * 1000;

/** Removes session state files (and temp files left by a killed call) not written for STALE_SESSION_MS. Never throws. */
export async function pruneStaleSessions(sessionsDir: string, now: number): Promise<void> {
  let names: string[];
  try {
    names = await fs.promises.readdir(sessionsDir);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(sessionsDir, name);
      try {
        if ((await fs.promises.stat(file)).mtimeMs < now - STALE_SESSION_MS) await fs.promises.rm(file, { force: true });
      } catch {
        // Gone already, or another call's: leave it.
      }
    }),
  );
}

async function readState(file: string): Promise<SessionState | undefined> {
  try {
    const raw = JSON.parse(await fs.promises.readFile(file, 'utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { working, at } = raw as Record<string, unknown>;
    return typeof working === 'boolean' && typeof at === 'number' && Number.isFinite(at) ? { working, at } : undefined;
  } catch {
    return undefined;
  }
}

async function writeState(file: string, state: SessionState | undefined): Promise<void> {
  if (state === undefined) {
    await fs.promises.rm(file, { force: true });
    return;
  }
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(temp, JSON.stringify(state));
  await fs.promises.rename(temp, file);
}

/** Appends whole lines in one write, so concurrent hook processes appending to the same file never mix lines. */
async function appendLines(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, 'a');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A claimed pending file left by a call that was killed before it finished (agents kill hooks past their timeout). */
const ORPHAN_CLAIM_MS = 60_000;

/**
 * Lines earlier calls could not write, claimed by renaming them away so two hook processes never both take them. The
 * claimed files stay until their lines are in the journal (release them then): a call killed in between leaves them,
 * and a later call takes them over, so a line may be written twice (harmless: spans are unions, tool uses have ids)
 * but is never lost.
 */
async function claimPending(pendingFile: string): Promise<{ text: string; claimed: string[] }> {
  const mine = `${pendingFile}.${process.pid}.claimed`;
  const claimed: string[] = [];
  try {
    await fs.promises.rename(pendingFile, mine);
    claimed.push(mine);
  } catch {
    // Nothing pending.
  }
  const dir = path.dirname(pendingFile);
  const prefix = `${path.basename(pendingFile)}.`;
  let names: string[] = [];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    // No pending folder.
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!name.startsWith(prefix) || !name.endsWith('.claimed') || file === mine) continue;
    try {
      if ((await fs.promises.stat(file)).ctimeMs > Date.now() - ORPHAN_CLAIM_MS) continue;
      const taken = `${file}.${process.pid}.claimed`;
      await fs.promises.rename(file, taken);
      claimed.push(taken);
    } catch {
      // Another call took it.
    }
  }
  const texts = await Promise.all(claimed.map((file) => fs.promises.readFile(file, 'utf8')));
  const text = texts.map((t) => (t.length > 0 && !t.endsWith('\n') ? `${t}\n` : t)).join('');
  return { text, claimed };
}

async function release(claimed: readonly string[]): Promise<void> {
  await Promise.all(claimed.map((file) => fs.promises.rm(file, { force: true })));
}

export type HookOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Records one hook event: its lines join the journal as this machine's writer for that agent; a data folder that is
 * missing, read-only or full leaves them in a local pending file, written with the next call that succeeds (records
 * are unions and tool uses carry ids, so a line written twice never counts twice). Never throws.
 */
export async function recordHookEvent(event: HookEvent, now: number, target: HookTarget): Promise<HookOutcome> {
  const { places } = target;
  const writerId = stableWriterId(target.hostname, event.agent);
  const stateFile = path.join(places.sessions, `${event.agent}-${shortHash(event.session)}.json`);
  const pendingFile = path.join(places.pending, `${writerId}.jsonl`);
  let text = '';
  try {
    const previous = await readState(stateFile);
    const { lines, state } = journalLines(event, previous, now, target.recordProjectNames);
    await writeState(stateFile, state);
    // A new turn is a good moment to forget sessions that never said goodbye (no SessionEnd: killed, or an agent without one).
    if (event.kind === 'prompt') await pruneStaleSessions(places.sessions, now);
    text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  } catch (error) {
    return { ok: false, message: `cannot keep the session's state in ${places.sessions} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const live = journalPaths(target.dataDir).live;
  try {
    const pending = await claimPending(pendingFile);
    const all = pending.text + text;
    if (all.length === 0) return { ok: true };
    try {
      if (target.createDataDir) await fs.promises.mkdir(target.dataDir, { recursive: true });
      else if (!(await fs.promises.stat(target.dataDir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await fs.promises.mkdir(live, { recursive: true });
      await appendLines(path.join(live, journalFileName(utcDateOf(now), writerId)), all);
      await release(pending.claimed);
      return { ok: true };
    } catch (error) {
      await fs.promises.mkdir(places.pending, { recursive: true });
      await appendLines(pendingFile, all);
      await release(pending.claimed);
      const problem = describeWriteError(error, target.dataDir, now);
      return { ok: false, message: `${problem.message} The agent's records wait on this machine and are written with its next hook call that succeeds.` };
    }
  } catch (error) {
    return { ok: false, message: `lost a record: neither the data folder nor ${places.pending} could be written (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** Past this the hook log is moved to `hook.log.1` (replacing the one before), so the two never hold more than twice this. */
export const HOOK_LOG_MAX_BYTES = 256 * 1024;

/** Notes a problem in the hook log and as the latest problem, for the extension to show. Never throws. */
export async function noteHookProblem(places: HookPlaces, agent: string, message: string, now: number): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(places.log), { recursive: true });
    try {
      if ((await fs.promises.stat(places.log)).size >= HOOK_LOG_MAX_BYTES) await fs.promises.rename(places.log, `${places.log}.1`);
    } catch {
      // No log yet, or another call rotated it first.
    }
    await fs.promises.appendFile(places.log, `${new Date(now).toISOString()} ${agent}: ${message}\n`);
    await fs.promises.writeFile(places.lastProblem, JSON.stringify({ time: now, agent, message }));
  } catch {
    // Nowhere left to say it; the agent must go on regardless.
  }
}
