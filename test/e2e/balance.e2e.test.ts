import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HOUR_MS } from '../../src/core/time/clock';
import { icsText } from '../builders/icsBuilder';
import { writerAt } from '../builders/journalBuilders';
import { writeFileSync } from 'node:fs';
import { cliJson, handsOnStatusItem, notificationTexts, openWorkbench, screenshot, type Workbench } from './workbench';

/**
 * Two VS Code windows on one data directory, with the packaged extension and real time. Every hour of every
 * day is working time here, so whenever the suite runs the nudge is due: exactly one window may show it.
 */
describe('Two windows sharing one history', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  let second: Page;
  let calendar: string;

  before(async () => {
    workbench = await openWorkbench({
      settings: {
        'handsOn.period': 'rolling7',
        'handsOn.workDays': ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        'handsOn.workHours': { start: '00:00', end: '24:00' },
      },
      seed: ({ work, dataDir }) => {
        const now = Date.now();
        // 90 minutes of coding yesterday, recorded by another machine; three hours of meetings that ended an hour ago.
        const { writer } = writerAt(dataDir, now, 'laptop-1-seed');
        writer.appendSpans([{ start: now - 26 * HOUR_MS, end: now - 24.5 * HOUR_MS, workspace: 'api', language: 'go' }]);
        writer.flush();
        calendar = join(work, 'team.ics');
        writeFileSync(calendar, icsText([{ start: now - 4 * HOUR_MS, end: now - HOUR_MS, title: 'Architecture review' }]));
        return { 'handsOn.calendar.files': [calendar] };
      },
    });
    second = await workbench.openWindow();
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows in the status bar the same share as `hands-on report --json`', async () => {
    const report = cliJson<{ handsOnPercent: number | null; codingMinutes: number; meetingMinutes: number }>(['report', '--data-dir', workbench.dataDir, '--calendar', calendar, '--period', 'rolling7', '--json']);
    assert.equal(report.codingMinutes, 90);
    assert.equal(report.meetingMinutes, 180);
    const item = handsOnStatusItem(workbench.page);
    await item.waitFor({ timeout: 60_000 });
    // The first figure the status bar shows must already include the calendar: never a share that ignores meetings.
    let text = '';
    for (let attempt = 0; attempt < 120 && !/\d+%/.test(text); attempt++) {
      text = (await item.innerText()).trim();
      if (!/\d+%/.test(text)) await workbench.page.waitForTimeout(250);
    }
    assert.equal(text, `${Math.round(report.handsOnPercent!)}% hands-on`);
    await screenshot(workbench.page, 'status-bar-below-target');
  });

  it('nudges in exactly one of the two windows', async () => {
    const nudge = /Hands-on time in the last 7 days is 33% \(target 40%\)/;
    const shownIn = async () => [(await notificationTexts(workbench.page)).some((t) => nudge.test(t)), (await notificationTexts(second)).some((t) => nudge.test(t))];
    // Nudges are evaluated 30 s after startup; give both windows time to try.
    let shown = await shownIn();
    for (let waited = 0; waited < 90_000 && !shown.includes(true); waited += 1_000) {
      await workbench.page.waitForTimeout(1_000);
      shown = await shownIn();
    }
    await workbench.page.waitForTimeout(10_000);
    shown = await shownIn();
    assert.deepEqual(shown.filter(Boolean).length, 1, `windows showing the nudge: ${JSON.stringify(shown)}`);
    const page = shown[0] ? workbench.page : second;
    await screenshot(page, 'nudge');
    const toast = page.locator('.notification-toast', { hasText: 'Hands-on time' });
    for (const action of ['Open Dashboard', 'Snooze', "Don't Show Again"]) {
      assert.equal(await toast.getByRole('button', { name: action }).count(), 1, `the nudge offers ${action}`);
    }
  });
});
