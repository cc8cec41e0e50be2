// A code-server with the integration-test build of Hands-On and the test helper extension, driven from the test
// through the helper's control file: the bench of the attribution and auto-save e2e tests.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { installExtension, launchChromium, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { buildHelperExtension } from '../harness/helperExtension';
import { buildExtensionUnderTest } from '../harness/integration';
import { focusActiveEditor, openPalette, ROOT, waitUntil } from './workbench';

export interface HelperBench {
  page: Page;
  browser: Browser;
  server: RunningCodeServer;
  work: string;
  workspace: string;
  dataDir: string;
  cli: string;
  helperDir: string;
  nextId: number;
}

export interface HelperBenchOptions {
  /** Prefix of the temporary folder. */
  prefix: string;
  /** User settings of the code-server; `handsOn.dataDirectory` is set to the bench's data folder. */
  settings: Record<string, unknown>;
  /** Writes the workspace's files (and anything else the test needs in `work`) before code-server starts. */
  prepare(work: string, workspace: string): void;
  context?: BrowserContextOptions;
}

export async function openHelperBench(options: HelperBenchOptions): Promise<HelperBench> {
  const extDir = buildExtensionUnderTest(ROOT);
  const helperVsix = buildHelperExtension(ROOT);
  const work = mkdtempSync(join(tmpdir(), options.prefix));
  installExtension(helperVsix, join(work, 'extensions'));
  const workspace = join(work, 'workspace');
  const dataDir = join(work, 'data');
  const helperDir = join(work, 'helper');
  for (const dir of [workspace, dataDir, helperDir]) mkdirSync(dir, { recursive: true });
  options.prepare(work, workspace);
  const server = await startCodeServer({
    userDataDir: join(work, 'user-data'),
    extensionsDir: join(work, 'extensions'),
    folder: workspace,
    settings: { 'handsOn.dataDirectory': dataDir, ...options.settings },
    env: { HANDS_ON_HELPER_DIR: helperDir },
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options.context });
  const page = await context.newPage();
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extDir}`]];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const bench: HelperBench = { page, browser, server, work, workspace, dataDir, cli: join(extDir, 'dist', 'cli.js'), helperDir, nextId: 1 };
  // The helper answers once both extensions are up.
  await waitUntil(async () => {
    try {
      await helper(bench, { op: 'flush' }, 2_000);
      return true;
    } catch {
      return false;
    }
  }, 90_000);
  return bench;
}

/** Sends a command to the helper extension and waits for its answer. */
export async function helper(bench: HelperBench, command: Record<string, unknown>, timeoutMs = 120_000): Promise<unknown> {
  const id = bench.nextId++;
  appendFileSync(join(bench.helperDir, 'control.jsonl'), `${JSON.stringify({ id, ...command })}\n`);
  const acks = join(bench.helperDir, 'acks.jsonl');
  let answer: { id: number; result?: unknown; error?: string } | undefined;
  await waitUntil(async () => {
    if (!existsSync(acks)) return false;
    answer = readFileSync(acks, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: number; result?: unknown; error?: string })
      .find((ack) => ack.id === id);
    return answer !== undefined;
  }, timeoutMs);
  if (answer?.error) throw new Error(`helper: ${answer.error}`);
  return answer?.result;
}

/** Opens a workspace file by Quick Open and puts the keyboard focus in its editor. */
export async function openFile(bench: HelperBench, name: string): Promise<void> {
  const { page } = bench;
  const input = await openPalette(page);
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
  await focusActiveEditor(page);
  await windowFocused(bench);
}

/**
 * Waits until VS Code reports the window focused, as a user's window is while they work in it: Hands-On records
 * nothing in an unfocused one. Chromium may leave a new page's window unfocused (VS Code 1.139 more often); a click
 * in the editor, as a user's, focuses it.
 */
export async function windowFocused(bench: HelperBench): Promise<void> {
  if (await helper(bench, { op: 'focused', withinMs: 3_000 })) return;
  await bench.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await focusActiveEditor(bench.page);
  if (!(await helper(bench, { op: 'focused', withinMs: 10_000 }))) throw new Error('VS Code reports its window unfocused, after a click in the editor');
}

/** Closes the browser and code-server and removes the bench's folder; nothing when it never opened. */
export async function closeHelperBench(bench: HelperBench | undefined): Promise<void> {
  if (!bench) return;
  await bench.browser.close();
  await bench.server.stop();
  rmSync(bench.work, { recursive: true, force: true });
}
