import { errorText } from '../core/errorText';
import * as vscode from 'vscode';
import { weekRange } from '../core/balance/periods';
import { redactText } from '../node/calendar/redact';
import { meetingIntervals } from '../core/calendar/meetingTime';
import { formatDuration } from '../core/report/formatDuration';
import type { Clock } from '../core/time/clock';
import { clip, durationMs } from '../core/time/interval';
import { feedSource, isValidFeedUrl, pathSource, type CalendarSource, type FeedStore } from './calendarSources';
import type { Calendars } from './calendars';
import type { Config } from './config';

export type CalendarChoice = { kind: 'url'; url: string } | { kind: 'file' | 'folder'; path: string };

/** Asks the user which calendar to add. */
export async function askForCalendar(): Promise<CalendarChoice | undefined> {
  const kinds: (vscode.QuickPickItem & { sourceKind: CalendarChoice['kind'] })[] = [
    { label: '$(globe) Calendar feed URL', detail: "Google Calendar's secret address in iCal format, or Outlook's published ICS link", sourceKind: 'url' },
    { label: '$(file) .ics file', detail: 'An exported calendar file on this machine', sourceKind: 'file' },
    { label: '$(folder) Folder of .ics files', detail: 'As vdirsyncer, khal or an export leave them', sourceKind: 'folder' },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: 'Hands-On: Add Calendar', placeHolder: 'Where are your meetings?' });
  if (!picked) return undefined;
  if (picked.sourceKind === 'url') {
    const url = await vscode.window.showInputBox({
      title: 'Hands-On: Add Calendar Feed',
      prompt: 'Paste the secret iCal address. It is kept in VS Code secret storage on this machine, never in settings or logs.',
      placeHolder: 'https://calendar.google.com/calendar/ical/…/basic.ics',
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (isValidFeedUrl(text.trim()) ? undefined : 'Enter an https:// or webcal:// address.'),
    });
    return url ? { kind: 'url', url: url.trim() } : undefined;
  }
  const uris = await vscode.window.showOpenDialog({
    title: picked.sourceKind === 'file' ? 'Choose a calendar file' : 'Choose a folder of .ics files',
    canSelectFiles: picked.sourceKind === 'file',
    canSelectFolders: picked.sourceKind === 'folder',
    canSelectMany: false,
    filters: picked.sourceKind === 'file' ? { iCalendar: ['ics', 'ical', 'ifb'] } : undefined,
  });
  const uri = uris?.[0];
  return uri ? { kind: picked.sourceKind, path: uri.fsPath } : undefined;
}

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
    const source: CalendarSource = choice.kind === 'url' ? feedSource({ id: 'new', url: choice.url }) : pathSource(choice.path, choice.kind === 'folder');
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
      const message = redactText(errorText(error));
      void vscode.window.showErrorMessage(`Hands-On could not read ${source.label}: ${message}`);
      return undefined;
    }
    try {
      if (choice.kind === 'url') {
        await this.feeds.add(choice.url);
      } else {
        const files = this.config.current.calendar.files;
        if (!files.includes(choice.path)) {
          await vscode.workspace.getConfiguration('handsOn').update('calendar.files', [...files, choice.path], vscode.ConfigurationTarget.Global);
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
    if (source.kind === 'url') {
      await this.feeds.remove(source.id.slice('feed:'.length));
    } else {
      const files = this.config.current.calendar.files.filter((path) => path !== source.spec);
      await vscode.workspace.getConfiguration('handsOn').update('calendar.files', files, vscode.ConfigurationTarget.Global);
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
