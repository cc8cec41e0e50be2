import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './support';

describe('Manifest against the running extension', () => {
  it('registers every command of package.json, and no other handsOn command', async () => {
    await extensionApi();
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('handsOn.')).sort();
    assert.deepEqual(registered, declared);
  });

  it('contributes its configuration schema', () => {
    const config = vscode.workspace.getConfiguration('handsOn');
    const inspected = config.inspect('dataDirectory');
    assert.ok(inspected, 'handsOn.dataDirectory is a known setting');
    assert.equal(inspected.defaultValue, '');
  });
});
