// A code-server with the packaged .vsix installed, opened in Chromium: what a user sees.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { CODE_SERVER_TARGETS, codeServerTarget, installExtension, launchChromium, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { eventually } from '../builders/polling';

export const ROOT = resolve(__dirname, '..', '..', '..');
/** Figures and screenshots; a run in another code-server than the minimum keeps its own, beside those `npm run bench` reads. */
export const RESULTS =
  codeServerTarget() === CODE_SERVER_TARGETS.minimum ? join(ROOT, 'test-results') : join(ROOT, 'test-results', `code-server-${codeServerTarget().codeServer}`);

/** What `hands-on ARGS` prints as JSON, run from the build under test as a user runs it (its own process). */
export function cliJson<T>(args: readonly string[], env?: NodeJS.ProcessEnv): T {
  return JSON.parse(execFileSync('node', [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', ...(env && { env }) })) as T;
}

export function packagedVsix(): string {
  const vsix = readdirSync(ROOT).find((name) => /^hands-on-.*\.vsix$/.test(name));
  if (!vsix) throw new Error('no hands-on-*.vsix in the project folder: run "npm run package" first');
  return join(ROOT, vsix);
}

export interface Workbench {
  page: Page;
  browser: Browser;
  server: RunningCodeServer;
  work: string;
  dataDir: string;
  /** Another VS Code window on the same server, folder and data directory (its own extension host). */
  openWindow(): Promise<Page>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** User settings (handsOn.dataDirectory points at a fresh folder unless given). */
  settings?: Record<string, unknown>;
  /** Runs before code-server starts: write history or calendars into the fresh folders. */
  seed?: (paths: { work: string; dataDir: string }) => Record<string, unknown> | void;
  /** Extra environment of code-server (and so of the extension host). */
  env?: Record<string, string>;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const work = mkdtempSync(join(tmpdir(), 'hands-on-e2e-'));
  const workspace = join(work, 'workspace');
  const dataDir = join(work, 'data');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(workspace, 'main.ts'), 'export const answer = 42;\n');
  const seeded = options.seed?.({ work, dataDir }) ?? {};
  const extensionsDir = join(work, 'extensions');
  installExtension(packagedVsix(), extensionsDir);
  const server = await startCodeServer({
    userDataDir: join(work, 'user-data'),
    extensionsDir,
    folder: workspace,
    settings: { 'handsOn.dataDirectory': dataDir, ...seeded, ...options.settings },
    ...(options.env && { env: options.env }),
  });
  const browser = await launchChromium();
  const openWindow = async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return page;
  };
  const page = await openWindow();
  return {
    page,
    browser,
    server,
    work,
    dataDir,
    openWindow,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Puts the keyboard focus in the text of the active editor: an EditContext element where VS Code uses one (the
 * default in 1.139), its input textarea where not (1.99). The first textarea of the page may be another input,
 * such as the chat's.
 */
export async function focusActiveEditor(page: Page): Promise<void> {
  // The window itself too: Hands-On records nothing in a window VS Code reports unfocused.
  await page.bringToFront();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const editContext = editor.locator('.native-edit-context');
  await (await editContext.count() ? editContext : editor.locator('textarea')).first().focus();
}

export function handsOnStatusItem(page: Page): Locator {
  return page.locator('[id="hands-on-dev.hands-on.handsOn.status"]');
}

/** Opens the command palette, types `query`, and returns the labels it lists. */
export async function paletteEntries(page: Page, query: string): Promise<string[]> {
  const input = await openPalette(page);
  await input.fill(`>${query}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  const labels = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? element.textContent ?? ''));
  await page.keyboard.press('Escape');
  return labels;
}

/**
 * Opens the command palette, whatever has the focus (a webview or the Welcome page may swallow the first F1), and
 * returns its text box (in VS Code 1.99 the palette's rows hold inputs too, checkboxes).
 */
export async function openPalette(page: Page): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Escape');
  for (let attempt = 0; attempt < 5 && !(await input.isVisible()); attempt++) {
    if (attempt > 0) await page.locator('.monaco-workbench .part.statusbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F1');
    await page.waitForTimeout(300);
  }
  await input.waitFor({ state: 'visible' });
  return input;
}

export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  const input = await openPalette(page);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/**
 * Reloads the window the way a user does (Developer: Reload Window), which lets VS Code save its state first;
 * a plain browser reload races that save and may come back without the editors that were open.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 60_000 });
  await runPaletteCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

/** Polls `check` until it holds, failing after `timeoutMs` (the tests' one polling helper, at the browser's pace). */
export const waitUntil = (check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => eventually(check, timeoutMs, 'the condition held', 200);

/** The texts of the notification toasts a window shows. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** The dashboard's root element in its webview. */
export const DASHBOARD_ROOT = '#hands-on-dashboard';

/** The frame of the dashboard webview (VS Code nests it in two iframes), once it holds the root element. */
export async function dashboardFrame(page: Page, predicate = `${DASHBOARD_ROOT}[data-rendered-seq]`, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('webview')) continue;
      try {
        if (await frame.$(predicate)) return frame;
      } catch {
        // A frame that navigates while we look is simply skipped.
      }
    }
    if (Date.now() > deadline) {
      const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
      throw new Error(`no dashboard webview matching ${predicate} within ${timeoutMs} ms (editor tabs: ${tabs.join(', ') || 'none'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
