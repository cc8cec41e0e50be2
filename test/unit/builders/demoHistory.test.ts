import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCalendar } from '../../../src/core/calendar/readCalendar';
import { DEFAULT_RULES } from '../../../src/core/calendar/types';
import { readHistory } from '../../../src/core/journal/activityHistory';
import { DAY_MS } from '../../../src/core/time/clock';
import { durationMs } from '../../../src/core/time/interval';
import { systemTimeZone } from '../../../src/core/time/localDays';
import { DEMO_EMAIL, seedDemoHistory } from '../../builders/demoHistory';

describe('the sandbox demo history', () => {
  const now = Date.parse('2026-11-19T16:20:00Z');
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'hands-on-demo-'));
    seedDemoHistory(join(folder, 'data'), join(folder, 'demo.ics'), now);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is a calendar that shows every kind of verdict, without warnings', () => {
    const verdicts = readCalendar(readFileSync(join(folder, 'demo.ics'), 'utf8'), {
      from: now - 35 * DAY_MS,
      to: now + 7 * DAY_MS,
      zone: systemTimeZone(),
      rules: { ...DEFAULT_RULES, myEmails: [DEMO_EMAIL] },
    });
    assert.deepEqual(verdicts.warnings, []);
    const reasons = new Set(verdicts.occurrences.map((o) => o.reason));
    for (const reason of ['counted', 'declined', 'excluded-keyword', 'break', 'all-day', 'no-other-attendees'] as const) assert.ok(reasons.has(reason), `has a ${reason} occurrence`);
    assert.equal(verdicts.daysOff.length, 1, 'the public holiday is a day off');
    assert.ok(verdicts.occurrences.filter((o) => o.title === 'Team standup').length >= 19, 'the standup series expands');
  });

  it('holds four weeks of coding, less in later weeks', () => {
    const week = (ago: number) => durationMs(readHistory(join(folder, 'data'), { start: now - (ago + 1) * 7 * DAY_MS, end: now - ago * 7 * DAY_MS }).union);
    assert.ok(week(3) > week(0), `coding drifts down: ${week(3)} > ${week(0)}`);
    assert.ok(week(0) > 0);
  });
});
