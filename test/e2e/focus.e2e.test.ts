import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { round1 } from '../../src/core/report/formatDuration';
import type { ReportJson } from '../../src/core/report/reportJson';
import { systemTimeZone } from '../../src/core/time/localDays';
import { DEMO_EMAIL, seedDemoHistory } from '../builders/demoHistory';
import { cliJson, dashboardFrame, handsOnStatusItem, openWorkbench, RESULTS, runPaletteCommand, type Workbench } from './workbench';

/** What the Focus tab looked like in this run (npm run screenshots makes the README's pictures). */
const SCREENSHOT = join(RESULTS, 'focus-tab.png');

interface FocusTab {
  focusMinutes: number;
  fragmentedMinutes: number;
  reentryMinutes: number | null;
  usedText: string;
  blocks: { start: string; end: string; codingMinutes: number; used: boolean }[];
  series: { title: string; occurrences: number; minutes: number; focusCostMinutes: number }[];
  parts: string[];
}

/** What the Focus tab shows, read from its DOM (figures carry their minutes in data attributes). */
async function readFocusTab(frame: Frame): Promise<FocusTab> {
  return frame.$eval('#panel-focus', (panel) => {
    const minutes = (id: string) => {
      const value = panel.querySelector(`#${id}`)?.getAttribute('data-minutes') ?? '';
      return value === '' ? null : Number(value);
    };
    return {
      focusMinutes: minutes('focus-minutes') ?? NaN,
      fragmentedMinutes: minutes('focus-fragmented') ?? NaN,
      reentryMinutes: minutes('focus-reentry'),
      usedText: panel.querySelector('#focus-used')?.textContent ?? '',
      blocks: [...panel.querySelectorAll('#focus-blocks tbody tr')].map((row) => ({
        start: row.getAttribute('data-start') ?? '',
        end: row.getAttribute('data-end') ?? '',
        codingMinutes: Number(row.getAttribute('data-coding-minutes')),
        used: row.getAttribute('data-used') === 'true',
      })),
      series: [...panel.querySelectorAll('#focus-series tbody tr')].map((row) => ({
        title: row.querySelector('.series-title')?.textContent ?? '',
        occurrences: Number(row.getAttribute('data-occurrences')),
        minutes: Number(row.getAttribute('data-minutes')),
        focusCostMinutes: Number(row.getAttribute('data-focus-cost-minutes')),
      })),
      parts: [...panel.querySelectorAll('details.chart-table thead th')].map((th) => th.textContent ?? ''),
    };
  });
}

describe('The Focus tab on the demo data, against hands-on report --json', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let folder: string;
  let dataDir: string;
  let calendar: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hands-on-e2e-focus-'));
    dataDir = join(folder, 'data');
    mkdirSync(dataDir, { recursive: true });
    calendar = join(folder, 'demo-calendar.ics');
    seedDemoHistory(dataDir, calendar, Date.now());
    workbench = await openWorkbench({
      settings: {
        'handsOn.dataDirectory': dataDir,
        'handsOn.calendar.files': [calendar],
        'handsOn.calendar.myEmails': [DEMO_EMAIL],
        'handsOn.nudge.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
      },
    });
    await handsOnStatusItem(workbench.page).filter({ hasText: /\d+%/ }).waitFor({ timeout: 60_000 });
  });
  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('shows the same focus figures, blocks and meeting series as the CLI, and is screenshotted', async () => {
    const { page } = workbench;
    await runPaletteCommand(page, 'Hands-On: Open Dashboard');
    const frame = await dashboardFrame(page);
    await frame.click('#tab-focus');
    await frame.waitForSelector('#panel-focus:not([hidden]) #chart-focus');
    const shown = await readFocusTab(frame);

    // The CLI on the same data folder and calendar, this week, with default settings (an empty HOME: no settings.json).
    const home = join(folder, 'home');
    mkdirSync(home, { recursive: true });
    const json = cliJson<ReportJson>(['report', '--period', 'week', '--data-dir', dataDir, '--calendar', calendar, '--me', DEMO_EMAIL, '--tz', systemTimeZone(), '--json'], {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
    });

    assert.equal(round1(shown.focusMinutes), json.focus.focusMinutes);
    assert.equal(round1(shown.fragmentedMinutes), json.focus.fragmentedMinutes);
    assert.equal(shown.reentryMinutes === null ? null : round1(shown.reentryMinutes), json.focus.reentry.medianMinutes);
    assert.match(shown.usedText, new RegExp(`^${json.focus.usedBlocks} of \\d+$`));
    assert.deepEqual(
      shown.blocks.map((b) => ({ ...b, codingMinutes: round1(b.codingMinutes) })),
      json.focus.blocks,
    );
    assert.deepEqual(
      shown.series.map((s) => ({ ...s, minutes: round1(s.minutes), focusCostMinutes: round1(s.focusCostMinutes) })),
      json.meetingSeries,
    );
    // The demo week has something in every part of the tab.
    assert.ok(json.focus.blocks.length > 0 && json.meetingSeries.some((s) => s.focusCostMinutes > 0), JSON.stringify(json.focus));
    for (const part of ['Meetings', 'Breaks', 'Focus blocks', 'Coded in blocks', 'Not coded', 'Ahead', 'Fragmented']) assert.ok(shown.parts.includes(part), part);

    const box = await frame.$eval('#chart-focus', (canvas) => canvas.getBoundingClientRect().height);
    assert.ok(box > 0, 'the focus chart is drawn');
    // Tall enough for the whole tab: figures, chart, blocks and what the calendar costs.
    await page.setViewportSize({ width: 1400, height: 2000 });
    await frame.waitForSelector('#panel-focus:not([hidden]) #chart-focus');
    await page.waitForTimeout(500);
    await frame.$eval('#panel-focus', (panel) => panel.scrollIntoView());
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });
});
