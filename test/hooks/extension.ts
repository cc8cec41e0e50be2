// The integration-test build's entry point (esbuild.config.mjs --test-hooks): the same wiring as src/extension.ts,
// with a clock tests move, nudges answered without a person, a log that remembers its lines, and the TestApi.
// The packaged extension never contains this file (test/unit/packagedBundle.test.ts checks).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { CurrentFigures } from '../../src/core/status/currentFigures';
import type { DashboardViewModel } from '../../src/core/dashboard/model';
import type { DashboardRange } from '../../src/core/balance/dashboardRanges';
import type { CalendarChoice } from '../../src/host/askForCalendar';
import type { NudgeAction, NudgeOutcome } from '../../src/host/nudges';
import { vscodeUserInterface } from '../../src/host/userInterface';
import type { HostToWebview, WebviewToHost } from '../../src/shared/protocol';
import { wireExtension } from '../../src/wiring';
import { FakeClock } from '../builders/fakeClock';
import { recordingLog } from './recordingLog';

export interface StatusBarSnapshot {
  text: string;
  tooltip: string;
  accessibleLabel: string;
  warning: boolean;
}

export interface DashboardSnapshot {
  open: boolean;
  visible: boolean;
  panelCount: number;
  range: DashboardRange | null;
  /** The last view-model posted to the webview (the header and the tab shown), for tests comparing it with the status bar or the CLI. */
  lastPostedModel: DashboardViewModel | null;
}

/** What the integration tests and the test helper extension reach. */
export interface TestApi {
  clock: FakeClock;
  statusBar(): StatusBarSnapshot;
  dataDirectory(): string;
  flush(): void;
  /**
   * Reports a keyboard or mouse selection change, as a real key press makes VS Code send after its edit. Code in the
   * extension host cannot press keys (commands move the cursor with the command source); the browser tests do.
   */
  userInput(): void;
  /** Runs the recorder's periodic timer now (after moving the clock, so the jump is not mistaken for a suspend mid-scenario). */
  tick(): void;
  update(): Promise<CurrentFigures | undefined>;
  evaluateNudge(): Promise<NudgeOutcome>;
  /** Every nudge notification from now on is answered with `action` (and `snooze`, a Snooze choice's label) instead of waiting for a click. */
  answerNudgesWith(action: NudgeAction | undefined, snooze?: string): void;
  /** Resolves once the answer to the last nudge shown was handled. */
  nudgeHandled(): Promise<void>;
  nudgesShown: string[];
  addCalendar(choice: CalendarChoice): Promise<string | undefined>;
  refreshCalendars(): Promise<void>;
  logLines: string[];
  /** The home whose agents' settings *Connect Coding Agents…* edits here: a folder of the test run's own. */
  agentHome: string;
  /** The next *Connect Coding Agents…* pick is answered with these agents instead of waiting for a person. */
  answerAgentPickWith(agents: string[]): void;
  dashboard(): DashboardSnapshot;
  /** Hands `message` to the open dashboard as if its page had posted it: a tab click, which code in the extension host cannot make. */
  postFromDashboard(message: WebviewToHost): void;
}

