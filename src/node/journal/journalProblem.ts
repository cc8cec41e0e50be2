/** Why the journal cannot be written, in words the status bar tooltip and the log can show as they are. */
export interface JournalProblem {
  readonly kind: 'missing' | 'not-a-folder' | 'read-only' | 'full' | 'unavailable';
  /** What is wrong, one sentence. */
  readonly message: string;
  /** What the user can do about it, one sentence. */
  readonly remedy: string;
  /** The Node error code, for the log. */
  readonly code: string;
  /** When the problem was first seen (epoch ms); stays the same while it lasts. */
  readonly since: number;
}

const STILL_TRACKING = 'Hands-On keeps tracking in memory and saves it as soon as the folder works again.';

export function describeWriteError(error: unknown, root: string, since: number): JournalProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
  switch (code) {
    case 'ENOENT':
      return {
        kind: 'missing',
        message: `The Hands-On data folder ${root} does not exist.`,
        remedy: `Create it, reconnect the drive or share it lives on, or change handsOn.dataDirectory. ${STILL_TRACKING}`,
        code,
        since,
      };
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return {
        kind: 'not-a-folder',
        message: `The Hands-On data folder ${root} is not a folder (a file is in the way).`,
        remedy: `Point handsOn.dataDirectory at a folder, or move the file away. ${STILL_TRACKING}`,
        code,
        since,
      };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        kind: 'read-only',
        message: `The Hands-On data folder ${root} is read-only or not writable by you.`,
        remedy: `Make it writable or choose another folder in handsOn.dataDirectory. ${STILL_TRACKING}`,
        code,
        since,
      };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        kind: 'full',
        message: `The disk holding the Hands-On data folder ${root} is full.`,
        remedy: `Free some space on it. ${STILL_TRACKING}`,
        code,
        since,
      };
    default:
      return {
        kind: 'unavailable',
        message: `Hands-On cannot write to its data folder ${root} (${code}).`,
        remedy: `Check that the folder is reachable and writable, or change handsOn.dataDirectory. ${STILL_TRACKING}`,
        code,
        since,
      };
  }
}
