import * as path from 'node:path';

/**
 * Directory layout under the data directory the host passes in:
 *
 *   <root>/journal/live/<utcDate>.<writerId>.jsonl   one writer's appends on that UTC date (only that writer writes it)
 *   <root>/journal/days/<utcDate>.<hash>.json        compacted day: merged spans of one UTC day, content-addressed
 *   <root>/journal/days/.tmp-*                       a compaction in progress (ignored by readers)
 *
 * Sync tools add conflict copies of both kinds (classifyJournalName): they are more of the same history, read and
 * compacted like the originals; the union makes a copy that repeats its original harmless.
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

// (ownCloud's `name_conflict-20260302-101112` is a valid writer id too: not an original.)
const ORIGINAL_JOURNAL = /^(\d{4}-\d{2}-\d{2})\.((?![A-Za-z0-9_-]*_conflict-\d{8}-\d{6}\.jsonl$)[A-Za-z0-9_-]+)\.jsonl$/;
const ORIGINAL_DAY = /^(\d{4}-\d{2}-\d{2})\.[0-9a-f]{16}\.json$/;
const JOURNAL_NAME = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]+)$/;
const DAY_NAME = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{16})(-[^.\s]+)?$/;

export function journalFileName(utcDate: string, writerId: string): string {
  return `${utcDate}.${writerId}.jsonl`;
}

export function dayFileName(utcDate: string, hash: string): string {
  return `${utcDate}.${hash}.json`;
}

/** The sync tools whose conflict copies readers know (README, "Several machines"). */
export type SyncTool = 'syncthing' | 'dropbox' | 'nextcloud' | 'icloud' | 'google-drive' | 'onedrive';

/**
 * Conflict markers, each at the end of a name without its last extension (where every tool puts it):
 *   Syncthing    name.sync-conflict-20260302-101112-ABCDEFG.ext   (lib/model/folder_sendrecv.go)
 *   Dropbox      name (laptop's conflicted copy 2026-03-02).ext, also "… (1))"
 *   Nextcloud    name (conflicted copy alice 2026-03-02 101112).ext (src/common/utility.cpp); ownCloud name_conflict-20260302-101112.ext
 *   iCloud Drive name 2.ext
 *   Google Drive name (1).ext
 * OneDrive's name-HOSTNAME.ext is a valid writer id for a live file (see journalCopies) and read as a day file copy.
 */
