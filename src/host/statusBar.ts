import * as vscode from 'vscode';
import { Disposable } from './dispose';

export const STATUS_BAR_ID = 'handsOn.status';

export interface StatusView {
  text: string;
  tooltip: vscode.MarkdownString;
  accessibleLabel: string;
  warning: boolean;
}

/** The single Hands-On status bar item: created once, updated in place, disposed with the extension. */
export class StatusBar extends Disposable {
  /** The item itself, as the user sees it. */
  readonly item: vscode.StatusBarItem;

  constructor(command: string | undefined) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 100));
    this.item.name = 'Hands-On';
    this.item.command = command;
    this.show({
      text: '$(code) Hands-On',
      tooltip: new vscode.MarkdownString('**Hands-On** is starting: the balance appears once activity and calendars are read.'),
      accessibleLabel: 'Hands-On is starting',
      warning: false,
    });
    this.item.show();
  }

  show(view: StatusView): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
