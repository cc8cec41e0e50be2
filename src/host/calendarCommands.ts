import * as vscode from 'vscode';
import { weekRange } from '../core/balance/periods';
import { feedSource, pathSource, savedFeedId, sourceErrorText, type CalendarSource } from '../node/calendar/calendarSource';
import { meetingIntervals } from '../core/calendar/meetingTime';
import { formatDuration } from '../core/report/formatDuration';
import type { Clock } from '../core/time/clock';
import { clip, durationMs } from '../core/time/interval';
import type { CalendarChoice } from './askForCalendar';
import type { FeedStore } from './feedStore';
import type { Calendars } from './calendars';
import type { Config } from './config';


export class CalendarCommands {
  constructor(
    private readonly calendars: Calendars,
    private readonly feeds: FeedStore,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly zone: () => string,
  ) {}

  /** Validates the calendar by reading it once, then keeps it; says how much meeting time it found this week. */
  async add(choice: CalendarChoice | undefined): Promise<string | undefined> {
    if (!choice) return undefined;
    const source: CalendarSource = choice.kind === 'url' ? feedSource({ id: 'new', url: choice.url }) : pathSource(choice.path);
    let summary: string;
    try {
      const verdicts = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Reading ${source.label}…` },
        () => this.calendars.probe(source),
      );
      const week = weekRange(this.clock.now(), this.zone(), this.config.current.weekStartsOn);
      const thisWeek = verdicts.occurrences.filter((o) => o.counted && o.end > week.start && o.start < week.end);
      const minutes = durationMs(clip(meetingIntervals(thisWeek), week)) / 60_000;
      summary = `${thisWeek.length} meeting${thisWeek.length === 1 ? '' : 's'} this week (${formatDuration(minutes)})`;
      if (verdicts.warnings.length > 0) summary += `, ${verdicts.warnings.length} warning${verdicts.warnings.length === 1 ? '' : 's'} in the log`;
    } catch (error) {
      void vscode.window.showErrorMessage(`Hands-On could not read ${source.label}: ${sourceErrorText(error)}`);
      return undefined;
    }
    try {
      if (choice.kind === 'url') {
        await this.feeds.add(choice.url);
      } else {
        const files = this.config.current.calendar.files;
        if (!files.includes(choice.path)) {
          await this.config.update('calendar.files', [...files, choice.path]);
        }
      }
      await this.calendars.refresh();
    } finally {
      this.calendars.endProbe(source);
    }
    const text = `Added ${source.label}: ${summary}.`;
    void vscode.window.showInformationMessage(text);
    return text;
  }

  async remove(): Promise<void> {
    const sources = await this.calendars.sources();
    if (sources.length === 0) {
      void vscode.window.showInformationMessage('No calendar is connected.', 'Add Calendar…').then((choice) => {
        if (choice) void vscode.commands.executeCommand('handsOn.addCalendar');
      });
      return;
    }
    const picked = await vscode.window.showQuickPick(
      sources.map((source) => ({ label: source.label, description: source.kind === 'url' ? 'feed' : source.kind, source })),
      { title: 'Hands-On: Remove Calendar' },
    );
    if (picked) await this.removeSource(picked.source);
  }

  async removeSource(source: CalendarSource): Promise<void> {
    const feedId = savedFeedId(source);
    if (feedId !== undefined) {
      await this.feeds.remove(feedId);
    } else {
      const files = this.config.current.calendar.files.filter((path) => path !== source.spec);
      await this.config.update('calendar.files', files);
    }
    await this.calendars.forget(source);
    await this.calendars.refresh();
  }

  async refresh(): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Refreshing calendars…' }, () => this.calendars.refresh());
    const status = this.calendars.status();
    const failed = status.filter((s) => s.error);
    if (status.length === 0) void vscode.window.showInformationMessage('No calendar is connected. Run "Hands-On: Add Calendar…" to add one.');
    else if (failed.length === 0) void vscode.window.showInformationMessage(`Refreshed ${status.length} calendar${status.length === 1 ? '' : 's'}.`);
    else void vscode.window.showWarningMessage(failed.map((s) => `${s.label}: ${s.error}`).join(' · '), 'Show Log').then((c) => c && vscode.commands.executeCommand('handsOn.showLog'));
  }
}
