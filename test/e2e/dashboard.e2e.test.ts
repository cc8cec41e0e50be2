import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { weekRange } from '../../src/core/balance/periods';
import { JournalWriter } from '../../src/node/journal/journalWriter';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/time/clock';
import { FakeClock } from '../builders/fakeClock';
import { localDateOf, systemTimeZone } from '../../src/core/time/localDays';
import { writeUserSettings } from '../harness/codeServer';
import { cliJson, dashboardFrame, DASHBOARD_ROOT as ROOT, handsOnStatusItem, openPalette, openWorkbench, reloadWindow, RESULTS, runPaletteCommand, screenshot, type Workbench } from './workbench';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function icsTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function vevent(uid: string, start: number, end: number, summary: string, extra: string[] = []): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${icsTime(start)}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${summary}`,
    'ORGANIZER:mailto:lead@example.com',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:colleague@example.com',
    ...extra,
    'END:VEVENT',
  ];
}

/** A year of coding in the journal and a year of weekly meetings in a calendar file, plus the hostile title this week. */
function seedYear(folder: string, now: number): { dataDir: string; calendar: string } {
  const dataDir = join(folder, 'data');
  mkdirSync(dataDir, { recursive: true });
  const clock = new FakeClock(now - 365 * DAY_MS);
  const writer = new JournalWriter({ root: dataDir, clock, writerId: 'e2eseed-1-abc', createRoot: true, durable: false });
  const firstDay = Math.floor((now - 365 * DAY_MS) / DAY_MS) * DAY_MS;
  for (let day = firstDay; day + DAY_MS < now - DAY_MS; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    clock.set(day + 20 * HOUR_MS);
    writer.appendSpans([
      { start: day + 8 * HOUR_MS, end: day + 10 * HOUR_MS, workspace: 'hands-on', language: 'typescript' },
      { start: day + 13 * HOUR_MS, end: day + 14 * HOUR_MS + 30 * MINUTE_MS, workspace: 'api', language: 'go' },
      // The shell snippet's and the Neovim plugin's records: half the terminal's half hour is also VS Code's.
      { start: day + 14 * HOUR_MS + 15 * MINUTE_MS, end: day + 14 * HOUR_MS + 45 * MINUTE_MS, workspace: 'api', language: 'shellscript', source: 'terminal' },
      { start: day + 16 * HOUR_MS, end: day + 16 * HOUR_MS + 20 * MINUTE_MS, workspace: 'dotfiles', language: 'lua', source: 'neovim' },
    ]);
    const result = writer.flush();
    if (!result.ok) throw new Error(`could not seed the journal: ${JSON.stringify(result)}`);
  }
  const weekStart = weekRange(now, systemTimeZone(), 'monday').start;
  const yearAgo = Math.floor((now - 364 * DAY_MS) / DAY_MS) * DAY_MS + 10 * HOUR_MS;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hands-On e2e//EN',
    ...vevent('weekly-sync@e2e', yearAgo, yearAgo + HOUR_MS, 'Weekly sync', ['RRULE:FREQ=WEEKLY;COUNT=52']),
    ...vevent('daily-standup@e2e', yearAgo + DAY_MS, yearAgo + DAY_MS + 15 * MINUTE_MS, 'Standup', ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=255']),
    // In this week, early on Monday: counted (or listed as upcoming), never drawn as HTML.
    ...vevent('hostile@e2e', weekStart + HOUR_MS, weekStart + 90 * MINUTE_MS, HOSTILE_TITLE),
    'END:VCALENDAR',
    '',
  ];
  const calendar = join(folder, 'calendar.ics');
  writeFileSync(calendar, lines.join('\r\n'));
  return { dataDir, calendar };
}

async function statusPercent(page: Page): Promise<string> {
  const text = (await handsOnStatusItem(page).innerText()).trim();
  return /(\d+%|—)/.exec(text)?.[1] ?? text;
}

async function runCommand(page: Page, title: string): Promise<number> {
  const input = await openPalette(page);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  const started = Date.now();
  await page.keyboard.press('Enter');
  return started;
}

describe('The dashboard in code-server', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let folder: string;
  let settings: Record<string, unknown>;
  const dialogs: string[] = [];

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hands-on-e2e-dashboard-'));
    const { dataDir, calendar } = seedYear(folder, Date.now());
    settings = {
      'handsOn.dataDirectory': dataDir,
      'handsOn.calendar.files': [calendar],
      'handsOn.calendar.myEmails': ['me@example.com'],
      'handsOn.nudge.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
    };
    workbench = await openWorkbench({ settings });
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await handsOnStatusItem(workbench.page).waitFor({ timeout: 60_000 });
  });
  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens from the palette and renders its charts, timed with a year of history @smoke', async () => {
    const { page } = workbench;
    // Let the extension read the year of history once, as it does at startup, before timing the command.
    await handsOnStatusItem(page).filter({ hasText: /\d+%/ }).waitFor({ timeout: 60_000 });
    const started = await runCommand(page, 'Hands-On: Open Dashboard');
    const frame = await dashboardFrame(page);
    const renderMs = Date.now() - started;
    const webviewMs = Number(await frame.getAttribute(ROOT, 'data-rendered-ms'));
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'dashboard-timing.json'), `${JSON.stringify({ renderMs, webviewMs, historyDays: 365, measuredAt: new Date().toISOString() }, null, 2)}\n`);

    const canvases = await frame.$$eval('canvas', (elements) =>
      elements
        .filter((c) => !c.closest('[hidden]'))
        .map((c) => ({ id: c.id, width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height, role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '' })),
    );
    assert.ok(canvases.length >= 2, `the overview draws its charts: ${JSON.stringify(canvases)}`);
    for (const canvas of canvases) {
      assert.ok(canvas.width > 0 && canvas.height > 0, `${canvas.id} has a size`);
      assert.equal(canvas.role, 'img');
      assert.ok(canvas.label.length > 10, `${canvas.id} has an accessible name`);
    }
    assert.ok((await frame.$$('details.chart-table table')).length >= 2, 'every chart has a table alternative');
  });

  it('shows the same headline percent as the status bar', async () => {
    const { page } = workbench;
    const frame = await dashboardFrame(page);
    let headline = '';
    let status = '';
    // The two may refresh a moment apart; they must agree once both settled.
    for (let attempt = 0; attempt < 40; attempt++) {
      headline = ((await frame.textContent('#headline-percent')) ?? '').trim();
      status = await statusPercent(page);
      if (headline === status) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.match(headline, /^(\d+%|—)$/);
    assert.equal(headline, status);
  });

  it('shows a calendar title carrying HTML and script as inert text', async () => {
    const frame = await dashboardFrame(workbench.page);
    // Only the tab shown is built: the list is there once the Meetings tab is shown.
    await frame.click('#tab-meetings');
    await frame.waitForSelector('#panel-meetings:not([hidden]) #meetings-list');
    const list = await frame.$eval('#meetings-list', (table) => ({
      text: table.textContent ?? '',
      titles: [...table.querySelectorAll('.meeting-title')].map((cell) => cell.textContent ?? ''),
      images: table.querySelectorAll('img').length,
      scripts: table.querySelectorAll('script').length,
    }));
    assert.ok(list.text.includes(HOSTILE_TITLE), 'the title is shown character for character');
    assert.ok(list.titles.includes(HOSTILE_TITLE));
    assert.equal(list.images, 0, 'no <img> element was created');
    assert.equal(list.scripts, 0, 'no <script> element was created');
    assert.equal(await frame.$$eval(`${ROOT} img, ${ROOT} script`, (elements) => elements.length), 0);
    assert.deepEqual(dialogs, [], 'no alert ran');
    await frame.click('#tab-overview');
    await frame.waitForSelector('#panel-overview:not([hidden]) #chart-daily');
  });

  it('switches tabs and the range with the keyboard', async () => {
    const frame = await dashboardFrame(workbench.page);
    await frame.focus('#tab-overview');
    await workbench.page.keyboard.press('ArrowRight');
    assert.equal(await frame.getAttribute('#tab-today', 'aria-selected'), 'true');
    assert.equal(await frame.$eval('#panel-today', (panel) => panel.hasAttribute('hidden')), false);
    // The Today tab's figures arrive from the host; the range is changed once they are drawn.
    await frame.waitForSelector('#panel-today:not([hidden]) #chart-today');
    await dashboardFrame(workbench.page, `${ROOT}[aria-busy="false"]`);
    const seq = Number(await frame.getAttribute(ROOT, 'data-rendered-seq'));
    await frame.selectOption('#range', 'last12Weeks');
    await dashboardFrame(workbench.page, `${ROOT}[data-rendered-seq]:not([data-rendered-seq="${seq}"])`);
    assert.match((await frame.textContent('#headline-title')) ?? '', /^Last 12 weeks/);
    await frame.selectOption('#range', 'thisWeek');
    await frame.focus('#tab-today');
    await workbench.page.keyboard.press('ArrowLeft');
  });

  it('keeps an opened table, the focus and the scroll position while the user types beside it', async () => {
    const { page } = workbench;
    // The dashboard in one editor group, main.ts opened to the side: the user codes beside the figures.
    await runPaletteCommand(page, 'Hands-On: Open Dashboard');
    // The palette without its '>' is Quick Open; Ctrl+Enter opens the file to the side.
    const quickOpen = await openPalette(page);
    await quickOpen.fill('main.ts');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'main.ts' }).first().waitFor();
    await quickOpen.press('Control+Enter');
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.waitFor();

    const frame = await dashboardFrame(page);
    const summary = '#panel-overview details.chart-table summary';
    await frame.click(summary);
    await frame.focus(summary);
    // A property on the node itself (not an attribute): only a page patched in place still has it after a refresh.
    await frame.evaluate(`document.querySelector('${summary}').handsOnMark = 'kept'`);
    await frame.evaluate('window.scrollTo(0, 300)');
    const before = { scrollY: Number(await frame.evaluate('window.scrollY')), seq: await frame.getAttribute(ROOT, 'data-rendered-seq') };
    assert.ok(before.scrollY > 0, 'the dashboard is scrolled');

    // Typing is flushed to the history every 30 s; each flush refreshes the dashboard.
    await editor.click();
    const typing = (async () => {
      for (let second = 0; second < 45; second++) {
        await page.keyboard.type(`// ${second}\n`);
        await page.waitForTimeout(1000);
      }
    })();
    await dashboardFrame(page, `${ROOT}[data-rendered-seq]:not([data-rendered-seq="${before.seq}"])`, 90_000);
    await typing;

    const pageState = async () =>
      (await frame.evaluate(`({
        open: document.querySelector('${summary}').parentElement.open,
        kept: document.querySelector('${summary}').handsOnMark === 'kept',
        focused: document.activeElement === document.querySelector('${summary}'),
        scrollY: window.scrollY,
        tab: document.querySelector('[role="tab"][aria-selected="true"]').id,
      })`)) as { open: boolean; kept: boolean; focused: boolean; scrollY: number; tab: string };
    // The keyboard is in the editor now, so the dashboard's own focus is checked below, with the focus in it.
    const whileTyping = await pageState();
    assert.deepEqual([whileTyping.open, whileTyping.kept, whileTyping.scrollY, whileTyping.tab], [true, true, before.scrollY, 'tab-overview']);

    // Back in the dashboard, with the focus in it, another refresh (a setting changed) keeps the focus too.
    await frame.focus(summary);
    const seq = await frame.getAttribute(ROOT, 'data-rendered-seq');
    writeUserSettings(join(workbench.work, 'user-data'), { ...settings, 'handsOn.targetPercent': 41 });
    await dashboardFrame(page, `${ROOT}[data-rendered-seq]:not([data-rendered-seq="${seq}"])`);
    assert.deepEqual(await pageState(), { open: true, kept: true, focused: true, scrollY: before.scrollY, tab: 'tab-overview' });
    writeUserSettings(join(workbench.work, 'user-data'), settings);
  });

  it('shows on the Skills tab what hands-on skills --json gives for the same data, with its heatmap, monthly share and tables', async () => {
    const { page } = workbench;
    const frame = await dashboardFrame(page);
    await frame.click('#tab-skills');
    await frame.waitForSelector('#panel-skills:not([hidden]) #skills-heatmap');
    const zone = systemTimeZone();
    const date = localDateOf(Date.now(), zone);
    // The earlier tests typed in this window: its last minute of TypeScript may reach the CLI's read before the tab's
    // next refresh (at most a second of quiet after the last flush), so both are read again until they agree.
    type SkillsJson = {
      languages: { language: string; handsOnMinutes: number; agentMinutes: number; typedCharacters: number; lastHandsOnDate: string | null; fading: boolean; delegated: boolean; monthlyHandsOnMinutes: number[] }[];
      days: { date: string; handsOnMinutes: number }[];
      months: { month: string; handsOnMinutes: number; meetingMinutes: number; handsOnShare: number | null }[];
    };
    let cli!: SkillsJson;
    // The CLI reads the same calendar the extension was given, with the same address of the user's own.
    const calendar = (settings['handsOn.calendar.files'] as string[])[0]!;
    const cliArgs = ['skills', '--json', '--data-dir', String(settings['handsOn.dataDirectory']), '--date', date, '--tz', zone, '--calendar', calendar, '--me', 'me@example.com'];
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        cli = cliJson<SkillsJson>(cliArgs);
        const shown = await frame.$eval('#panel-skills', (panel) => ({
          languages: [...panel.querySelectorAll('#skills-languages tbody tr')].map((row) => ({
            language: row.getAttribute('data-language') ?? '',
            cells: [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
            months: row.querySelector('svg.spark')?.getAttribute('aria-label') ?? '',
          })),
          months: [...panel.querySelectorAll('table.skills-months tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
          bars: [...panel.querySelectorAll('#skills-monthly-share .share-month')].map((bar) => ({ month: bar.getAttribute('data-month'), label: bar.getAttribute('aria-label') ?? '', tabindex: bar.getAttribute('tabindex') })),
          days: [...panel.querySelectorAll('table.skills-days tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
          cells: [...panel.querySelectorAll('#skills-heatmap .heat-day')].map((cell) => ({ date: cell.getAttribute('data-date'), label: cell.getAttribute('aria-label') ?? '', title: cell.getAttribute('title') ?? '', tabindex: cell.getAttribute('tabindex') })),
          sentences: [...panel.querySelectorAll('#skills-sentences li')].map((li) => li.textContent ?? ''),
        }));
        // Whole minutes as shown ("1h5m") against the CLI's one decimal: the displayed figure is that value rounded.
        const minutesOf = (text: string): number => {
          const match = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
          assert.ok(match && text.length > 0, `a duration: "${text}"`);
          return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
        };
        const sameMinutes = (text: string, minutes: number, what: string) => assert.ok(Math.abs(minutesOf(text) - minutes) <= 0.55, `${what}: shown ${text}, the CLI says ${minutes}`);
        assert.ok(cli.languages.length >= 2, 'the seeded year has TypeScript and Go');
        assert.deepEqual(
          shown.languages.map((l) => l.language),
          cli.languages.map((l) => l.language),
        );
        cli.languages.forEach((l, i) => {
          const [handsOn, , agent, typed, last, verdict] = shown.languages[i]!.cells as [string, string, string, string, string, string];
          sameMinutes(handsOn, l.handsOnMinutes, `${l.language} hands-on`);
          sameMinutes(agent, l.agentMinutes, `${l.language} agent`);
          assert.equal(typed, String(l.typedCharacters));
          assert.equal(last, l.lastHandsOnDate ?? 'never');
          assert.equal(verdict, [l.fading ? 'fading' : '', l.delegated ? 'delegated' : ''].filter((v) => v !== '').join(', ') || '—');
          // The row's bars in words: each month's minutes, as the CLI gives them.
          const words = /: (.*)$/.exec(shown.languages[i]!.months)?.[1]?.split(', ') ?? [];
          assert.equal(words.length, l.monthlyHandsOnMinutes.length, `${l.language} has a bar per month`);
          l.monthlyHandsOnMinutes.forEach((minutes, m) => sameMinutes(words[m]!.split(' ').at(-1)!, minutes, `${l.language} month ${m + 1}`));
        });
        // The monthly hands-on share against meetings: the table and the bars, month by month, as the CLI's months.
        assert.equal(cli.months.length, 12);
        assert.ok(cli.months.filter((m) => m.meetingMinutes > 0).length >= 11, 'the seeded calendar has meetings in every month');
        assert.equal(shown.months.length, cli.months.length);
        cli.months.forEach((m, i) => {
          const [label, handsOn, meetings, share] = shown.months[i]! as [string, string, string, string];
          const [year, month] = m.month.split('-').map(Number) as [number, number];
          assert.equal(label, `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`);
          sameMinutes(handsOn, m.handsOnMinutes, `${m.month} hands-on`);
          sameMinutes(meetings, m.meetingMinutes, `${m.month} meetings`);
          if (m.handsOnShare === null) assert.equal(share, '—');
          else assert.ok(Math.abs(Number(share.replace('%', '')) - m.handsOnShare) <= 0.55, `${m.month}: shown ${share}, the CLI says ${m.handsOnShare}`);
          assert.equal(shown.bars[i]!.month, m.month);
          assert.ok(shown.bars[i]!.label.startsWith(`${label}: `) && shown.bars[i]!.label.includes(share), `${m.month} bar: ${shown.bars[i]!.label}`);
        });
        assert.deepEqual(
          shown.bars.filter((b) => b.tabindex === '0').map((b) => b.month),
          [cli.months.at(-1)!.month],
          'one bar in the tab order: this month',
        );
        assert.equal(shown.sentences.length, cli.languages.length, 'one sentence per language');
        // The heatmap's table and its cells: every day of the period, in order, with the CLI's minutes.
        assert.deepEqual(
          shown.days.map(([day]) => day),
          cli.days.map((d) => d.date),
        );
        cli.days.forEach((d, i) => sameMinutes(shown.days[i]![1]!, d.handsOnMinutes, d.date));
        assert.deepEqual(
          shown.cells.map((c) => c.date),
          cli.days.map((d) => d.date),
        );
        for (const cell of shown.cells) assert.ok(cell.label.length > 0 && cell.label === cell.title, `${cell.date} has a label`);
        assert.deepEqual(
          shown.cells.filter((c) => c.tabindex === '0').map((c) => c.date),
          [date],
          'one cell in the tab order: today',
        );
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await page.waitForTimeout(2_000);
      }
    }
    // The keyboard: from today, ArrowLeft goes a week back, ArrowUp a day back.
    await frame.focus(`#skills-heatmap .heat-day[data-date="${date}"]`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await frame.evaluate("document.activeElement?.getAttribute('data-date')"), cli.days.at(-8)!.date);
    await page.keyboard.press('ArrowUp');
    assert.equal(await frame.evaluate("document.activeElement?.getAttribute('data-date')"), cli.days.at(-9)!.date);
    // The monthly bars: from this month, ArrowLeft goes a month back, Home to the first.
    await frame.focus(`#skills-monthly-share .share-month[data-month="${cli.months.at(-1)!.month}"]`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await frame.evaluate("document.activeElement?.getAttribute('data-month')"), cli.months.at(-2)!.month);
    await page.keyboard.press('Home');
    assert.equal(await frame.evaluate("document.activeElement?.getAttribute('data-month')"), cli.months[0]!.month);
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-skills-dark');
    await frame.click('#tab-overview');
    await frame.waitForSelector('#panel-overview:not([hidden]) #chart-daily');
  });

  it('shows where the hands were by source, as hands-on activity --json counts them', async () => {
    const { page } = workbench;
    const frame = await dashboardFrame(page);
    await frame.click('#tab-breakdown');
    await frame.waitForSelector('#panel-breakdown:not([hidden]) table.shares');
    const zone = systemTimeZone();
    const shown = await frame.$eval('#panel-breakdown', (panel) => ({
      title: panel.querySelector('h2')?.textContent ?? '',
      bySource: [...panel.querySelectorAll('table.shares')]
        .filter((table) => table.querySelector('caption')?.textContent === 'By source')
        .flatMap((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim()))),
    }));
    // "Where the coding went, Mon 7 Sep 2026 – Sun 29 Nov 2026": the days the breakdown covers.
    const [from, to] = (/, (.+) – (.+)$/.exec(shown.title)?.slice(1) ?? []).map((label) => localDateOf(Date.parse(`${label.replace(/^\w+ /, '')} 12:00 UTC`), 'UTC'));
    assert.ok(from && to, `the breakdown names its days: ${shown.title}`);
    const cli = cliJson<{ days: { sources: Record<string, number> }[] }>(['activity', '--json', '--data-dir', String(settings['handsOn.dataDirectory']), '--from', from, '--to', to, '--tz', zone]);
    const minutes: Record<string, number> = {};
    for (const day of cli.days) for (const [source, value] of Object.entries(day.sources)) minutes[source] = (minutes[source] ?? 0) + value;
    const label: Record<string, string> = { vscode: 'VS Code', terminal: 'Terminal', neovim: 'Neovim' };
    assert.deepEqual(Object.keys(minutes).sort(), ['neovim', 'terminal', 'vscode']);
    const expected = Object.entries(minutes)
      .sort((a, b) => b[1] - a[1])
      .map(([source, value]) => [label[source]!, Math.round(value)]);
    const parsed = shown.bySource.map(([name, text]) => [name, Number(/(\d+)h/.exec(text!)?.[1] ?? 0) * 60 + Number(/(\d+)m/.exec(text!)?.[1] ?? 0)]);
    // The window typed in the tests before: a minute of VS Code may reach one read and not the other.
    assert.deepEqual(parsed.map(([name]) => name), expected.map(([name]) => name));
    parsed.forEach(([name, value], i) => assert.ok(Math.abs(Number(value) - Number(expected[i]![1])) <= 2, `${String(name)}: the tab shows ${String(value)} min, the CLI ${String(expected[i]![1])}`));
    await frame.click('#tab-overview');
    await frame.waitForSelector('#panel-overview:not([hidden]) #chart-daily');
  });

  it('follows the theme: screenshots in dark and light', async () => {
    const { page } = workbench;
    let frame = await dashboardFrame(page);
    await frame.waitForSelector('body.vscode-dark');
    await screenshot(page, 'dashboard-dark');
    writeUserSettings(join(workbench.work, 'user-data'), { ...settings, 'workbench.colorTheme': 'Default Light Modern' });
    frame = await dashboardFrame(page);
    await frame.waitForSelector('body.vscode-light', { timeout: 30_000 });
    // The charts are drawn again with the light theme's colours on the next frames.
    await page.waitForTimeout(500);
    const colours = String(await frame.evaluate("getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim()"));
    assert.ok(colours.length > 0, 'the theme variables are there');
    await screenshot(page, 'dashboard-light');
    await frame.click('#tab-skills');
    await frame.waitForSelector('#panel-skills:not([hidden]) #skills-heatmap');
    await screenshot(page, 'dashboard-skills-light');
    await frame.click('#tab-overview');
    await frame.waitForSelector('#panel-overview:not([hidden]) #chart-daily');
  });

  it('comes back after a reload of the window', async () => {
    const { page } = workbench;
    await reloadWindow(page);
    const frame = await dashboardFrame(page);
    assert.ok(await frame.$('#headline-percent'));
    let dashboards = 0;
    for (const f of page.frames()) if (f.url().includes('webview') && (await f.$(ROOT).catch(() => null))) dashboards++;
    assert.equal(dashboards, 1, 'exactly one dashboard after the reload');
  });
});
