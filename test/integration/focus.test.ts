import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FocusModel } from '../../src/core/dashboard/tabs/focus';
import { round1 } from '../../src/core/report/formatDuration';
import type { ReportJson } from '../../src/core/report/reportJson';
import { DAY_MS, MINUTE_MS } from '../../src/core/time/clock';
import { readStore } from '../../src/node/journal/journalReader';
import { systemTimeZone } from '../../src/core/time/localDays';
import { DEMO_EMAIL, seedDemoHistory } from '../builders/demoHistory';
import { eventually, EXTENSION_ID, extensionApi, setUserSetting, workDir } from './support';

describe('The Focus tab on the demo data', function () {
  this.timeout(120_000);
  let calendar: string;

  before(async () => {
    const api = await extensionApi();
    api.clock.set(undefined);
    calendar = join(workDir(), 'demo-calendar.ics');
    // The sandbox's demo history, written into the extension's own data folder as another machine would have.
    seedDemoHistory(api.dataDirectory(), calendar, Date.now());
    await setUserSetting('calendar.myEmails', [DEMO_EMAIL]);
    await setUserSetting('calendar.files', [calendar]);
    await api.refreshCalendars();
  });

  after(async () => {
    await vscode.commands.executeCommand('handsOn.resumeTracking');
    for (const key of ['calendar.files', 'calendar.myEmails']) await setUserSetting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the figures of hands-on report --json for the same data', async () => {
    const api = await extensionApi();
    // The dashboard and the CLI read the journal a moment apart: this window's own recording must not grow it between,
    // and the dashboard must be a fresh one whose figures are read after that (not one left open by an earlier test).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => assert.equal(api.dashboard().open, false));
    await vscode.commands.executeCommand('handsOn.pauseTracking');
    api.flush();
    // Earlier tests' real activity is recorded with the half minute credited after its last event, which may end
    // after now: both reads count coding only up to their own now, so they wait until all of it is in the past.
    const store = await readStore(api.dataDirectory(), { start: Date.now() - DAY_MS, end: Date.now() + MINUTE_MS });
    const recordedUntil = Math.max(0, ...store.spans.map((span) => span.end));
    if (recordedUntil >= Date.now()) await new Promise((resolve) => setTimeout(resolve, Math.min(MINUTE_MS, recordedUntil - Date.now()) + 1_000));
    await vscode.commands.executeCommand('handsOn.openDashboard');
    // Once the page has said `ready` and drawn its first tab, a click on the Focus tab: only the tab shown is built.
    await eventually(() => assert.ok(api.dashboard().lastPostedModel, 'the dashboard has drawn its first tab'), 30_000);
    api.postFromDashboard({ type: 'showTab', tab: 'focus' });
    let focus: FocusModel | undefined;
    await eventually(() => {
      const model = api.dashboard().lastPostedModel;
      assert.equal(model?.header.range, 'thisWeek');
      focus = model?.tab.id === 'focus' ? model.tab.model : undefined;
      assert.ok(focus?.series.some((s) => s.title === 'Team standup'), 'the dashboard has drawn the Focus tab of the demo week');
    }, 30_000);
    assert.ok(focus);

    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const home = join(workDir(), 'cli-home');
    mkdirSync(home, { recursive: true });
    const output = execFileSync(
      process.execPath,
      [join(extension.extensionPath, 'dist', 'cli.js'), 'report', '--period', 'week', '--data-dir', api.dataDirectory(), '--calendar', calendar, '--me', DEMO_EMAIL, '--tz', systemTimeZone(), '--json'],
      { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ELECTRON_RUN_AS_NODE: '1' } },
    );
    const json = JSON.parse(output) as ReportJson;

    assert.equal(round1(focus.focusMinutes), json.focus.focusMinutes);
    assert.equal(round1(focus.fragmentedMinutes), json.focus.fragmentedMinutes);
    assert.equal(focus.blockMinutes, json.focus.blockMinutes);
    assert.equal(focus.usedBlocks, json.focus.usedBlocks);
    assert.deepEqual(
      { ...focus.reentry, medianMinutes: focus.reentry.medianMinutes === null ? null : round1(focus.reentry.medianMinutes) },
      json.focus.reentry,
    );
    assert.deepEqual(
      focus.blocks.map((b) => ({ start: b.startIso, end: b.endIso, codingMinutes: round1(b.codingMinutes), used: b.used })),
      json.focus.blocks,
    );
    assert.deepEqual(
      focus.series.map((s) => ({ title: s.title, occurrences: s.occurrences, minutes: round1(s.minutes), focusCostMinutes: round1(s.focusCostMinutes) })),
      json.meetingSeries,
    );
    assert.ok(json.meetingSeries[0]!.focusCostMinutes > 0, 'the demo week has a costly series');
  });
});
