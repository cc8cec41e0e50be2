import { join } from 'node:path';
import type * as vscode from 'vscode';
import { errorText } from './core/errorText';
import type { Clock } from './core/time/clock';
import { DAY_MS } from './core/time/clock';
import { systemTimeZone } from './core/time/localDays';
import { createDashboard, type Dashboard } from './dashboard/commands';
import type { ActivityRecorder } from './host/activityRecorder';
import { BalanceData } from './host/balanceData';
import { CalendarCommands } from './host/calendarCommands';
import { Calendars } from './host/calendars';
import { FeedStore } from './host/feedStore';
import type { Config } from './host/config';
import { MeetingNow } from './host/meetingNow';
import { Nudges } from './host/nudges';
import type { StatusBar } from './host/statusBar';
import { StatusController } from './host/statusController';
import type { UserInterface } from './host/userInterface';
import { compact } from './node/journal/compaction';

/** What the eagerly loaded part of the extension hands to the balance part (see wiring.ts). */
export interface BalanceHost {
  context: vscode.ExtensionContext;
  /** Disposes `disposable` with the extension; returns it. */
  register<T extends vscode.Disposable>(disposable: T): T;
  clock: Clock;
  ui: UserInterface;
  log: vscode.LogOutputChannel;
  config: Config;
  recorder: ActivityRecorder;
  statusBar: StatusBar;
  writerId: string;
  dataDirectory(): string;
  allowHttpFeeds: boolean;
}

/** The balance part, once loaded: what the commands registered at activation call into. */
export interface Balance {
  calendars: Calendars;
  calendarCommands: CalendarCommands;
  status: StatusController;
  meetingNow: MeetingNow;
  dashboard: Dashboard;
}

/**
 * Calendars, the balance, the status figures, nudges and the dashboard: everything that computes or shows the
 * balance. Its own bundle (dist/balance.js), loaded just after activation so that starting VS Code pays only for
 * recording activity; the commands registered at activation wait for it.
 */
export function wireBalance(host: BalanceHost): Balance {
  const started = performance.now();
  const { context, clock, log, config, recorder, register } = host;
  const zone = () => systemTimeZone();
  const feeds = new FeedStore(context.secrets);
  const calendars = register(
    new Calendars({
      clock,
      zone,
      settings: () => config.current,
      feeds,
      cacheDirectory: join(context.globalStorageUri.fsPath, 'calendar-cache'),
      workerFile: join(context.extensionPath, 'dist', 'calendarWorker.js'),
      fetchOptions: { allowHttp: host.allowHttpFeeds },
      log,
    }),
  );
  const meetingNow = register(new MeetingNow(context.globalState, clock, recorder));
  const data = register(new BalanceData(clock, zone, config, recorder, calendars, meetingNow, log));
  const nudges = new Nudges({ dataDirectory: host.dataDirectory, writerId: host.writerId, log, config, notify: host.ui.notify, pickSnooze: host.ui.pickSnooze });
  const status = register(new StatusController(clock, data, recorder, host.statusBar, nudges, log));
  const calendarCommands = new CalendarCommands(calendars, feeds, config, clock, zone);
  const dashboard = register(createDashboard({ extensionUri: context.extensionUri, source: data, log, createWebviewPanel: host.ui.createWebviewPanel }));

  // Feeds are fetched again only when what they depend on changed, not for every settings tweak.
  let calendarSettings = JSON.stringify(config.current.calendar);
  register(
    config.onDidChange((settings) => {
      const changed = JSON.stringify(settings.calendar);
      if (changed === calendarSettings) return;
      calendarSettings = changed;
      calendars.restart();
    }),
  );
  register(context.secrets.onDidChange(() => void calendars.refresh()));
  calendars.restart();

  // Closed days are merged into one file per day: soon after startup, then daily. Failure loses nothing.
  const compactNow = () => {
    try {
      compact(host.dataDirectory(), clock.now());
    } catch (error) {
      log.warn(`Compaction skipped: ${errorText(error)}`);
    }
  };
  const firstCompaction = setTimeout(compactNow, 60_000);
  const dailyCompaction = setInterval(compactNow, DAY_MS);
  register({ dispose: () => (clearTimeout(firstCompaction), clearInterval(dailyCompaction)) });

  log.info(`Calendars, figures and the dashboard ready in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    calendars,
    calendarCommands,
    status,
    meetingNow,
    dashboard,
  };
}
