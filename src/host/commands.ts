import * as vscode from 'vscode';
import { errorText } from '../core/errorText';

/**
 * Registers a Hands-On command with the one error policy every command shares (as Git's `createCommand`): a
 * failure is logged and shown once as "Hands-On: …", instead of VS Code's generic "command failed" notice.
 */
export function registerCommand(id: string, run: (...args: unknown[]) => unknown, log: Pick<vscode.LogOutputChannel, 'error'>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      const text = errorText(error);
      log.error(`${id} failed: ${text}`);
      void vscode.window.showErrorMessage(`Hands-On: ${text}`);
      return undefined;
    }
  });
}
