import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../hooks/extension';

export const EXTENSION_ID = 'hands-on-dev.hands-on';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api) throw new Error('the extension under test was built without test hooks');
  return api;
}

/** A folder for the test's own files, created by the runner (under code-server or test-electron). */
export function workDir(): string {
  const dir = process.env.HANDS_ON_TEST_WORKDIR;
  if (!dir) throw new Error('HANDS_ON_TEST_WORKDIR is not set');
  return dir;
}

/** The user's and (in a remote extension host such as code-server's) the machine's settings files. */
export function settingsFiles(): string[] {
  return [join(workDir(), 'user-data', 'User', 'settings.json'), join(workDir(), 'user-data', 'Machine', 'settings.json')];
}

export function settingsText(): string {
  return settingsFiles()
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

export async function openScratchEditor(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: '', language: 'typescript' });
  return vscode.window.showTextDocument(document);
}

/**
 * Types at the end of the document as a user would: the edit, then the keyboard's cursor move that VS Code sends
 * with every keystroke (reported through the test hook: the extension host cannot press keys).
 */
export async function typeInto(editor: vscode.TextEditor, text: string): Promise<void> {
  await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, text));
  (await extensionApi()).userInput();
}

export async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('handsOn').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Waits until `check` passes (the extension reacts to events asynchronously), failing with its last error. */
export { eventually } from '../builders/polling';