/** Watches the webview panels the extension opens: which are alive, and the last figures each was sent. */
function panelWatcher(create: typeof vscode.window.createWebviewPanel) {
  const alive: vscode.WebviewPanel[] = [];
  const lastPosted = new Map<vscode.WebviewPanel, DashboardViewModel>();
  const receivers = new Map<vscode.WebviewPanel, (message: unknown) => void>();
  const createWebviewPanel: typeof vscode.window.createWebviewPanel = (...args) => {
    const panel = create(...args);
    alive.push(panel);
    panel.onDidDispose(() => {
      alive.splice(alive.indexOf(panel), 1);
      lastPosted.delete(panel);
      receivers.delete(panel);
    });
    // The extension's own panel, with a webview whose postMessage remembers the figures that reached the page.
    const webview = new Proxy(panel.webview, {
      get(target, property) {
        if (property === 'postMessage') {
          return async (message: HostToWebview) => {
            const delivered = await target.postMessage(message);
            if (delivered && message.type === 'update') lastPosted.set(panel, message.model);
            return delivered;
          };
        }
        if (property === 'onDidReceiveMessage') {
          // The panel's own listener, remembered so a test can hand it what its page would post.
          return (listener: (message: unknown) => unknown, thisArgs?: unknown, disposables?: vscode.Disposable[]) => {
            receivers.set(panel, (message) => void listener.call(thisArgs, message));
            return target.onDidReceiveMessage(listener, thisArgs, disposables);
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
      set: (target, property, value) => Reflect.set(target, property, value),
    });
    return new Proxy(panel, {
      get(target, property) {
        if (property === 'webview') return webview;
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
      set: (target, property, value) => Reflect.set(target, property, value),
    });
  };
  const snapshot = (): DashboardSnapshot => {
    const current = alive.at(-1);
    const model = current ? lastPosted.get(current) : undefined;
    return { open: current !== undefined, visible: current?.visible ?? false, panelCount: alive.length, range: model?.header.range ?? null, lastPostedModel: model ?? null };
  };
  const postFromDashboard = (message: WebviewToHost) => {
    const current = alive.at(-1);
    const receive = current ? receivers.get(current) : undefined;
    if (!receive) throw new Error('no dashboard is open to receive a message');
    receive(message);
  };
  return { createWebviewPanel, snapshot, postFromDashboard };
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi> {
  const clock = new FakeClock();
  const logLines: string[] = [];
  const nudgesShown: string[] = [];
  let nudgeAnswer: { action: NudgeAction | undefined; snooze?: string } | undefined;
  let lastNudge: Promise<void> = Promise.resolve();
  const panels = panelWatcher(vscodeUserInterface.createWebviewPanel);
  const agentHome = mkdtempSync(join(tmpdir(), 'hands-on-agent-home-'));
  let agentPick: string[] | undefined;
  const wiring = wireExtension(context, {
    clock,
    log: (channel) => recordingLog(channel, logLines),
    // The tests serve feeds over plain http on 127.0.0.1.
    allowHttpFeeds: true,
    // Connect Coding Agents and Install Command Line edit a home of their own, never the machine's; its ~/.local/bin is on PATH.
    home: { dir: agentHome, env: { PATH: `${join(agentHome, '.local', 'bin')}:${process.env.PATH ?? ''}` } },
    ui: {
      ...vscodeUserInterface,
      pickAgents: (choices) => {
        const answer = agentPick;
        agentPick = undefined;
        return answer ? Promise.resolve(choices.filter((choice) => answer.includes(choice.agent))) : vscodeUserInterface.pickAgents(choices);
      },
      notify: (message, ...actions) => {
        nudgesShown.push(message);
        return nudgeAnswer ? Promise.resolve(nudgeAnswer.action) : vscodeUserInterface.notify(message, ...actions);
      },
      createWebviewPanel: panels.createWebviewPanel,
      pickSnooze: (choices) => (nudgeAnswer ? Promise.resolve(choices.find((choice) => choice.label === nudgeAnswer?.snooze)) : vscodeUserInterface.pickSnooze(choices)),
    },
  });
  const { recorder, statusBar } = wiring;
  // The tests reach into the balance part from their first line, so the test build loads it during activation.
  const { status, calendars, calendarCommands } = await wiring.balance();
  return {
    clock,
    statusBar: () => {
      const { item } = statusBar;
      return {
        text: item.text,
        tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''),
        accessibleLabel: item.accessibilityInformation?.label ?? '',
        warning: item.backgroundColor !== undefined,
      };
    },
    dataDirectory: wiring.dataDirectory,
    flush: () => recorder.flush(),
    tick: () => recorder.tick(),
    userInput: () => recorder.input.humanInput(),
    update: () => status.update(),
    evaluateNudge: async () => {
      const outcome = await status.evaluateNudge();
      if (outcome.shown) lastNudge = outcome.answered;
      return outcome;
    },
    answerNudgesWith: (action, snooze) => (nudgeAnswer = { action, snooze }),
    nudgeHandled: () => lastNudge,
    nudgesShown,
    addCalendar: (choice) => calendarCommands.add(choice),
    refreshCalendars: () => calendars.refresh(),
    logLines,
    agentHome,
    answerAgentPickWith: (agents) => (agentPick = agents),
    dashboard: panels.snapshot,
    postFromDashboard: panels.postFromDashboard,
  };
}
