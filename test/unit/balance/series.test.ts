import * as assert from 'node:assert/strict';
import { dailySeries, weeklySeries } from '../../../src/core/balance/series';
import { at, span } from './helpers';

const BERLIN = 'Europe/Berlin';

describe('series', () => {
  const coding = [span('2026-03-28T23:00:00+01:00', '2026-03-29T01:00:00+01:00'), span('2026-03-30T09:00:00+02:00', '2026-03-30T10:00:00+02:00')];
  const meetings = [span('2026-03-30T09:30:00+02:00', '2026-03-30T10:30:00+02:00'), span('2026-03-30T15:00:00+02:00', '2026-03-30T16:00:00+02:00')];
  const now = at('2026-03-30T12:00:00+02:00');

  it('splits minutes per local day at local midnight and counts meetings only up to now', () => {
    const days = dailySeries({ coding, meetings, now, zone: BERLIN }, span('2026-03-28T00:00:00+01:00', '2026-03-31T00:00:00+02:00'));
    assert.deepEqual(days, [
      { date: '2026-03-28', codingMinutes: 60, meetingMinutes: 0, overlapMinutes: 0, handsOnPercent: 100, agentMinutes: 0, agents: {} },
      { date: '2026-03-29', codingMinutes: 60, meetingMinutes: 0, overlapMinutes: 0, handsOnPercent: 100, agentMinutes: 0, agents: {} },
      { date: '2026-03-30', codingMinutes: 60, meetingMinutes: 60, overlapMinutes: 30, handsOnPercent: 50, agentMinutes: 0, agents: {} },
    ]);
  });

  it('leaves the share of a day with neither coding nor meetings undefined', () => {
    const [day] = dailySeries({ coding, meetings, now, zone: BERLIN }, span('2026-03-27T00:00:00+01:00', '2026-03-28T00:00:00+01:00'));
    assert.deepEqual(day, { date: '2026-03-27', codingMinutes: 0, meetingMinutes: 0, overlapMinutes: 0, handsOnPercent: undefined, agentMinutes: 0, agents: {} });
  });

  it('gives 12 weeks oldest first with undefined share for empty weeks', () => {
    const weeks = weeklySeries({ coding, meetings, now, zone: BERLIN }, 'monday');
    assert.equal(weeks.length, 12);
    assert.equal(weeks[11]!.weekStart, '2026-03-30');
    assert.equal(weeks[10]!.weekStart, '2026-03-23');
    assert.equal(weeks[0]!.weekStart, '2026-01-12');
    assert.equal(weeks[11]!.handsOnPercent, 50);
    assert.equal(weeks[10]!.handsOnPercent, 100);
    assert.equal(weeks[10]!.codingMinutes, 120);
    assert.equal(weeks[0]!.handsOnPercent, undefined);
  });

  it('follows the week start setting', () => {
    const weeks = weeklySeries({ coding, meetings, now, zone: BERLIN }, 'sunday', 2);
    assert.deepEqual(weeks.map((w) => w.weekStart), ['2026-03-22', '2026-03-29']);
    assert.equal(weeks[1]!.codingMinutes, 120);
  });
});
