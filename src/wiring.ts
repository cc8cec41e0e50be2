import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type * as BalanceBundle from './balanceWiring';
import type { Balance, BalanceHost } from './balanceWiring';
import { errorText } from './core/errorText';
import type { Clock } from './core/time/clock';
import { DASHBOARD_COMMANDS } from './dashboard/commandIds';
import { ActivityEvents } from './host/activityEvents';
import { ActivityRecorder } from './host/activityRecorder';
import { AgentConnections } from './host/agentConnections';
import { CommandLine } from './host/commandLine';
import { registerCommand } from './host/commands';
import { Config } from './host/config';
import { logMeeting } from './host/meetingCommands';
import { StatusBar } from './host/statusBar';
import type { UserInterface } from './host/userInterface';
import { createWriterId } from './node/journal/layout';
import { DASHBOARD_VIEW_TYPE } from './shared/protocol';

/** Agent hooks' launcher and problems are looked at a little after activation, and again every few hours. */
const AGENT_CHECK_DELAY_MS = 10_000;
const AGENT_CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** What differs between the packaged extension and the integration-test build; everything else is wired once here. */
export interface WiringOptions {
  clock: Clock;
  ui: UserInterface;
  /** The log the extension writes to, made from its output channel. */
  log(channel: vscode.LogOutputChannel): vscode.LogOutputChannel;
  /** Plain http feeds, which only the integration tests' local server needs; real feeds are https only. */
  allowHttpFeeds: boolean;
  /** The home and environment whose agents' settings *Connect Coding Agents…* edits (the tests use a folder of their own). */
  home: { dir: string; env: NodeJS.ProcessEnv };
}

/** The parts the test entry reaches into; the packaged extension ignores them. */
export interface Wiring {
  recorder: ActivityRecorder;
  statusBar: StatusBar;
  dataDirectory(): string;
  /** The balance part (calendars, status figures, nudges, dashboard), loaded once, on first need. */
  balance(): Promise<Balance>;
}

/**
 * Activation wires only what must run from the first keystroke: settings, activity recording and the status bar
 * item. Calendars, figures, nudges and the dashboard live in their own bundle (dist/balance.js, see
 * balanceWiring.ts), loaded right after activation or by the first command that needs it, whichever comes first.
 */
export function wireExtension(context: vscode.ExtensionContext, options: WiringOptions): Wiring {
  const started = performance.now();
  const { clock, ui } = options;
  const channel = vscode.window.createOutputChannel('Hands-On', { log: true });
  context.subscriptions.push(channel);
  const log = options.log(channel);
  const register = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };

  const config = register(new Config(log));
  const dataDirectory = () => config.current.dataDirectory || context.globalStorageUri.fsPath;
  const writerId = createWriterId(hostname(), process.pid, randomBytes(4).toString('hex'));
  const recorder = register(
    new ActivityRecorder({
      clock,
      dataDirectory: dataDirectory(),
      createRoot: !config.current.dataDirectory,
      writerId,
      idleTimeoutMinutes: config.current.idleTimeoutMinutes,
      recordProjectNames: config.current.recordProjectNames,
      state: context.globalState,
      log,
    }),
  );
  register(new ActivityEvents(recorder));
  register(
    config.onDidChange((settings) => {
      recorder.setIdleTimeoutMinutes(settings.idleTimeoutMinutes);
      recorder.setRecordProjectNames(settings.recordProjectNames);
      recorder.setDataDirectory(dataDirectory(), !settings.dataDirectory);
    }),
  );
  const statusBar = register(new StatusBar('handsOn.openDashboard'));

  const host: BalanceHost = { context, register, clock, ui, log, config, recorder, statusBar, writerId, dataDirectory, allowHttpFeeds: options.allowHttpFeeds };
  let loading: Promise<Balance> | undefined;
  // Loaded once: a failure stays the answer (every command says it), rather than wiring half of it again.
  const balance = (): Promise<Balance> =>
    (loading ??= Promise.resolve().then(() => {
      // A bundle of its own beside this one, required by a computed path so that esbuild leaves it out of extension.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require(join(__dirname, 'balance.js')) as typeof BalanceBundle).wireBalance(host);
    }));
  const loadSoon = setTimeout(() => void balance().catch((error: unknown) => log.error(`Could not load calendars, figures and the dashboard: ${errorText(error)}`)), 0);
  register({ dispose: () => clearTimeout(loadSoon) });

  const agents = new AgentConnections(context.extensionPath, options.home, () => recorder.dataDirectory, (choices) => ui.pickAgents(choices), log);
  const commandLine = new CommandLine(context.extensionPath, options.home, log);
  const checkAgents = () => {
    agents.refreshLauncher();
    void commandLine.refresh();
    void agents.showHookProblem(context.globalState, Date.now());
  };
  const agentsSoon = setTimeout(checkAgents, AGENT_CHECK_DELAY_MS);
  const agentsDaily = setInterval(checkAgents, AGENT_CHECK_EVERY_MS);
  register({ dispose: () => (clearTimeout(agentsSoon), clearInterval(agentsDaily)) });

  const command = (id: string, run: () => unknown) => register(registerCommand(id, run, log));
  command('handsOn.showLog', () => channel.show(true));
  command('handsOn.pauseTracking', () => recorder.setPaused(true));
  command('handsOn.resumeTracking', () => recorder.setPaused(false));
  command('handsOn.addCalendar', async () => (await balance()).calendarCommands.add(await ui.askForCalendar()));
  command('handsOn.removeCalendar', async () => (await balance()).calendarCommands.remove());
  command('handsOn.refreshCalendars', async () => (await balance()).calendarCommands.refresh());
  command('handsOn.logMeeting', () => logMeeting(recorder, clock));
  command('handsOn.connectAgents', () => agents.connect());
  command('handsOn.installCommandLine', () => commandLine.install());
  command('handsOn.uninstallCommandLine', () => commandLine.uninstall());
  command('handsOn.toggleMeetingNow', async () => {
    const running = await (await balance()).meetingNow.toggle();
    void vscode.window.showInformationMessage(running ? 'Meeting started: it counts until you run "I\'m in a Meeting Now" again.' : 'Meeting ended and logged.');
  });
  for (const id of Object.values(DASHBOARD_COMMANDS)) command(id, async () => (await balance()).dashboard.run(id));
  register(
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => (await balance()).dashboard.revive(panel, state),
    }),
  );
  log.info(`Hands-On activated in ${(performance.now() - started).toFixed(1)} ms; data folder ${dataDirectory()}`);
  return { recorder, statusBar, dataDirectory, balance };
}
