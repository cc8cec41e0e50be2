import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readHistory } from '../../src/node/journal/activityHistory';
import { durationMs } from '../../src/core/time/interval';
import { wednesdayAfternoon } from './calendarFiles';
import { eventually, extensionApi, openScratchEditor, typeInto } from './support';

const MINUTE = 60_000;
/**
 * Each test records on the fake clock in an hour of its own, weeks ahead: spans near the real now would still be
 * growing into the present while later tests (the Focus tab against the CLI) read this week a few seconds apart.
 */
const hourAhead = (hour: number) => wednesdayAfternoon(60) + hour * 60 * MINUTE;

describe('Recording coding time in a real editor', () => {
  const codedMinutes = async (since: number) => {
    const api = await extensionApi();
    api.flush();
    return durationMs((await readHistory(api.dataDirectory(), { start: since, end: api.clock.now() + MINUTE })).union) / MINUTE;
  };

  afterEach(async () => {
    (await extensionApi()).clock.set(undefined);
    await vscode.commands.executeCommand('handsOn.resumeTracking');
  });

  it('turns typing in an editor into coding time in the store @smoke', async () => {
    const api = await extensionApi();
    const start = hourAhead(0);
    api.clock.set(start);
    const editor = await openScratchEditor();
    for (let minute = 0; minute <= 4; minute++) {
      await typeInto(editor, `// minute ${minute}\n`);
      api.clock.advance(MINUTE);
    }
    const minutes = await codedMinutes(start);
    assert.ok(minutes >= 4 && minutes <= 5, `4 minutes of typing recorded as ${minutes} min`);
  });

  it('records nothing while paused, and again after resuming', async () => {
    const api = await extensionApi();
    const start = hourAhead(1);
    api.clock.set(start);
    const editor = await openScratchEditor();
    await vscode.commands.executeCommand('handsOn.pauseTracking');
    await eventually(() => assert.match(api.statusBar().text, /debug-pause/));
    await eventually(() => assert.match(api.statusBar().tooltip, /Tracking is paused/));
    for (let minute = 0; minute <= 3; minute++) {
      await typeInto(editor, `// paused ${minute}\n`);
      api.clock.advance(MINUTE);
    }
    assert.equal(await codedMinutes(start), 0);
    await vscode.commands.executeCommand('handsOn.resumeTracking');
    for (let minute = 0; minute <= 2; minute++) {
      await typeInto(editor, `// resumed ${minute}\n`);
      api.clock.advance(MINUTE);
    }
    const minutes = await codedMinutes(start);
    assert.ok(minutes >= 2 && minutes <= 3, `after resuming: ${minutes} min`);
  });

  it('does not count edits made by something else while the user is away', async () => {
    const api = await extensionApi();
    const start = hourAhead(2);
    api.clock.set(start);
    const document = await vscode.workspace.openTextDocument({ content: 'background\n', language: 'plaintext' });
    // A document that no editor shows: a formatter or another extension editing in the background.
    for (let minute = 0; minute <= 5; minute++) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'x');
      await vscode.workspace.applyEdit(edit);
      api.clock.advance(MINUTE);
    }
    assert.equal(await codedMinutes(start), 0);
  });

  it('records edits that no key of the user caused, in the shown editor, as agent time and agent characters @smoke', async () => {
    const api = await extensionApi();
    const start = hourAhead(3);
    api.clock.set(start);
    const editor = await openScratchEditor();
    for (let minute = 0; minute <= 3; minute++) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, editor.document.lineAt(editor.document.lineCount - 1).range.end, `// agent ${minute}\n`);
      await vscode.workspace.applyEdit(edit);
      api.clock.advance(MINUTE);
    }
    api.flush();
    const history = await readHistory(api.dataDirectory(), { start, end: api.clock.now() + MINUTE });
    assert.ok(durationMs(history.union) <= MINUTE / 2, 'no hands-on time but the credit of opening the editor');
    const agentMinutes = durationMs(history.agent) / MINUTE;
    assert.ok(agentMinutes >= 2.5 && agentMinutes <= 3.5, `agent time ${agentMinutes} min: 3.5 min of edits and credit, minus the hands-on half minute`);
    assert.equal(
      history.characters.reduce((sum, bucket) => sum + bucket.counts.agent, 0),
      4 * '// agent 0\n'.length,
    );
  });

  it("counts commands run in the user's terminal, never those an agent runs in its own (marked by its environment, or hidden from the user) @smoke", async () => {
    const api = await extensionApi();
    // No editor whose visible lines a terminal panel opening or closing would scroll (scrolling is the user's activity).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const minutesOfCommands = async (hour: number, options: vscode.TerminalOptions) => {
      const start = hourAhead(hour);
      api.clock.set(start);
      const terminal = vscode.window.createTerminal({ shellPath: '/bin/bash', ...options });
      try {
        const shell = await shellIntegrationOf(terminal);
        for (let minute = 0; minute <= 3; minute++) {
          const started = nextEvent(vscode.window.onDidStartTerminalShellExecution, (e) => e.terminal === terminal);
          shell.executeCommand(`echo command ${minute}`);
          // The extension's listener was added before this one, so it has seen the execution too.
          await started;
          api.clock.advance(MINUTE);
        }
        return await codedMinutes(start);
      } finally {
        // Closed, and its last events delivered, before the next part sets the clock to its own hour.
        const closed = nextEvent(vscode.window.onDidCloseTerminal, (closedTerminal) => closedTerminal === terminal);
        terminal.dispose();
        await closed;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    const users = await minutesOfCommands(4, { name: 'mine' });
    assert.ok(users >= 3 && users <= 4, `four commands a minute apart in the user's terminal: ${users} min`);
    assert.equal(await minutesOfCommands(5, { name: 'agent', env: { AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1' } }), 0);
    assert.equal(await minutesOfCommands(6, { name: 'hidden', hideFromUser: true }), 0);
  });
});

/** The next event that `matches`, or an error after `timeoutMs`. */
function nextEvent<T>(event: vscode.Event<T>, matches: (e: T) => boolean, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no such event after ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = event((e) => {
      if (!matches(e)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e);
    });
  });
}

/** The terminal's shell integration, once VS Code has injected it into bash. */
async function shellIntegrationOf(terminal: vscode.Terminal): Promise<vscode.TerminalShellIntegration> {
  return terminal.shellIntegration ?? (await nextEvent(vscode.window.onDidChangeTerminalShellIntegration, (e) => e.terminal === terminal)).shellIntegration;
}
