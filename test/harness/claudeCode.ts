// The real Claude Code CLI from the npm registry, installed once outside the project's dependencies and cached,
// run non-interactively against a model stand-in on 127.0.0.1 with nothing else leaving the machine.
// The package needs Node >= 22 by its engines field, but only for its JS fallback: the postinstall (plain CommonJS,
// fine on Node 20) copies the native binary of the platform package over bin/claude.exe, and that is what runs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLAUDE_CODE_VERSION = '2.1.332';
const PACKAGE = '@anthropic-ai/claude-code';

export function claudeCodeCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hands-on', `claude-code-${CLAUDE_CODE_VERSION}`);
}

/**
 * The package's postinstall copies the native binary of the platform package (an optional dependency) over the
 * placeholder bin/claude.exe; npm 11 runs it only when allowed by name. Returns the path of the executable.
 */
export function ensureClaudeCode(): string {
  const dir = claudeCodeCacheDir();
  const bin = join(dir, 'node_modules', '.bin', 'claude');
  const marker = join(dir, '.installed');
  if (existsSync(bin) && existsSync(marker)) return bin;
  console.log(`hands-on: installing ${PACKAGE} ${CLAUDE_CODE_VERSION} into ${dir} (once; cached)`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hands-on-claude-code-cache', private: true, allowScripts: { [PACKAGE]: true } }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--engine-strict=false', `${PACKAGE}@${CLAUDE_CODE_VERSION}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8', env: cleanEnv(tmpdir(), 'http://127.0.0.1:9') }).trim();
  if (!version.startsWith(CLAUDE_CODE_VERSION)) throw new Error(`${bin} --version says "${version}", not ${CLAUDE_CODE_VERSION}`);
  writeFileSync(marker, new Date().toISOString());
  return bin;
}

/** Everything Claude Code reads that would reach the network or wait for a person, turned off. */
function cleanEnv(home: string, baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TERM: 'dumb',
    LANG: 'C.UTF-8',
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-api03-hands-on-stand-in-000000000000000000000000000000000000',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_UPDATES: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_BUG_COMMAND: '1',
    DISABLE_GROWTHBOOK: '1',
    DISABLE_INSTALLATION_CHECKS: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
    CLAUDE_CODE_DISABLE_TERMINAL_TITLE: '1',
    CLAUDE_CODE_DISABLE_FEATURE_FLAGS: '1',
    // A Write of a new file is the point; a model that thinks or compacts is not.
    DISABLE_COMPACT: '1',
    ...extra,
  };
}

/**
 * A home in which Claude Code starts without onboarding: the first-run screens marked done and the stand-in's API
 * key approved. Keeps whatever ~/.claude.json already holds (projects, which our setup never writes there).
 */
export function prepareClaudeHome(home: string): void {
  mkdirSync(join(home, '.claude'), { recursive: true });
  const file = join(home, '.claude.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    file,
    JSON.stringify({ ...current, hasCompletedOnboarding: true, lastOnboardingVersion: CLAUDE_CODE_VERSION, bypassPermissionsModeAccepted: true, autoUpdates: false }, null, 2),
  );
}

export interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Date.now() just before the process was started. */
  startedAt: number;
  /** Date.now() when it exited. */
  endedAt: number;
}

export interface RunClaudeOptions {
  home: string;
  cwd: string;
  baseUrl: string;
  prompt: string;
  env?: Record<string, string>;
  /** Killed after this long (default 90 s). */
  timeoutMs?: number;
  extraArgs?: string[];
}

/** `claude -p PROMPT --permission-mode acceptEdits` with no stdin, a clean environment and a timeout. */
export function runClaude(options: RunClaudeOptions): Promise<ClaudeRun> {
  const bin = ensureClaudeCode();
  prepareClaudeHome(options.home);
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn(bin, ['-p', options.prompt, '--permission-mode', 'acceptEdits', ...(options.extraArgs ?? [])], {
      cwd: options.cwd,
      env: cleanEnv(options.home, options.baseUrl, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`claude did not finish within ${options.timeoutMs ?? 90_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 90_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, startedAt, endedAt: Date.now() });
    });
  });
}
