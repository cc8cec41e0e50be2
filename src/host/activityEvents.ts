import * as vscode from 'vscode';
import type { SpanContext } from '../core/activity/activitySpan';
import { isPasteShaped, type TextChangeFacts } from '../core/activity/attribution';
import { isAgentTerminal } from '../core/agents/agentEnvironment';
import { Disposable } from './dispose';

/** The user's events and the text changes, as the core takes them (AttributedActivity). Hot path: every call O(1). */
export interface ActivityInput {
  /** An activity event of the user's that is not a text change. */
  activity(): void;
  /** A selection change made with the keyboard or the mouse. */
  humanInput(): void;
  /** A text change in an editable document, shown or not; returns its id. */
  textChanged(facts: TextChangeFacts): number;
  /** The text change `id` brought its document in line with the file on disk: a reload. */
  reloaded(id: number): void;
  /** The latest text change was a paste. */
  pasted(): void;
  /** An editor's visible ranges changed (scrolling, or lines an edit added). */
  scrolled(): void;
  /** The user saves the active document (a manual save); format-on-save edits may follow within `withinMs`. */
  saving(withinMs: number): void;
  /** The user's save of a document ended. */
  saved(): void;
}

/** What the VS Code events are turned into; the recorder implements it. */
export interface ActivitySink {
  readonly input: ActivityInput;
  focusChanged(focused: boolean): void;
  contextChanged(context: SpanContext): void;
}

/** Format on save and code actions on save run between will-save and did-save; a save waits at most this for them. */
const SAVE_PARTICIPANTS_MS = 10_000;
const CODE_ON_NEW_LINE = /\n[ \t]*\S/;

function touchesCursor(change: vscode.TextDocumentContentChangeEvent, selections: readonly vscode.Selection[]): boolean {
  // The editor's selections may be from before the change (it touches the range) or after it (the end of the insertion).
  const { start } = change.range;
  const text = change.text;
  const lastBreak = text.lastIndexOf('\n');
  let endLine = start.line;
  if (lastBreak >= 0) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) endLine++;
  const endCharacter = lastBreak >= 0 ? text.length - lastBreak - 1 : start.character + text.length;
  for (let i = 0; i < selections.length; i++) {
    const cursor = selections[i]!.active;
    if (change.range.contains(cursor) || (cursor.line === endLine && cursor.character === endCharacter)) return true;
  }
  return false;
}

const WHITESPACE = /\s+/g;

/** Decodes a file as VS Code opens it by default: UTF-8, without its byte order mark. */
const UTF8 = new TextDecoder();

/**
 * A change that left its document clean is a reload when the document now equals the file on disk (VS Code marks an
 * edit dirty a moment later, so the file still holds the text before it). Both texts are compared in memory and
 * neither is kept; a document that changed or was saved meanwhile, or a file in another encoding, is no reload.
 */
function checkForReload(document: vscode.TextDocument, id: number, input: ActivityInput, saves: () => number): void {
  const version = document.version;
  const savesBefore = saves();
  vscode.workspace.fs.readFile(document.uri).then(
    (bytes) => {
      if (document.isClosed || document.isDirty || document.version !== version || saves() !== savesBefore) return;
      if (UTF8.decode(bytes) === document.getText()) input.reloaded(id);
    },
    () => undefined,
  );
}

/**
 * A paste in VS Code for the web comes without the keyboard source, like an accepted AI completion. When a
 * paste-shaped insertion lands at the cursor, the clipboard tells them apart: both texts are compared in memory,
 * ignoring whitespace (pasting re-indents), and neither is kept.
 */
function checkForPaste(text: string, input: ActivityInput): void {
  vscode.env.clipboard.readText().then(
    (clipboard) => {
      if (clipboard.length > 0 && clipboard.replace(WHITESPACE, '') === text.replace(WHITESPACE, '')) input.pasted();
    },
    () => undefined,
  );
}

/**
 * What the attribution rules need to know about a text change (core/activity/attribution.ts): sizes and places, never
 * content. `userSaving`: the user is saving the document (between a manual will-save and its did-save).
 */
