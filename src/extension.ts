import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { compact } from './node/journal/compaction';
import { createWriterId } from './node/journal/layout';
import { systemClock, DAY_MS, type Clock } from './core/time/clock';
import { systemTimeZone } from './core/time/localDays';
import type { CurrentFigures } from './core/status/currentFigures';
import { registerDashboard } from './dashboard/commands';
import { DashboardPanel, type DashboardSnapshot } from './dashboard/dashboardPanel';
import { ActivityEvents } from './host/activityEvents';
import { ActivityRecorder } from './host/activityRecorder';
import { BalanceData } from './host/balanceData';
import { askForCalendar, CalendarCommands, type CalendarChoice } from './host/calendarCommands';
import { Calendars } from './host/calendars';
import { FeedStore } from './host/calendarSources';
import { Config } from './host/config';
import { logMeeting } from './host/meetingCommands';
import { MeetingNow } from './host/meetingNow';
import { Nudges, type NudgeAction, type NudgeOutcome } from './host/nudges';
import { StatusBar } from './host/statusBar';
import { StatusController } from './host/statusController';
import { recordingLog, TestClock } from './host/testHooks';

declare const HANDS_ON_TEST_HOOKS: boolean;

/** What the integration tests reach; only the test build returns it, the packaged extension returns nothing. */
export interface TestApi {
  clock: TestClock;
  statusBar(): ReturnType<StatusBar['snapshot']>;
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
  /** Resolves once the answer to the last nudge was handled. */
  nudgeHandled(): Promise<void>;
  nudgesShown: string[];
  addCalendar(choice: CalendarChoice): Promise<string | undefined>;
  refreshCalendars(): Promise<void>;
  logLines: string[];
  dashboard(): DashboardSnapshot;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const testClock = HANDS_ON_TEST_HOOKS ? new TestClock() : undefined;
  const clock: Clock = testClock ?? systemClock;
  const logLines: string[] = [];
  const channel = vscode.window.createOutputChannel('Hands-On', { log: true });
  context.subscriptions.push(channel);
  const log = HANDS_ON_TEST_HOOKS ? recordingLog(channel, logLines) : channel;
  const zone = () => systemTimeZone();
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

  const feeds = new FeedStore(context.secrets);
  const calendars = register(
    new Calendars({
      clock,
      zone,
      settings: () => config.current,
      feeds,
      cacheDirectory: join(context.globalStorageUri.fsPath, 'calendar-cache'),
      workerFile: join(context.extensionPath, 'dist', 'calendarWorker.js'),
      // Integration tests serve feeds over plain http on 127.0.0.1; real feeds are https only.
      fetchOptions: { allowHttp: HANDS_ON_TEST_HOOKS },
      log,
    }),
  );
  const meetingNow = register(new MeetingNow(context.globalState, clock, recorder));
  const data = register(new BalanceData(clock, zone, config, recorder, calendars, meetingNow, log));
  const statusBar = register(new StatusBar('handsOn.openDashboard'));
  const nudgesShown: string[] = [];
  let nudgeAnswer: { action: NudgeAction | undefined; snooze?: string } | undefined;
  const nudges = new Nudges({
    dataDirectory,
    writerId,
    log,
    notify: (message, ...actions) => {
      nudgesShown.push(message);
      return nudgeAnswer ? Promise.resolve(nudgeAnswer.action) : vscode.window.showInformationMessage(message, ...actions);
    },
    pickSnooze: (choices) =>
      nudgeAnswer ? Promise.resolve(choices.find((choice) => choice.label === nudgeAnswer?.snooze)) : vscode.window.showQuickPick(choices, { title: 'Snooze Hands-On nudges' }),
  });
  const status = register(new StatusController(clock, data, recorder, statusBar, nudges, log));
  const calendarCommands = new CalendarCommands(calendars, feeds, config, clock, zone);
  register(registerDashboard({ extensionUri: context.extensionUri, source: data, log }));

  // Feeds are fetched again only when what they depend on changed, not for every settings tweak.
  let calendarSettings = JSON.stringify(config.current.calendar);
  register(
    config.onDidChange((settings) => {
      recorder.setIdleTimeoutMinutes(settings.idleTimeoutMinutes);
      recorder.setRecordProjectNames(settings.recordProjectNames);
      recorder.setDataDirectory(dataDirectory(), !settings.dataDirectory);
      if (JSON.stringify(settings.calendar) !== calendarSettings) {
        calendarSettings = JSON.stringify(settings.calendar);
        calendars.restart();
      }
    }),
  );
  register(context.secrets.onDidChange(() => void calendars.refresh()));
  calendars.restart();

  // Closed days are merged into one file per day: soon after startup, then daily. Failure loses nothing.
  const compactNow = () => {
    try {
      compact(dataDirectory(), clock.now());
    } catch (error) {
      log.warn(`Compaction skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const firstCompaction = setTimeout(compactNow, 60_000);
  const dailyCompaction = setInterval(compactNow, DAY_MS);
  register({ dispose: () => (clearTimeout(firstCompaction), clearInterval(dailyCompaction)) });

  const command = (id: string, run: (...args: unknown[]) => unknown) => register(vscode.commands.registerCommand(id, run));
  command('handsOn.showLog', () => channel.show(true));
  command('handsOn.pauseTracking', () => recorder.setPaused(true));
  command('handsOn.resumeTracking', () => recorder.setPaused(false));
  command('handsOn.addCalendar', async () => calendarCommands.add(await askForCalendar()));
  command('handsOn.removeCalendar', () => calendarCommands.remove());
  command('handsOn.refreshCalendars', () => calendarCommands.refresh());
  command('handsOn.logMeeting', () => logMeeting(recorder, clock));
  command('handsOn.toggleMeetingNow', async () => {
    const running = await meetingNow.toggle();
    void vscode.window.showInformationMessage(running ? 'Meeting started: it counts until you run "I\'m in a Meeting Now" again.' : 'Meeting ended and logged.');
  });
  log.info(`Hands-On activated; data folder ${dataDirectory()}`);

  if (!HANDS_ON_TEST_HOOKS) return undefined;
  return {
    clock: testClock!,
    statusBar: () => statusBar.snapshot(),
    dataDirectory,
    flush: () => recorder.flush(),
    tick: () => recorder.tick(),
    userInput: () => recorder.input.humanInput(),
    update: () => status.update(),
    evaluateNudge: () => status.evaluateNudge(),
    answerNudgesWith: (action, snooze) => (nudgeAnswer = { action, snooze }),
    nudgeHandled: () => nudges.handling,
    nudgesShown,
    addCalendar: (choice) => calendarCommands.add(choice),
    refreshCalendars: () => calendars.refresh(),
    logLines,
    dashboard: () => DashboardPanel.snapshot(),
  };
}
