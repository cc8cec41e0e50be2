import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handsOnStatusItem, openWorkbench, paletteEntries, ROOT, screenshot, type Workbench } from './workbench';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
}

describe('The packaged extension in code-server', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('shows the Hands-On status bar item with its text and accessible label', async () => {
    const item = handsOnStatusItem(workbench.page);
    await item.waitFor({ timeout: 60_000 });
    const text = (await item.innerText()).trim();
    assert.ok(text.length > 0, 'the item shows text');
    const label = await item.locator('a, [role]').first().getAttribute('aria-label');
    assert.ok(label && /hands-on/i.test(label), `accessible label names Hands-On: ${label}`);
    await screenshot(workbench.page, 'status-bar');
  });

  it('lists every Hands-On command in the command palette', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: ManifestCommand[] } };
    const entries = await paletteEntries(workbench.page, 'Hands-On: ');
    for (const command of manifest.contributes.commands) {
      assert.ok(
        entries.some((entry) => entry.includes(`Hands-On: ${command.title}`)),
        `"Hands-On: ${command.title}" is in the palette (saw: ${entries.join(' | ')})`,
      );
    }
  });
});
