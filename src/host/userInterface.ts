import * as vscode from 'vscode';
import type { AgentChoice } from './agentConnections';
import { askForCalendar, type CalendarChoice } from './askForCalendar';
import type { NudgeAction, SnoozeChoice } from './nudges';

/** What the extension asks the user; the integration-test entry answers instead of a person. */
export interface UserInterface {
  notify(message: string, ...actions: NudgeAction[]): Thenable<NudgeAction | undefined>;
  pickSnooze(choices: SnoozeChoice[]): Thenable<SnoozeChoice | undefined>;
  askForCalendar(): Promise<CalendarChoice | undefined>;
  pickAgents(choices: AgentChoice[]): Thenable<readonly AgentChoice[] | undefined>;
  /** Opens a webview panel (the dashboard's); the test entry watches what it is sent. */
  createWebviewPanel: typeof vscode.window.createWebviewPanel;
}

export const vscodeUserInterface: UserInterface = {
  notify: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  pickSnooze: (choices) => vscode.window.showQuickPick(choices, { title: 'Snooze Hands-On nudges' }),
  askForCalendar,
  pickAgents: (choices) =>
    vscode.window.showQuickPick(choices, { title: 'Connect coding agents to Hands-On', placeHolder: 'The agents checked report their time; unchecking one disconnects it', canPickMany: true }),
  createWebviewPanel: (...args) => vscode.window.createWebviewPanel(...args),
};
