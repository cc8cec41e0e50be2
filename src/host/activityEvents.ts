import * as vscode from 'vscode';
import type { SpanContext } from '../core/activity/activitySpan';
import { Disposable } from './dispose';

/** What the VS Code events are turned into; the recorder implements it. */
export interface ActivitySink {
  /** One activity event. Hot path: must stay O(1). */
  activity(): void;
  focusChanged(focused: boolean): void;
  contextChanged(context: SpanContext): void;
}

// Documents the user edits; output, logs, git index, settings and other virtual documents are not coding.
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-notebook-cell']);

function isShownInEditor(document: vscode.TextDocument): boolean {
  const editors = vscode.window.visibleTextEditors;
  for (let i = 0; i < editors.length; i++) if (editors[i]!.document === document) return true;
  return false;
}

/**
 * Adapts VS Code's events to activity events. Only what a person at the keyboard causes counts: edits in a
 * shown editor, selections made by keyboard or mouse, scrolling, switching editors, saving, debugging,
 * terminal commands, notebook runs, and the window gaining focus. Unfocused windows are ignored by the
 * tracker, so formatters and other extensions editing files in the background count nothing.
 */
export class ActivityEvents extends Disposable {
  constructor(private readonly sink: ActivitySink) {
    super();
    const w = vscode.window;
    const activity = () => sink.activity();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && EDITABLE_SCHEMES.has(e.document.uri.scheme) && isShownInEditor(e.document)) sink.activity();
      }),
    );
    this.register(
      w.onDidChangeTextEditorSelection((e) => {
        if (e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse) sink.activity();
      }),
    );
    this.register(w.onDidChangeTextEditorVisibleRanges(activity));
    this.register(
      w.onDidChangeActiveTextEditor((editor) => {
        this.updateContext(editor);
        if (editor) sink.activity();
      }),
    );
    this.register(vscode.workspace.onDidSaveTextDocument(activity));
    this.register(vscode.debug.onDidStartDebugSession(activity));
    this.register(vscode.debug.onDidTerminateDebugSession(activity));
    this.register(vscode.debug.onDidChangeActiveStackItem(activity));
    this.register(w.onDidStartTerminalShellExecution(activity));
    this.register(w.onDidChangeActiveTerminal(activity));
    this.register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.cellChanges.some((change) => change.executionSummary !== undefined)) sink.activity();
      }),
    );
    this.register(
      w.onDidChangeWindowState((state) => {
        sink.focusChanged(state.focused);
        if (state.focused) sink.activity();
      }),
    );
    this.updateContext(w.activeTextEditor);
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    this.sink.contextChanged({ workspace: folder?.name ?? vscode.workspace.name, language: editor.document.languageId });
  }
}
