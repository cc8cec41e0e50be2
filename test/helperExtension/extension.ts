// A test-only extension (never packaged): a scripted coding agent, an inline (ghost-text) completion provider,
// an IntelliSense item and a formatter, driven through a control file so the browser test presses only the keys
// a user would. Built by test/harness/helperExtension.ts into out/helper-ext; loaded beside the extension under test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPasteShaped } from '../../src/core/activity/attribution';
import { changeFacts } from '../../src/host/activityEvents';
import { FORMAT_HEADER, INLINE_COMPLETION, INLINE_TRIGGER, SUGGESTION } from './texts';

/** What the extension under test exposes in its integration-test build (test/hooks/extension.ts, TestApi). */
interface HandsOnTestApi {
  clock: { run(epochMs: number, rate: number): void; now(): number };
  flush(): void;
  tick(): void;
}

type Command =
  | { id: number; op: 'clock'; from: number; rate: number }
  | { id: number; op: 'agent'; target: 'shown' | 'unopened'; file?: string; everyMs: number; count: number; rate: number }
  | { id: number; op: 'flush' }
  | { id: number; op: 'record'; on: boolean }
  | { id: number; op: 'settle' }
  | { id: number; op: 'focused'; withinMs: number }
  | { id: number; op: 'setting'; section: string; key: string; value: unknown };


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest delay of a 10 ms timer over `forMs`: how long the extension host can stall an event now. */
async function longestStall(forMs: number): Promise<number> {
  let longest = 0;
  for (const end = Date.now() + forMs; Date.now() < end; ) {
    const asked = Date.now();
    await sleep(10);
    longest = Math.max(longest, Date.now() - asked - 10);
  }
  return longest;
}

/**
 * Waits until the language features a scenario meets are loaded and the extension host answers timers promptly:
 * scenario time runs faster than real time, so a stall of a few seconds (TypeScript activating in this same host
 * on a busy machine) would look like a pause in the typing.
 */
async function settle(): Promise<number> {
  await vscode.extensions.getExtension('vscode.typescript-language-features')?.activate();
  let stall = Infinity;
  for (const end = Date.now() + 60_000; Date.now() < end && stall > 250; ) stall = await longestStall(2_000);
  return stall;
}

