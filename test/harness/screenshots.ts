// The README's screenshots, made from the sandbox's demo data in a real VS Code (code-server) and Chromium:
// the status bar with its tooltip and every dashboard tab, in the dark and the light theme.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_EMAIL, seedDemoHistory } from '../builders/demoHistory';
import { dashboardFrame, handsOnStatusItem, openWorkbench, ROOT, runPaletteCommand } from '../e2e/workbench';

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;
export const SCREENSHOTS = join(ROOT, 'media', 'screenshots');

async function statusBarWithTooltip(page: Page, file: string): Promise<void> {
  const item = handsOnStatusItem(page);
  await item.filter({ hasText: /\d+%/ }).waitFor({ timeout: 60_000 });
  await item.hover();
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Hands-On' }).first();
  await hover.waitFor({ timeout: 30_000 });
  const [box, itemBox] = [await hover.boundingBox(), await item.boundingBox()];
  if (!box || !itemBox) throw new Error('the tooltip or the status bar item has no box');
  const x = Math.max(0, Math.min(box.x, itemBox.x) - 12);
  const y = Math.max(0, box.y - 12);
  await page.screenshot({ path: file, clip: { x, y, width: Math.max(box.x + box.width, itemBox.x + itemBox.width) + 12 - x, height: itemBox.y + itemBox.height - y } });
  await page.mouse.move(700, 300);
}

/** Writes media/screenshots/<what>-<theme>.png; returns the files written. */
export async function takeScreenshots(): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const written: string[] = [];
  for (const [theme, colorTheme] of Object.entries(THEMES)) {
    // The hooks' state of this machine (a problem a test's hook noted) is not the demo's: no warning in the pictures.
    const state = mkdtempSync(join(tmpdir(), 'hands-on-screenshots-state-'));
    const workbench = await openWorkbench({
      env: { XDG_STATE_HOME: state },
      seed: ({ work, dataDir }) => {
        const calendar = join(work, 'demo-calendar.ics');
        seedDemoHistory(dataDir, calendar, Date.now());
        return { 'handsOn.calendar.files': [calendar], 'handsOn.calendar.myEmails': [DEMO_EMAIL] };
      },
      settings: { 'workbench.colorTheme': colorTheme, 'handsOn.nudge.enabled': false, 'workbench.startupEditor': 'none' },
    });
    try {
      const { page } = workbench;
      const tooltipFile = join(SCREENSHOTS, `status-bar-${theme}.png`);
      await statusBarWithTooltip(page, tooltipFile);
      written.push(tooltipFile);
      await runPaletteCommand(page, 'Hands-On: Open Dashboard');
      const frame = await dashboardFrame(page);
      const tabs = frame.locator('[role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        const tab = tabs.nth(i);
        const name = (await tab.innerText()).trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        await tab.click();
        await frame.locator(`#${await tab.getAttribute('aria-controls')}:not([hidden])`).waitFor();
        // Charts animate in: let them settle before the picture.
        await page.waitForTimeout(800);
        const file = join(SCREENSHOTS, `dashboard-${name}-${theme}.png`);
        await page.screenshot({ path: file });
        written.push(file);
        if (name === 'skills') {
          // Below the heatmap and the monthly share: the languages with their bars per month and their verdicts.
          await frame.locator('#skills-languages').scrollIntoViewIfNeeded();
          await page.waitForTimeout(300);
          const languages = join(SCREENSHOTS, `dashboard-skills-languages-${theme}.png`);
          await page.screenshot({ path: languages });
          written.push(languages);
        }
      }
    } finally {
      await workbench.close();
      rmSync(state, { recursive: true, force: true });
    }
  }
  return written;
}
