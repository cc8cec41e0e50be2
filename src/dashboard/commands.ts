import * as vscode from 'vscode';
import type { DashboardRange } from '../core/balance/dashboardRanges';
import { dashboardRange } from '../core/balance/periods';
import { dailyCsv, dailyJson, dailyRows, focusBlocksIcs } from '../core/dashboard/exports';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { focusBlocksAhead, focusBlocksLoadRange } from '../core/balance/focusBlocksAhead';
import { summaryLoadRange, summaryMarkdown } from '../core/report/summary';
import { skillsRangeAt } from '../core/skills/skills';
import type { Settings } from '../core/settings/settings';
import type { Interval } from '../core/time/interval';
import { localDateOf } from '../core/time/localDays';
import type { DashboardDataSource } from './dataSource';
import { DASHBOARD_COMMANDS, type DashboardCommandId } from './commandIds';
import { DashboardPanels, type DashboardDeps } from './dashboardPanel';

/** Loads just the span a command needs, worked out from the host's clock, zone and settings. */
function loadFor(source: DashboardDataSource, span: (now: number, zone: string, settings: Settings) => Interval): Promise<BalanceInputs> {
  const { now, zone, settings } = source.context();
  return source.load(span(now, zone, settings));
}

function defaultUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

async function save(name: string, filters: Record<string, string[]>, content: string): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({ defaultUri: defaultUri(name), filters, saveLabel: 'Export' });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  return target;
}

/** "Hands-On: Export Focus Blocks as .ics": the free blocks from now to the end of the week, as a calendar file. */
export async function exportFocusBlocks(deps: DashboardDeps): Promise<vscode.Uri | undefined> {
  const inputs = await loadFor(deps.source, (now, zone, settings) => focusBlocksLoadRange(now, zone, settings.weekStartsOn));
  const blocks = focusBlocksAhead(inputs);
  if (blocks.length === 0) {
    void vscode.window.showInformationMessage(`No free focus blocks of ${inputs.settings.focusBlockMinutes} minutes or more are left this week.`);
    return undefined;
  }
  const target = await save(`hands-on-focus-blocks-${localDateOf(inputs.now, inputs.zone)}.ics`, { iCalendar: ['ics'] }, focusBlocksIcs(blocks, inputs.now));
  if (target) {
    const count = blocks.length === 1 ? '1 focus block' : `${blocks.length} focus blocks`;
    void vscode.window.showInformationMessage(`Saved ${count} to ${vscode.workspace.asRelativePath(target)}. Import the file into your calendar to keep them free.`);
  }
  return target;
}

/** "Hands-On: Copy Weekly Summary": the one summary (`hands-on report --markdown` prints it too), to paste into a 1:1 document. */
export async function copyWeeklySummary(deps: DashboardDeps): Promise<string> {
  const { now, zone, settings } = deps.source.context();
  const text = summaryMarkdown(await deps.source.load(summaryLoadRange(now, zone, settings), undefined, skillsRangeAt(now, zone)));
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage('$(check) Hands-On: weekly summary copied', 4000);
  return text;
}

/** "Hands-On: Export Data…": daily figures of the open dashboard's range (or the last 12 weeks) as CSV or JSON. */
export async function exportData(deps: DashboardDeps, shown: DashboardRange | undefined): Promise<vscode.Uri | undefined> {
  const range: DashboardRange = shown ?? 'last12Weeks';
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: 'date, codingMinutes, meetingMinutes, overlapMinutes, handsOnPercent', format: 'csv' as const },
      { label: 'JSON', description: '{ "days": [...] }', format: 'json' as const },
    ],
    { title: 'Hands-On: Export Data', placeHolder: 'Format of the daily figures' },
  );
  if (!choice) return undefined;
  const inputs = await loadFor(deps.source, (now, zone, settings) => dashboardRange(range, now, zone, settings.weekStartsOn));
  const rows = dailyRows(inputs, range);
  const name = `hands-on-daily-${rows[0]?.date ?? 'none'}-to-${rows.at(-1)?.date ?? 'none'}.${choice.format}`;
  const content = choice.format === 'csv' ? dailyCsv(rows) : dailyJson(rows);
  const target = await save(name, choice.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] }, content);
  if (target) void vscode.window.showInformationMessage(`Saved ${rows.length} days to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

/** What the extension registers at activation for the dashboard: its commands, and the panel restored after a reload. */
export interface Dashboard extends vscode.Disposable {
  run(id: DashboardCommandId): Promise<void>;
  revive(panel: vscode.WebviewPanel, state: unknown): void;
}

export function createDashboard(deps: DashboardDeps): Dashboard {
  const panels = new DashboardPanels(deps);
  const commands: Record<DashboardCommandId, () => unknown> = {
    [DASHBOARD_COMMANDS.open]: () => panels.createOrShow(),
    [DASHBOARD_COMMANDS.exportFocusBlocks]: () => exportFocusBlocks(deps),
    [DASHBOARD_COMMANDS.copySummary]: () => copyWeeklySummary(deps),
    [DASHBOARD_COMMANDS.exportData]: () => exportData(deps, panels.current?.range),
  };
  return {
    // The palette gets nothing back: a panel or a URI is no answer for the workbench to serialize.
    run: async (id) => {
      await commands[id]();
    },
    revive: (panel, state) => panels.revive(panel, state),
    dispose: () => panels.dispose(),
  };
}