export function activate(context: vscode.ExtensionContext): void {
  const dir = process.env.HANDS_ON_HELPER_DIR;
  if (!dir) return;
  const controlFile = path.join(dir, 'control.jsonl');
  const ackFile = path.join(dir, 'acks.jsonl');
  const eventsFile = path.join(dir, 'events.jsonl');
  let recording = false;
  let recordStart = 0;
  const record = (event: object) => {
    if (recording) fs.appendFileSync(eventsFile, `${JSON.stringify({ t: Date.now() - recordStart, ...event })}\n`);
  };
  const api = async (): Promise<HandsOnTestApi> => {
    const extension = vscode.extensions.getExtension<HandsOnTestApi>('hands-on-dev.hands-on');
    if (!extension) throw new Error('the extension under test is not loaded');
    return extension.isActive ? extension.exports : extension.activate();
  };

  /** `count` edits `everyMs` of scenario time apart, on a fixed schedule (the first at once). */
  const agentEdits = async (command: Extract<Command, { op: 'agent' }>) => {
    const started = Date.now();
    for (let i = 0; i < command.count; i++) {
      await sleep(Math.max(0, started + (i * command.everyMs) / command.rate - Date.now()));
      const document =
        command.target === 'shown' ? vscode.window.activeTextEditor?.document : await vscode.workspace.openTextDocument(vscode.Uri.file(command.file ?? ''));
      if (!document) throw new Error('no shown document to edit');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, `// agent edit ${i}\n`);
      await vscode.workspace.applyEdit(edit);
    }
  };

  const run = async (command: Command): Promise<unknown> => {
    switch (command.op) {
      case 'clock': {
        const handsOn = await api();
        handsOn.flush();
        handsOn.clock.run(command.from, command.rate);
        // The jump to another day ends the open spans now, before the scenario's first event, as a resume from suspend would.
        handsOn.tick();
        return handsOn.clock.now();
      }
      case 'agent':
        await agentEdits(command);
        return 'done';
      case 'flush':
        (await api()).flush();
        return 'flushed';
      case 'record':
        recording = command.on;
        if (command.on) recordStart = Date.now();
        return 'recording';
      case 'settle':
        return settle();
      case 'focused':
        // Whether VS Code reports the window focused, within the time given: Hands-On records nothing in one it does not.
        for (const end = Date.now() + command.withinMs; Date.now() < end && !vscode.window.state.focused; ) await sleep(50);
        return vscode.window.state.focused;
      case 'setting':
        // The user settings, as the Settings editor writes them; answers once the window reads the new value.
        await vscode.workspace.getConfiguration(command.section).update(command.key, command.value, vscode.ConfigurationTarget.Global);
        for (const end = Date.now() + 10_000; Date.now() < end && vscode.workspace.getConfiguration(command.section).get(command.key) !== command.value; ) await sleep(50);
        return vscode.workspace.getConfiguration(command.section).get(command.key);
    }
  };

  /** Documents between a manual will-save and its did-save, as activityEvents.ts keeps them. */
  const userSaves = new Set<vscode.TextDocument>();
  let done = 0;
  const poll = setInterval(() => {
    let lines: string[];
    try {
      lines = fs.readFileSync(controlFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
    } catch {
      return;
    }
    for (; done < lines.length; done++) {
      const command = JSON.parse(lines[done]!) as Command;
      run(command).then(
        (result) => fs.appendFileSync(ackFile, `${JSON.stringify({ id: command.id, result })}\n`),
        (error: unknown) => fs.appendFileSync(ackFile, `${JSON.stringify({ id: command.id, error: String(error) })}\n`),
      );
    }
  }, 50);
  context.subscriptions.push({ dispose: () => clearInterval(poll) });

  context.subscriptions.push(
    vscode.languages.registerInlineCompletionItemProvider(
      { pattern: '**' },
      {
        provideInlineCompletionItems(document, position) {
          const before = document.lineAt(position.line).text.slice(0, position.character);
          if (!before.endsWith(INLINE_TRIGGER)) return [];
          return [new vscode.InlineCompletionItem(INLINE_COMPLETION, new vscode.Range(position, position))];
        },
      },
    ),
    vscode.languages.registerCompletionItemProvider({ pattern: '**' }, { provideCompletionItems: () => [new vscode.CompletionItem(SUGGESTION, vscode.CompletionItemKind.Function)] }),
    vscode.languages.registerDocumentFormattingEditProvider(
      { language: 'plaintext' },
      {
        provideDocumentFormattingEdits(document) {
          return document.lineAt(0).text + '\n' === FORMAT_HEADER ? [] : [vscode.TextEdit.insert(new vscode.Position(0, 0), FORMAT_HEADER)];
        },
      },
    ),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.uri.scheme !== 'file') return;
      const facts = changeFacts(e, vscode.window.activeTextEditor, userSaves.has(e.document));
      // The raw signals behind `reloaded`, to check them in a real VS Code: the file's name only (the test's own files).
      const file = path.basename(e.document.uri.fsPath);
      record({ type: 'change', facts, file, isDirty: e.document.isDirty, reason: e.reason ?? null });
      // What the extension's reload check finds (activityEvents.ts): only whether the document equals the file.
      if (facts.clean) {
        const version = e.document.version;
        void vscode.workspace.fs.readFile(e.document.uri).then((bytes) =>
          record({ type: 'reload', file, matches: !e.document.isDirty && e.document.version === version && new TextDecoder().decode(bytes) === e.document.getText() }),
        );
      }
      // What the extension's paste check finds (activityEvents.ts): only whether the clipboard matched.
      if (facts.atCursor && !facts.undoRedo && isPasteShaped(facts)) {
        const text = e.contentChanges[0]!.text.replace(/\s+/g, '');
        void vscode.env.clipboard.readText().then((clipboard) => record({ type: 'clipboard', matches: clipboard.length > 0 && clipboard.replace(/\s+/g, '') === text }));
      }
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => record({ type: 'selection', kind: (['none', 'keyboard', 'mouse', 'command'] as const)[e.kind ?? 0] })),
    vscode.window.onDidChangeTextEditorVisibleRanges(() => record({ type: 'scroll' })),
    vscode.window.onDidChangeWindowState((state) => record({ type: 'window', focused: state.focused })),
    vscode.workspace.onWillSaveTextDocument((e) => {
      // Manual = 1, AfterDelay = 2, FocusOut = 3, as activityEvents.ts pairs them with did-save.
      if (e.reason === vscode.TextDocumentSaveReason.Manual) userSaves.add(e.document);
      else userSaves.delete(e.document);
      record({ type: 'willSave', reason: (['', 'manual', 'afterDelay', 'focusOut'] as const)[e.reason], file: path.basename(e.document.uri.fsPath) });
    }),
    vscode.workspace.onDidSaveTextDocument((document) => record({ type: 'didSave', manual: userSaves.delete(document), file: path.basename(document.uri.fsPath) })),
  );
}
