import * as assert from 'node:assert/strict';
import { readActivityPerLocalDay } from '../../../src/node/journal/activityHistory';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { localDayInterval, minutesPerDay, startOfLocalDate } from '../../../src/core/time/localDays';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const dayList = (zone: string, ...dates: string[]) => dates.map((date) => ({ date, interval: localDayInterval(date, zone) }));

describe('journal: coding minutes per local day', () => {
  const dir = useTempDir();

  it('splits a span at local midnight in the user zone', () => {
    const zone = 'America/New_York';
    const lateEvening = startOfLocalDate('2026-06-11', zone) - 30 * MINUTE_MS;
    const totals = minutesPerDay([{ start: lateEvening, end: lateEvening + HOUR_MS }], dayList(zone, '2026-06-10', '2026-06-11', '2026-06-12'));
    assert.deepEqual(totals.map((d) => d.minutes), [30, 30, 0]);
  });

  it('Europe/Berlin 2026-03-29 lasts 23 hours: coding all day counts 23 h, none spills into neighbours', () => {
    const zone = 'Europe/Berlin';
    const day = localDayInterval('2026-03-29', zone);
    assert.equal(day.end - day.start, 23 * HOUR_MS);
    const totals = minutesPerDay([day], dayList(zone, '2026-03-28', '2026-03-29', '2026-03-30'));
    assert.deepEqual(totals.map((d) => d.minutes), [0, 23 * 60, 0]);
  });

  it('Europe/Berlin 2026-10-25 lasts 25 hours: 01:30–03:30 local is three hours of coding', () => {
    const zone = 'Europe/Berlin';
    // 01:30 CEST = 23:30 UTC the day before; 03:30 CET = 02:30 UTC.
    const span = { start: Date.UTC(2026, 9, 24, 23, 30), end: Date.UTC(2026, 9, 25, 2, 30) };
    const totals = minutesPerDay([span], dayList(zone, '2026-10-24', '2026-10-25'));
    assert.deepEqual(totals.map((d) => d.minutes), [0, 180]);
    assert.equal(localDayInterval('2026-10-25', zone).end - localDayInterval('2026-10-25', zone).start, 25 * HOUR_MS);
  });

  it('America/New_York DST days, read from the store across writers', async () => {
    const zone = 'America/New_York';
    const march8 = startOfLocalDate('2026-03-08', zone);
    const nov1 = startOfLocalDate('2026-11-01', zone);
    const a = writerAt(dir.path, Date.UTC(2026, 10, 2, 12), 'host-1-aaa');
    const b = writerAt(dir.path, Date.UTC(2026, 10, 2, 12), 'host-2-bbb');
    // 00:00–04:00 local on 2026-03-08 is 3 real hours (02:00 does not exist); on 2026-11-01 it is 5.
    a.writer.appendSpans([{ start: march8, end: march8 + 3 * HOUR_MS }]);
    b.writer.appendSpans([{ start: march8 + HOUR_MS, end: march8 + 3 * HOUR_MS }, { start: nov1, end: nov1 + 5 * HOUR_MS }]);
    a.writer.appendSpans([{ start: nov1 + 4 * HOUR_MS, end: nov1 + 6 * HOUR_MS }]);
    a.writer.flush();
    b.writer.flush();
    const march = await readActivityPerLocalDay(dir.path, '2026-03-07', '2026-03-09', zone);
    assert.deepEqual(march.days.map((d) => d.minutes), [0, 180, 0]);
    const november = await readActivityPerLocalDay(dir.path, '2026-11-01', '2026-11-01', zone);
    assert.deepEqual(november.days, [{ date: '2026-11-01', minutes: 360, agentMinutes: 0, agents: {}, sources: { vscode: 360 }, characters: { typed: 0, pasted: 0, aiCompletion: 0, agent: 0 }, agentWriting: {} }]);
    assert.equal(november.totalMinutes, 360);
  });
});
