import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './support';

describe('Activation @smoke', () => {
  it('activates and returns the test hooks of the test build', async () => {
    const api = await extensionApi();
    assert.ok(api, 'the integration build exposes its test hooks');
  });

  it('shows the Hands-On status bar item with an accessible label', async () => {
    const api = await extensionApi();
    // The first test of the suite: nothing recorded and no calendar yet, so there is no share to show.
    await api.update();
    const status = api.statusBar();
    assert.equal(status.text, '$(code) — hands-on');
    assert.equal(status.accessibleLabel, 'Hands-On: no data yet, target 40%');
    assert.equal(status.warning, false);
    assert.ok(status.tooltip.includes('Hands-On'));
  });

  it('registers the Show Log command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('handsOn.showLog'));
  });
});
