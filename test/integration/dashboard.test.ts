import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, extensionApi } from './support';

const until = (condition: () => boolean, what: string) => eventually(condition, 20_000, what, 50);

describe('Dashboard', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['handsOn.openDashboard', 'handsOn.exportFocusBlocks', 'handsOn.copyWeeklySummary', 'handsOn.exportData']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('opens one panel, and a second call reveals it instead of opening another @smoke', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until(() => !api.dashboard().open, 'no dashboard is open');
    assert.equal(api.dashboard().panelCount, 0);

    await vscode.commands.executeCommand('handsOn.openDashboard');
    await until(() => api.dashboard().open && api.dashboard().visible, 'the dashboard is open and visible');
    assert.equal(api.dashboard().panelCount, 1);

    // Hide it behind a text editor, then run the command again: the same panel comes back.
    const document = await vscode.workspace.openTextDocument({ content: 'hidden behind', language: 'plaintext' });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active, preview: false });
    await until(() => !api.dashboard().visible, 'the dashboard is hidden behind the editor');
    assert.equal(api.dashboard().open, true);

    await vscode.commands.executeCommand('handsOn.openDashboard');
    await until(() => api.dashboard().visible, 'the dashboard is revealed');
    assert.equal(api.dashboard().panelCount, 1, 'still exactly one panel');

    await vscode.commands.executeCommand('handsOn.openDashboard');
    assert.equal(api.dashboard().panelCount, 1, 'a third call still leaves one panel');
  });

  it('is gone once closed, and opens again', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('handsOn.openDashboard');
    await until(() => api.dashboard().visible, 'the dashboard is visible');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => !api.dashboard().open, 'the dashboard is closed');
    assert.equal(api.dashboard().panelCount, 0);
    await vscode.commands.executeCommand('handsOn.openDashboard');
    await until(() => api.dashboard().open, 'the dashboard is open again');
    assert.equal(api.dashboard().panelCount, 1);
  });

  it('copies the weekly summary as Markdown', async () => {
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('handsOn.copyWeeklySummary');
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^### Hands-on time, /);
    assert.match(text, /hands-on\*\* \(target \d+%\)/);
  });
});