const CONFLICT_MARKERS: readonly (readonly [RegExp, SyncTool])[] = [
  [/\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+$/, 'syncthing'],
  [/ \([^()]*['\u2019]s conflicted copy[^()]*(?:\(\d+\))?[^()]*\)$/i, 'dropbox'],
  [/ \(conflicted copy[^()]*(?:\(\d+\))?[^()]*\)$/i, 'nextcloud'],
  [/_conflict-\d{8}-\d{6}$/, 'nextcloud'],
  [/ \d+$/, 'icloud'],
  [/ ?\(\d+\)$/, 'google-drive'],
];

/** The name without its conflict markers (a copy of a copy has several) and the tools that added them. */
export function stripConflictMarkers(stem: string): { stem: string; tools: SyncTool[] } {
  const tools: SyncTool[] = [];
  for (let more = true; more && tools.length < 8; ) {
    more = false;
    for (const [marker, tool] of CONFLICT_MARKERS) {
      const match = marker.exec(stem);
      if (match && match.index > 0) {
        stem = stem.slice(0, match.index);
        tools.push(tool);
        more = true;
        break;
      }
    }
  }
  return { stem, tools };
}

/**
 * Files sync tools (and our own writes in progress) keep next to the history: never history, never worth a word.
 * Syncthing's temp files and folder marker, Dropbox's and Nextcloud's databases and partial downloads, Google
 * Drive's transfer folders, Resilio's partial files, Finder's and Explorer's metadata, and our `.tmp-*` files.
 */
const TOOL_FILES: readonly RegExp[] = [
  /^\.tmp-/,
  /^\.syncthing\..*\.tmp$/,
  /^~syncthing~.*\.tmp$/,
  /^\.st(folder|ignore|versions|globalignore)$/,
  /^\.dropbox(\..*)?$/,
  /^\.?_?\.?sync_.*\.db(-wal|-shm)?$/,
  /^\.(owncloud|nextcloud)sync\.log/,
  /^\..*\.~[0-9a-f]+$/i,
  /^\.tmp\.drive(download|upload)$/,
  /\.!sync$/,
  /^\.sync$/,
  /^(desktop\.ini|thumbs\.db|\.ds_store|\.localized|icon\r)$/i,
  /^\._/,
  /^[.~].*\.tmp$/i,
];

/** What a name in journal/live or journal/days is to a reader. */
export type JournalEntry =
  /** A writer's journal, or a sync tool's copy of one (`copyBy` names the tools); `writerId` is the original's. */
  | { readonly kind: 'journal'; readonly utcDate: string; readonly writerId: string; readonly copyBy?: readonly SyncTool[] }
  /** A compacted day, or a copy of one. */
  | { readonly kind: 'day'; readonly utcDate: string; readonly copyBy?: readonly SyncTool[] }
  /** iCloud's stand-in (`.NAME.icloud`) for a history file NAME that is not on this machine: history we cannot read yet. */
  | { readonly kind: 'placeholder'; readonly utcDate: string; readonly name: string; readonly tool: SyncTool }
  /** A sync tool's own file or a write in progress: never history. */
  | { readonly kind: 'tool' }
  /** Anything else: not read, listed once in the log. */
  | { readonly kind: 'unknown' };

export type JournalFolder = 'live' | 'days';

/** How readers and compaction take a name found in `folder`. Never throws. */
export function classifyJournalName(folder: JournalFolder, name: string): JournalEntry {
  // Almost every name is an original: no copy or tool pattern can match it.
  const original = folder === 'live' ? ORIGINAL_JOURNAL.exec(name) : ORIGINAL_DAY.exec(name);
  if (original && isUtcDate(original[1]!)) return folder === 'live' ? { kind: 'journal', utcDate: original[1]!, writerId: original[2]! } : { kind: 'day', utcDate: original[1]! };
  const icloud = /^\.(.+)\.icloud$/.exec(name);
  if (icloud) {
    const stub = classifyJournalName(folder, icloud[1]!);
    return stub.kind === 'journal' || stub.kind === 'day' ? { kind: 'placeholder', utcDate: stub.utcDate, name: icloud[1]!, tool: 'icloud' } : { kind: 'tool' };
  }
  if (TOOL_FILES.some((pattern) => pattern.test(name))) return { kind: 'tool' };
  const extension = folder === 'live' ? '.jsonl' : '.json';
  if (!name.endsWith(extension)) return { kind: 'unknown' };
  const { stem, tools } = stripConflictMarkers(name.slice(0, -extension.length));
  const copy = tools.length > 0 ? { copyBy: tools } : {};
  if (folder === 'live') {
    const match = JOURNAL_NAME.exec(stem);
    return match && isUtcDate(match[1]!) ? { kind: 'journal', utcDate: match[1]!, writerId: match[2]!, ...copy } : { kind: 'unknown' };
  }
  const match = DAY_NAME.exec(stem);
  if (!match || !isUtcDate(match[1]!)) return { kind: 'unknown' };
  const copyBy = match[3] !== undefined ? [...tools, 'onedrive' as const] : tools;
  return { kind: 'day', utcDate: match[1]!, ...(copyBy.length > 0 && { copyBy }) };
}

/** Dates already checked: a folder holds a few thousand distinct dates at most, and the check costs a Date round trip. */
const checkedDates = new Map<string, boolean>();

function isUtcDate(text: string): boolean {
  let valid = checkedDates.get(text);
  if (valid === undefined) {
    valid = UTC_DATE.test(text) && Number.isFinite(utcDayStart(text)) && utcDateOf(utcDayStart(text)) === text;
    if (checkedDates.size < 100_000) checkedDates.set(text, valid);
  }
  return valid;
}

/** A live journal's date and writer: its own, or for a sync tool's copy of one, the original's. */
export function parseJournalFileName(name: string): { utcDate: string; writerId: string } | undefined {
  const entry = classifyJournalName('live', name);
  return entry.kind === 'journal' ? { utcDate: entry.utcDate, writerId: entry.writerId } : undefined;
}

/** A compacted day's date, of the file or of a sync tool's copy of it. */
export function parseDayFileName(name: string): { utcDate: string } | undefined {
  const entry = classifyJournalName('days', name);
  return entry.kind === 'day' ? { utcDate: entry.utcDate } : undefined;
}

/**
 * The writer id each journal's character counts belong to. OneDrive names its conflict copy `name-HOSTNAME.ext` (or
 * `name-HOSTNAME-N.ext`), which is also a valid writer id; a journal whose writer id extends another's of the same date
 * by `-…` is taken as such a copy, so its counts are the same writer's and a copy never counts twice. Writer ids are
 * `host-pid-random` or `host-agent`, so no real writer's id extends another's.
 */
export function journalWriterKeys(journals: readonly { readonly utcDate: string; readonly writerId: string }[]): string[] {
  const byDate = new Map<string, Set<string>>();
  for (const { utcDate, writerId } of journals) {
    let ids = byDate.get(utcDate);
    if (!ids) byDate.set(utcDate, (ids = new Set()));
    ids.add(writerId);
  }
  return journals.map(({ utcDate, writerId }) => {
    const ids = byDate.get(utcDate)!;
    let key = writerId;
    for (let cut = key.lastIndexOf('-'); cut > 0; cut = key.lastIndexOf('-', cut - 1)) {
      if (ids.has(writerId.slice(0, cut))) key = writerId.slice(0, cut);
    }
    return key;
  });
}
