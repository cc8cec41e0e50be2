import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeScriptIfChanged } from '../hooks/launcher';

/**
 * *Hands-On: Install Command Line*: a `hands-on` launcher in a folder on the user's PATH, as VS Code's *Install 'code'
 * command in PATH* does, so the shell snippet, the Neovim plugin and agent hooks have a command a VS Code user never
 * installed with npm. The launcher runs the extension's bundled CLI with the user's own Node when it has a recent
 * enough one, else with VS Code's runtime (Electron run as Node).
 */
export const LAUNCHER_MARK = 'Written by Hands-On (Install Command Line)';
/** The CLI's engines.node: older Node cannot run the bundle. */
const MIN_NODE_MAJOR = 20;
const MIN_NODE_MINOR = 19;

export interface Runtimes {
  /** The user's Node, absolute, when it is recent enough. */
  readonly node?: string;
  /** VS Code's own runtime: always there while the extension is. */
  readonly vscode: string;
}

export function cliLauncherText(runtimes: Runtimes, cli: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    const lines = ['@echo off', `rem ${LAUNCHER_MARK}: runs the hands-on CLI of the extension; the extension rewrites it after an update.`];
    if (runtimes.node !== undefined) lines.push(`if exist "${runtimes.node}" ( "${runtimes.node}" "${cli}" %* & exit /b %errorlevel% )`);
    lines.push('set ELECTRON_RUN_AS_NODE=1', `"${runtimes.vscode}" "${cli}" %*`);
    return `${lines.join('\r\n')}\r\n`;
  }
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const lines = ['#!/bin/sh', `# ${LAUNCHER_MARK}: runs the hands-on CLI of the extension; the extension rewrites it after an update.`];
  if (runtimes.node !== undefined) lines.push(`[ -x ${quote(runtimes.node)} ] && exec ${quote(runtimes.node)} ${quote(cli)} "$@"`);
  lines.push(`ELECTRON_RUN_AS_NODE=1 exec ${quote(runtimes.vscode)} ${quote(cli)} "$@"`);
  return `${lines.join('\n')}\n`;
}

function pathDirectories(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const value = platform === 'win32' ? (env.Path ?? env.PATH ?? '') : (env.PATH ?? '');
  return value.split(platform === 'win32' ? ';' : ':').filter((dir) => dir.length > 0);
}

/** The user's `node` on PATH with its version when it can run the CLI; undefined otherwise (or when it does not answer in 3 s). */
export async function usableNode(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<{ path: string; version: string } | undefined> {
  const name = platform === 'win32' ? 'node.exe' : 'node';
  const p = platform === 'win32' ? path.win32 : path.posix;
  for (const dir of pathDirectories(env, platform)) {
    const candidate = p.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    const version = await new Promise<string | undefined>((resolve) => {
      execFile(candidate, ['-p', 'process.versions.node'], { timeout: 3000, env: { ...env, ELECTRON_RUN_AS_NODE: undefined } }, (error, stdout) => resolve(error ? undefined : stdout.trim()));
    });
    const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
    if (version !== undefined && (major > MIN_NODE_MAJOR || (major === MIN_NODE_MAJOR && minor >= MIN_NODE_MINOR))) return { path: candidate, version };
    return undefined;
  }
  return undefined;
}

/**
 * Where the launcher goes: the first of the user's own bin folders (~/.local/bin, ~/bin) that is on PATH; else
 * ~/.local/bin, which the user then adds to PATH. Never a system folder: no administrator rights asked.
 */
export function launcherFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): { folder: string; onPath: boolean } {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const candidates = platform === 'win32' ? [p.join(env.LOCALAPPDATA || p.join(home, 'AppData', 'Local'), 'hands-on', 'bin')] : [p.join(home, '.local', 'bin'), p.join(home, 'bin')];
  const onPath = new Set(pathDirectories(env, platform).map((dir) => p.resolve(dir)));
  const found = candidates.find((dir) => onPath.has(dir));
  return { folder: found ?? candidates[0]!, onPath: found !== undefined };
}

export function launcherFile(folder: string, platform: NodeJS.Platform): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(folder, platform === 'win32' ? 'hands-on.cmd' : 'hands-on');
}

/** A file of that name that is not ours (an npm global install, the user's own script) is never replaced. */
export class LauncherTakenError extends Error {}

/** Writes the launcher (idempotent); true when it was written or changed. */
export function installLauncher(file: string, text: string): boolean {
  let current: string | undefined;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    // Missing: written below.
  }
  if (current !== undefined && !current.includes(LAUNCHER_MARK)) {
    throw new LauncherTakenError(`${file} already exists and was not written by Hands-On; it was left as it is. Remove or rename it, then run the command again.`);
  }
  return writeScriptIfChanged(file, text);
}

/** Removes the launcher if it is ours; true when one was removed. */
export function uninstallLauncher(file: string): boolean {
  try {
    if (!fs.readFileSync(file, 'utf8').includes(LAUNCHER_MARK)) return false;
  } catch {
    return false;
  }
  fs.rmSync(file, { force: true });
  return true;
}
