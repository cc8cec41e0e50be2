import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Clock } from './core/time/clock';
import { DAY_MS } from './core/time/clock';
import { systemTimeZone } from './core/time/localDays';
import { registerDashboard } from './dashboard/commands';
import { ActivityEvents } from './host/activityEvents';
import { ActivityRecorder } from './host/activityRecorder';
import { BalanceData } from './host/balanceData';
import { CalendarCommands } from './host/calendarCommands';
import { Calendars } from './host/calendars';
import { FeedStore } from './host/calendarSources';
import { registerCommand } from './host/commands';
import { Config } from './host/config';
import { errorText } from './core/errorText';
import { logMeeting } from './host/meetingCommands';
import { MeetingNow } from './host/meetingNow';
import { Nudges } from './host/nudges';
import { StatusBar } from './host/statusBar';
import { StatusController } from './host/statusController';
import type { UserInterface } from './host/userInterface';
import { compact } from './node/journal/compaction';
import { createWriterId } from './node/journal/layout';

/** What differs between the packaged extension and the integration-test build; everything else is wired once here. */
export interface WiringOptions {
  clock: Clock;
  ui: UserInterface;
  /** The log the extension writes to, made from its output channel. */
  log(channel: vscode.LogOutputChannel): vscode.LogOutputChannel;
  /** Plain http feeds, which only the integration tests' local server needs; real feeds are https only. */
  allowHttpFeeds: boolean;
}

/** The parts the test entry reaches into; the packaged extension ignores them. */
export interface Wiring {
  recorder: ActivityRecorder;
  calendars: Calendars;
  calendarCommands: CalendarCommands;
  status: StatusController;
  statusBar: StatusBar;
  dataDirectory(): string;
}

export function wireExtension(context: vscode.ExtensionContext, options: WiringOptions): Wiring {
  const { clock, ui } = options;
  const channel = vscode.window.createOutputChannel('Hands-On', { log: true });
  context.subscriptions.push(channel);
  const log = options.log(channel);
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
      fetchOptions: { allowHttp: options.allowHttpFeeds },
      log,
    }),
  );
  const meetingNow = register(new MeetingNow(context.globalState, clock, recorder));
  const data = register(new BalanceData(clock, zone, config, recorder, calendars, meetingNow, log));
  const statusBar = register(new StatusBar('handsOn.openDashboard'));
  const nudges = new Nudges({ dataDirectory, writerId, log, notify: ui.notify, pickSnooze: ui.pickSnooze });
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
      log.warn(`Compaction skipped: ${errorText(error)}`);
    }
  };
  const firstCompaction = setTimeout(compactNow, 60_000);
  const dailyCompaction = setInterval(compactNow, DAY_MS);
  register({ dispose: () => (clearTimeout(firstCompaction), clearInterval(dailyCompaction)) });

  const command = (id: string, run: () => unknown) => register(registerCommand(id, run, log));
  command('handsOn.showLog', () => channel.show(true));
  command('handsOn.pauseTracking', () => recorder.setPaused(true));
  command('handsOn.resumeTracking', () => recorder.setPaused(false));
  command('handsOn.addCalendar', async () => calendarCommands.add(await ui.askForCalendar()));
  command('handsOn.removeCalendar', () => calendarCommands.remove());
  command('handsOn.refreshCalendars', () => calendarCommands.refresh());
  command('handsOn.logMeeting', () => logMeeting(recorder, clock));
  command('handsOn.toggleMeetingNow', async () => {
    const running = await meetingNow.toggle();
    void vscode.window.showInformationMessage(running ? 'Meeting started: it counts until you run "I\'m in a Meeting Now" again.' : 'Meeting ended and logged.');
  });
  log.info(`Hands-On activated; data folder ${dataDirectory()}`);
  return { recorder, calendars, calendarCommands, status, statusBar, dataDirectory };
}
