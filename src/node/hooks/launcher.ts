import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The small script agents' settings call: it runs the bundled CLI with an absolute runtime, so a hook works on a
 * machine where nothing was ever installed with npm. From the extension the runtime is VS Code's own (Electron, run
 * as Node by ELECTRON_RUN_AS_NODE; harmless for Node itself); from the CLI it is the Node that runs it. The extension
 * writes it again when an update moves its CLI, so the agents' settings never need to change.
 */
export function launcherText(runtime: string, cli: string, platform: NodeJS.Platform): string {
  const entry = hookEntry(cli);
  if (platform === 'win32') return `@echo off\r\nset ELECTRON_RUN_AS_NODE=1\r\n${entry.map((part) => (part === 'hook' ? part : `"${part}"`)).join(' ').replace(/^/, `"${runtime}" `)} %*\r\n`;
  const quote = (value: string) => (value === 'hook' ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return `#!/bin/sh\n# Written by Hands-On (hands-on setup): runs its agent hook. Prints nothing; always exits 0.\nELECTRON_RUN_AS_NODE=1 exec ${quote(runtime)} ${entry.map(quote).join(' ')} "$@"\n`;
}

/** `hook.js` beside the CLI (the hook alone, quick to start), or the CLI's `hook` command where there is none. */
function hookEntry(cli: string): string[] {
  const hook = path.join(path.dirname(cli), 'hook.js');
  return fs.existsSync(hook) ? [hook] : [cli, 'hook'];
}

/** Writes the launcher when it is missing or different; true when it was (re)written. */
export function ensureLauncher(file: string, runtime: string, cli: string, platform: NodeJS.Platform): boolean {
  return writeScriptIfChanged(file, launcherText(runtime, cli, platform));
}

/** Writes an executable script atomically when it is missing or different; true when it was (re)written. */
export function writeScriptIfChanged(file: string, text: string): boolean {
  try {
    if (fs.readFileSync(file, 'utf8') === text) return false;
  } catch {
    // Missing: written below.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o755 });
  fs.renameSync(temp, file);
  return true;
}

/**
 * A launcher whose CLI is no longer there: an update moved the extension, and the launcher is written again to run
 * this one. One whose CLI still exists (another VS Code on the machine wrote it) is left alone, so two installs never
 * take turns. False for a missing file.
 */
export function isStaleScript(file: string): boolean {
  let current: string;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  // Quoted as launcherText and cliLauncherText quote: '…' with '\'' for a quote on POSIX, "…" in a .cmd.
  const quoted = [...current.matchAll(/'((?:[^']|'\\'')*)'|"([^"]*)"/g)].map((match) => (match[1] ?? match[2]!).replace(/'\\''/g, "'"));
  const scripts = quoted.filter((value) => value.endsWith('.js'));
  return scripts.length > 0 && !scripts.some((script) => fs.existsSync(script));
}

/** The command line agents' settings hold: the launcher, the agent, and the data folder when one was given. */
export function hookCommandLine(launcher: string, agent: string, dataDir: string | undefined, platform: NodeJS.Platform): string {
  const quote = platform === 'win32' ? (value: string) => `"${value}"` : (value: string) => (/^[A-Za-z0-9_./:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return [quote(launcher), agent, ...(dataDir !== undefined ? ['--data-dir', quote(dataDir)] : [])].join(' ');
}
