import * as os from 'node:os';
import * as path from 'node:path';
import { defaultDataDirectory } from '../node/journal/dataDirectory';
import { journalPaths, stableWriterId } from '../node/journal/layout';
import type { CliIO } from './io';
import { homeOf, loadSettings } from './options';

/**
 * What a writer outside VS Code (the shell snippet, the Neovim plugin) is given by `hands-on init` once when it
 * starts: where to append, under which writer id, and the same idle rule and project-name choice as the extension.
 * Resolving it once keeps Node out of every prompt and keystroke; a change of settings applies to new shells.
 */
export interface WriterSetup {
  /** Absolute path of the journal's live folder (`<data folder>/journal/live`). */
  readonly liveDir: string;
  /** `<host>-<source>`: one writer id per machine and source (see docs/journal-format.md). */
  readonly writerId: string;
  readonly idleTimeoutMinutes: number;
  readonly recordProjectNames: boolean;
}

/** `--data-dir` wins; else handsOn.dataDirectory from the user's VS Code settings, else the extension's default folder. */
export function writerSetup(io: CliIO, source: string, dataDirArg: string | undefined, command: string, platform: NodeJS.Platform = process.platform): WriterSetup {
  const { settings } = loadSettings(io, platform, command, ['dataDirectory', 'idleTimeoutMinutes', 'recordProjectNames']);
  const dataDir = path.resolve(dataDirArg ?? (settings.dataDirectory || defaultDataDirectory(io.env, platform, homeOf(io.env))));
  return {
    liveDir: journalPaths(dataDir).live,
    writerId: stableWriterId(os.hostname(), source),
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    recordProjectNames: settings.recordProjectNames,
  };
}
