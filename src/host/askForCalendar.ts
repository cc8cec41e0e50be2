import * as vscode from 'vscode';
import { isValidFeedUrl } from '../core/calendar/feedUrl';

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
