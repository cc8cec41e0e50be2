import { homedir } from 'node:os';
import type * as vscode from 'vscode';
import { systemClock } from './core/time/clock';
import { vscodeUserInterface } from './host/userInterface';
import { wireExtension } from './wiring';

export function activate(context: vscode.ExtensionContext): void {
  wireExtension(context, { clock: systemClock, ui: vscodeUserInterface, log: (channel) => channel, allowHttpFeeds: false, home: { dir: homedir(), env: process.env } });
}
