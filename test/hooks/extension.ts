// The integration-test build's entry point (esbuild.config.mjs --test-hooks): the same wiring as src/extension.ts,
// with a clock tests move, nudges answered without a person, a log that remembers its lines, and the TestApi.
// The packaged extension never contains this file (test/unit/packagedBundle.test.ts checks).
import type * as vscode from 'vscode';
import type { CurrentFigures } from '../../src/core/status/currentFigures';
import type { DashboardViewModel } from '../../src/core/dashboard/model';
import type { DashboardRange } from '../../src/core/balance/dashboardRanges';
import type { CalendarChoice } from '../../src/host/askForCalendar';
import type { NudgeAction, NudgeOutcome } from '../../src/host/nudges';
import { vscodeUserInterface } from '../../src/host/userInterface';
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
  /** The last view-model posted to the webview, for tests comparing it with the status bar. */
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
  dashboard(): DashboardSnapshot;
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi> {
  const clock = new FakeClock();
  const logLines: string[] = [];
  const nudgesShown: string[] = [];
  let nudgeAnswer: { action: NudgeAction | undefined; snooze?: string } | undefined;
  let lastNudge: Promise<void> = Promise.resolve();
  const wiring = wireExtension(context, {
    clock,
    log: (channel) => recordingLog(channel, logLines),
    // The tests serve feeds over plain http on 127.0.0.1.
    allowHttpFeeds: true,
    ui: {
      ...vscodeUserInterface,
      notify: (message, ...actions) => {
        nudgesShown.push(message);
        return nudgeAnswer ? Promise.resolve(nudgeAnswer.action) : vscodeUserInterface.notify(message, ...actions);
      },
      pickSnooze: (choices) => (nudgeAnswer ? Promise.resolve(choices.find((choice) => choice.label === nudgeAnswer?.snooze)) : vscodeUserInterface.pickSnooze(choices)),
    },
  });
  const { recorder, statusBar } = wiring;
  // The tests reach into the balance part from their first line, so the test build loads it during activation.
  const balance = await wiring.balance();
  const { status, calendars, calendarCommands } = balance;
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
    dashboard: () => {
      const current = balance.dashboardPanel();
      return {
        open: current !== undefined,
        visible: current?.panel.visible ?? false,
        panelCount: balance.openDashboardPanels(),
        range: current?.range ?? null,
        lastPostedModel: current?.shownModel ?? null,
      };
    },
  };
}