export function changeFacts(e: vscode.TextDocumentChangeEvent, activeEditor: vscode.TextEditor | undefined, userSaving = false): TextChangeFacts {
  const inActiveEditor = activeEditor !== undefined && activeEditor.document === e.document;
  let insertedChars = 0;
  let multiLine = false;
  const changes = e.contentChanges;
  for (let i = 0; i < changes.length; i++) {
    const text = changes[i]!.text;
    insertedChars += text.length;
    if (!multiLine && text.length > 1) multiLine = CODE_ON_NEW_LINE.test(text);
  }
  // Multi-cursor typing makes one change per cursor; the first one tells where they land.
  const atCursor = inActiveEditor && changes.length > 0 && touchesCursor(changes[0]!, activeEditor.selections);
  const undoRedo = e.reason !== undefined;
  // A reload from disk leaves the document clean; but VS Code 1.100 tells extensions of an edit before it marks the
  // document dirty, so the first edit after an open or a save is clean here too (test/e2e/autoSave.e2e.test.ts
  // records it). An undo back to the saved state says Undo.
  const clean = !e.document.isDirty && !undoRedo && !userSaving;
  return { inActiveEditor, undoRedo, insertedChars, multiLine, atCursor, clean };
}

/** A terminal the user can see and that no agent's environment marks (agentOfEnvironment). */
function isUsersTerminal(terminal: vscode.Terminal): boolean {
  const options = terminal.creationOptions;
  return !isAgentTerminal({ hideFromUser: 'hideFromUser' in options ? options.hideFromUser : undefined, env: 'env' in options ? options.env : undefined });
}

// Documents the user edits; output, logs, git index, settings and other virtual documents are not coding.
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-notebook-cell']);

/**
 * Adapts VS Code's events to activity events: text changes in editable documents (the core attributes them
 * to the user or to an agent), selections made by keyboard or mouse, scrolling, switching editors, the user's own
 * saves (not auto saves), debugging, terminal commands, notebook runs, and the window gaining focus. Unfocused windows are ignored by
 * the trackers, so formatters and other extensions editing files in the background count nothing.
 */
export class ActivityEvents extends Disposable {
  constructor(private readonly sink: ActivitySink) {
    super();
    const w = vscode.window;
    const input = sink.input;
    const activity = () => input.activity();
    // Documents the user is saving, from a manual will-save to its did-save: auto saves (after a delay, on focus
    // change, on window change) save agent edits as well as the user's, so only manual saves are the user's activity.
    const userSaves = new Set<vscode.TextDocument>();
    let saves = 0;
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !EDITABLE_SCHEMES.has(e.document.uri.scheme)) return;
        const facts = changeFacts(e, w.activeTextEditor, userSaves.has(e.document));
        const id = input.textChanged(facts);
        if (facts.clean && e.document.uri.scheme !== 'untitled') checkForReload(e.document, id, input, () => saves);
        if (facts.atCursor && !facts.undoRedo && e.contentChanges.length === 1 && isPasteShaped(facts)) checkForPaste(e.contentChanges[0]!.text, input);
      }),
    );
    this.register(
      w.onDidChangeTextEditorSelection((e) => {
        if (e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse) input.humanInput();
      }),
    );
    this.register(
      vscode.workspace.onWillSaveTextDocument((e) => {
        saves++;
        if (e.reason !== vscode.TextDocumentSaveReason.Manual) {
          userSaves.delete(e.document);
          return;
        }
        userSaves.add(e.document);
        if (e.document === w.activeTextEditor?.document) input.saving(SAVE_PARTICIPANTS_MS);
      }),
    );
    this.register(w.onDidChangeTextEditorVisibleRanges(() => input.scrolled()));
    this.register(
      w.onDidChangeActiveTextEditor((editor) => {
        this.updateContext(editor);
        if (editor) input.activity();
      }),
    );
    this.register(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (!userSaves.delete(document)) return;
        input.saved();
        input.activity();
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => userSaves.delete(document)));
    this.register(vscode.debug.onDidStartDebugSession(activity));
    this.register(vscode.debug.onDidTerminateDebugSession(activity));
    this.register(vscode.debug.onDidChangeActiveStackItem(activity));
    // A command an agent runs in its own terminal (VS Code's agent mode) is its work, not the user's.
    this.register(
      w.onDidStartTerminalShellExecution((e) => {
        if (isUsersTerminal(e.terminal)) input.activity();
      }),
    );
    this.register(
      w.onDidChangeActiveTerminal((terminal) => {
        if (terminal && isUsersTerminal(terminal)) input.activity();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.cellChanges.some((change) => change.executionSummary !== undefined)) input.activity();
      }),
    );
    this.register(
      w.onDidChangeWindowState((state) => {
        sink.focusChanged(state.focused);
        if (state.focused) input.activity();
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
