import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registerCommand } from '../../src/host/commands';

describe('Every command shares one error policy', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(() => disposables.splice(0).forEach((d) => d.dispose()));

  it('logs a failure with the command id, shows it as "Hands-On: …" and never rejects the caller', async () => {
    const logged: string[] = [];
    disposables.push(
      registerCommand('handsOnTest.fails', () => Promise.reject(new Error('the feed answered 404')), { error: (line: string) => logged.push(line) }),
    );
    assert.equal(await vscode.commands.executeCommand('handsOnTest.fails'), undefined);
    assert.deepEqual(logged, ['handsOnTest.fails failed: the feed answered 404']);
  });

  it('hands a successful command its arguments and its answer back', async () => {
    disposables.push(registerCommand('handsOnTest.adds', (a, b) => Number(a) + Number(b), { error: () => assert.fail('no failure expected') }));
    assert.equal(await vscode.commands.executeCommand('handsOnTest.adds', 2, 3), 5);
  });
});
