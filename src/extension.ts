import * as vscode from 'vscode';
import { StatusBar } from './host/statusBar';

declare const HANDS_ON_TEST_HOOKS: boolean;

export interface TestApi {
  statusBar(): ReturnType<StatusBar['snapshot']>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = vscode.window.createOutputChannel('Hands-On', { log: true });
  context.subscriptions.push(log);
  const statusBar = new StatusBar(undefined);
  context.subscriptions.push(statusBar);
  context.subscriptions.push(vscode.commands.registerCommand('handsOn.showLog', () => log.show(true)));
  log.info('Hands-On activated');

  if (HANDS_ON_TEST_HOOKS) {
    return { statusBar: () => statusBar.snapshot() };
  }
  return undefined;
}

export function deactivate(): void {}
