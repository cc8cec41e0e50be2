import * as assert from 'node:assert/strict';
import { parseMeetingMinutes, parseMeetingStart } from '../../../src/core/time/meetingStart';

const BERLIN = 'Europe/Berlin';
// Wednesday 6 March 2024, 16:00 in Berlin (UTC+1).
const NOW = Date.UTC(2024, 2, 6, 15, 0);

describe('Log a Meeting: the start and the length typed', () => {
  it('reads "N min ago" in its spellings', () => {
    for (const text of ['30 min ago', '30min ago', '30 m ago', '30 minutes ago', ' 30 Minute AGO ']) {
      assert.equal(parseMeetingStart(text, NOW, BERLIN), NOW - 30 * 60_000, text);
    }
    assert.equal(parseMeetingStart('0 min ago', NOW, BERLIN), NOW);
  });

  it('reads HH:MM as today in the zone, not in UTC', () => {
    assert.equal(parseMeetingStart('14:30', NOW, BERLIN), Date.UTC(2024, 2, 6, 13, 30));
    assert.equal(parseMeetingStart('9:05', NOW, BERLIN), Date.UTC(2024, 2, 6, 8, 5));
    assert.equal(parseMeetingStart('00:00', NOW, BERLIN), Date.UTC(2024, 2, 5, 23, 0));
    assert.equal(parseMeetingStart('14:30', NOW, 'America/New_York'), Date.UTC(2024, 2, 6, 19, 30));
  });

  it('takes today after a daylight-saving change by its own offset', () => {
    // Sunday 31 March 2024 in Berlin: 02:00 became 03:00 (UTC+2 from then on).
    const evening = Date.UTC(2024, 2, 31, 18, 0);
    assert.equal(parseMeetingStart('01:30', evening, BERLIN), Date.UTC(2024, 2, 31, 0, 30));
    assert.equal(parseMeetingStart('14:00', evening, BERLIN), Date.UTC(2024, 2, 31, 12, 0));
  });

  it('refuses anything else', () => {
    for (const text of ['', 'now', '24:00', '14:60', '14.30', '1430', '1000 min ago', 'min ago', '-5 min ago', '14:30 tomorrow']) {
      assert.equal(parseMeetingStart(text, NOW, BERLIN), undefined, JSON.stringify(text));
    }
  });

  it('takes a length of 1 to 1440 whole minutes', () => {
    assert.equal(parseMeetingMinutes('45'), 45);
    assert.equal(parseMeetingMinutes(' 1 '), 1);
    assert.equal(parseMeetingMinutes('1440'), 1440);
    for (const text of ['0', '1441', '', '1.5', '-5', '30m', '12345']) assert.equal(parseMeetingMinutes(text), undefined, JSON.stringify(text));
  });
});
