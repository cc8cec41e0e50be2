import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { installExtension } from '../harness/codeServer';
import { buildEmptyExtension, EMPTY_EXTENSION_NAME } from '../harness/helperExtension';
import { handsOnStatusItem, openPalette, openWorkbench, paletteEntries, reloadWindow, RESULTS, ROOT, runPaletteCommand, screenshot, waitUntil, type Workbench } from './workbench';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
}

/**
 * Activation times as "Developer: Show Running Extensions" shows them (code loading plus the activate call), of
 * Hands-On and of an extension that does nothing, loaded in the same startup.
 */
async function shownActivationMs(page: Page): Promise<{ handsOn: number; empty: number }> {
  await runPaletteCommand(page, 'Developer: Show Running Extensions');
  // A row's label is the extension's name in its package.json.
  const shown = async (name: string) => {
    const time = page.locator(`.monaco-list-row[aria-label="${name}"] .activation-time`);
    let text = '';
    await waitUntil(async () => /\d+ms$/.test((text = (await time.innerText({ timeout: 5_000 }).catch(() => '')).trim())), 60_000);
    return Number(/(\d+)ms$/.exec(text)![1]);
  };
  const times = { handsOn: await shown('hands-on'), empty: await shown(EMPTY_EXTENSION_NAME) };
  await runPaletteCommand(page, 'View: Close Editor');
  return times;
}

describe('The packaged extension in code-server', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    // Another extension installed, as users have them: one that does nothing, the baseline of the activation figure.
    const empty = buildEmptyExtension(ROOT);
    workbench = await openWorkbench({ seed: ({ work }) => installExtension(empty, join(work, 'extensions')) });
  });
  after(async () => {
    await workbench?.close();
  });

  it('shows the Hands-On status bar item with its text and accessible label @smoke', async () => {
    const item = handsOnStatusItem(workbench.page);
    await item.waitFor({ timeout: 60_000 });
    const text = (await item.innerText()).trim();
    assert.ok(text.length > 0, 'the item shows text');
    const label = await item.locator('a, [role]').first().getAttribute('aria-label');
    assert.ok(label && /hands-on/i.test(label), `accessible label names Hands-On: ${label}`);
    await screenshot(workbench.page, 'status-bar');
  });

  it('lists every Hands-On command in the command palette, Pause but not Resume while tracking', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { commands: ManifestCommand[]; menus: { commandPalette: { command: string; when: string }[] } };
    };
    const conditional = new Set(manifest.contributes.menus.commandPalette.map((entry) => entry.command));
    const entries = await paletteEntries(workbench.page, 'Hands-On: ');
    const listed = (title: string) => entries.some((entry) => entry.includes(`Hands-On: ${title}`));
    for (const command of manifest.contributes.commands.filter((c) => !conditional.has(c.command))) {
      assert.ok(listed(command.title), `"Hands-On: ${command.title}" is in the palette (saw: ${entries.join(' | ')})`);
    }
    assert.ok(listed('Pause Tracking'));
    assert.ok(!listed('Resume Tracking'), 'Resume Tracking appears only while paused');
  });

  it('offers the first-run walkthrough among the Welcome walkthroughs', async () => {
    const page = workbench.page;
    const input = await openPalette(page);
    await input.fill('>Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Hands-On' }).first().click();
    await page.getByText('Connect your calendar').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'walkthrough');
  });

  it('stays paused after a reload, until Resume Tracking', async () => {
    const page = workbench.page;
    const label = () => handsOnStatusItem(page).locator('a, [role]').first().getAttribute('aria-label');
    await runPaletteCommand(page, 'Hands-On: Pause Tracking');
    await waitUntil(async () => /tracking paused/.test((await label()) ?? ''));
    await reloadWindow(page);
    await handsOnStatusItem(page).waitFor({ timeout: 60_000 });
    await waitUntil(async () => /tracking paused/.test((await label()) ?? ''));
    await runPaletteCommand(page, 'Hands-On: Resume Tracking');
    await waitUntil(async () => !/tracking paused/.test((await label()) ?? ''));
  });

  it('reports its activation time in Show Running Extensions, for npm run bench', async () => {
    const page = workbench.page;
    const runs = [await shownActivationMs(page)];
    for (let reload = 0; reload < 2; reload++) {
      await reloadWindow(page);
      await handsOnStatusItem(page).waitFor({ timeout: 60_000 });
      runs.push(await shownActivationMs(page));
    }
    const all = runs.flatMap((run) => [run.handsOn, run.empty]);
    assert.ok(all.every((ms) => Number.isInteger(ms) && ms >= 0), `activation times ${JSON.stringify(runs)}`);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      join(RESULTS, 'activation-timing.json'),
      JSON.stringify({ runsMs: runs.map((run) => run.handsOn), emptyExtensionRunsMs: runs.map((run) => run.empty), measuredAt: new Date().toISOString() }),
    );
  });
});
