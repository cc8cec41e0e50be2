import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';

export const EXTENSION_ID = 'hands-on-dev.hands-on';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api) throw new Error('the extension under test was built without test hooks');
  return api;
}
