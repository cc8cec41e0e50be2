// The real VS Code that the npm package code-server ships: installed once per version outside the project's
// dependencies and cached, started on loopback, and driven by playwright-core in Debian's Chromium.
// HANDS_ON_CODE_SERVER picks the version, one of codeServerVersions.json: the oldest VS Code the extension's engines
// accept (the default) or the newest it is tested on.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import versions from './codeServerVersions.json';
import { nodeEnv } from './nodeRuntime';
import { ensureSystemPackages } from './system';

export interface CodeServerTarget {
  codeServer: string;
  /** The VS Code inside it. */
  vscode: string;
  /** The Node.js major it runs on. */
  node: number;
  /**
   * Added to every start. From VS Code 1.13x a built workbench loads a development extension and its tests from the
   * URL's payload only with the smoke-test driver on, which code-server 4.139 passes through as a VS Code option.
   */
  serverArgs: string[];
}

export const CODE_SERVER_TARGETS: { minimum: CodeServerTarget; newest: CodeServerTarget } = versions;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Packages inside code-server whose install scripts npm 11 holds back unless allowed by name.
const CODE_SERVER_SCRIPTS = ['code-server', 'argon2', '@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'];

/** The code-server that HANDS_ON_CODE_SERVER names; the minimum when it is unset. */
export function codeServerTarget(): CodeServerTarget {
  const wanted = process.env.HANDS_ON_CODE_SERVER;
  if (!wanted) return CODE_SERVER_TARGETS.minimum;
  const known = Object.values(CODE_SERVER_TARGETS);
  const target = known.find((candidate) => candidate.codeServer === wanted);
  if (!target) throw new Error(`HANDS_ON_CODE_SERVER=${wanted}: the tests run in code-server ${known.map((t) => t.codeServer).join(' or ')}`);
  return target;
}

export function codeServerCacheDir(target = codeServerTarget()): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hands-on', `code-server-${target.codeServer}`);
}

/** @vscode/ripgrep downloads rg from GitHub at install; it first looks in this cache, so we fill it from Debian's rg. */
function seedRipgrepCache(): void {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
}

/** The environment code-server installs and runs in: its Node.js first on PATH. */
function codeServerEnv(target: CodeServerTarget): NodeJS.ProcessEnv {
  return { ...process.env, ...nodeEnv(target.node) };
}

/**
 * Installs code-server once into its own cache folder. npm runs under the code-server's Node.js, so code-server's
 * postinstall (allowed by name: it checks the Node.js major that npm_config_user_agent names, then installs
 * lib/vscode and lib/vscode/extensions, whose own allowScripts let their native modules build) builds them against
 * that Node.js's headers. 4.139 needs no ripgrep download: @vscode/ripgrep-universal ships its binaries.
 */
export function ensureCodeServer(target = codeServerTarget()): string {
  ensureSystemPackages(['chromium', 'libkrb5-dev', 'ripgrep']);
  const dir = codeServerCacheDir(target);
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  const marker = join(dir, '.installed');
  if (existsSync(bin) && existsSync(marker)) return bin;
  console.log(`hands-on: installing code-server ${target.codeServer} (VS Code ${target.vscode}, Node.js ${target.node}) into ${dir} (once; cached)`);
  seedRipgrepCache();
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'hands-on-code-server-cache', private: true, allowScripts: Object.fromEntries(CODE_SERVER_SCRIPTS.map((p) => [p, true])) }),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${target.codeServer}`], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...codeServerEnv(target), npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  writeFileSync(marker, new Date().toISOString());
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  folder: string;
  /** Written to the user settings.json. */
  settings?: Record<string, unknown>;
  /** Reaches the extension host. */
  env?: Record<string, string>;
  port?: number;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Writes the user settings. code-server runs extensions in a remote extension host, which reads machine-scoped
 * settings (handsOn.dataDirectory, handsOn.calendar.files) from the machine's own settings file, as a remote
 * VS Code does; so those go there too.
 */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const all = { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off', ...settings };
  for (const folder of ['User', 'Machine']) {
    mkdirSync(join(userDataDir, folder), { recursive: true });
    writeFileSync(join(userDataDir, folder, 'settings.json'), JSON.stringify(all, null, 2));
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const target = codeServerTarget();
  const bin = ensureCodeServer(target);
  const port = options.port ?? (await freePort());
  writeUserSettings(options.userDataDir, options.settings ?? {});
  mkdirSync(options.extensionsDir, { recursive: true });
  const child = spawn(
    bin,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...target.serverArgs, options.folder],
    { env: { ...codeServerEnv(target), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60_000);
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited early with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { url: `http://127.0.0.1:${port}`, port, child, stop };
}

export function installExtension(vsixPath: string, extensionsDir: string): void {
  execFileSync(ensureCodeServer(), ['--extensions-dir', extensionsDir, '--install-extension', vsixPath], { stdio: 'pipe', env: codeServerEnv(codeServerTarget()) });
}

export async function launchChromium(): Promise<Browser> {
  ensureSystemPackages(['chromium']);
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
