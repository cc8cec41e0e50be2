import * as assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { dailyCsv, dailyJson, dailyRows, focusBlocksIcs, FOCUS_SUMMARY, DAILY_COLUMNS } from '../../../src/core/dashboard/exports';
import { at, inputs, occurrence, span } from './builders';

const NOW = at('2026-03-25T16:00:00+01:00');

describe('dashboard exports', () => {
  describe('focus blocks as .ics', () => {
    const blocks = [span('2026-03-25T16:00:00+01:00', '2026-03-25T18:00:00+01:00'), span('2026-03-26T09:00:00+01:00', '2026-03-26T10:00:00+01:00')];

    it('parses back with ical.js into one opaque event per block, in UTC', () => {
      const calendar = new ICAL.Component(ICAL.parse(focusBlocksIcs(blocks, NOW)));
      assert.equal(calendar.name, 'vcalendar');
      assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
      assert.ok(String(calendar.getFirstPropertyValue('prodid')).includes('Hands-On'));
      const events = calendar.getAllSubcomponents('vevent');
      assert.equal(events.length, 2);
      const first = events[0]!;
      assert.equal(first.getFirstPropertyValue('summary'), FOCUS_SUMMARY);
      assert.equal(first.getFirstPropertyValue('summary'), 'Focus time (Hands-On)');
      assert.equal(first.getFirstPropertyValue('transp'), 'OPAQUE');
      const start = first.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = first.getFirstPropertyValue('dtend') as ICAL.Time;
      const stamp = first.getFirstPropertyValue('dtstamp') as ICAL.Time;
      assert.equal(start.toJSDate().getTime(), blocks[0]!.start);
      assert.equal(end.toJSDate().getTime(), blocks[0]!.end);
      assert.equal(stamp.toJSDate().getTime(), NOW);
      assert.equal(start.zone?.tzid, 'UTC');
      const uids = events.map((e) => e.getFirstPropertyValue('uid'));
      assert.equal(new Set(uids).size, 2);
    });

    it('writes UTC times, CRLF line endings and no line over 75 octets', () => {
      const text = focusBlocksIcs(blocks, NOW);
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
      assert.ok(text.endsWith('END:VCALENDAR\r\n'));
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      assert.ok(text.includes('DTSTART:20260325T150000Z\r\n'));
      assert.ok(text.includes('DTEND:20260325T170000Z\r\n'));
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    });

    it('gives a block the same UID every time, so importing twice updates instead of duplicating', () => {
      const a = new ICAL.Component(ICAL.parse(focusBlocksIcs(blocks, NOW))).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid');
      const b = new ICAL.Component(ICAL.parse(focusBlocksIcs(blocks, NOW + 3_600_000))).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid');
      assert.equal(a, b);
    });

    it('is a valid, empty calendar without blocks', () => {
      const calendar = new ICAL.Component(ICAL.parse(focusBlocksIcs([], NOW)));
      assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
    });
  });

  describe('daily data', () => {
    const data = inputs({
      now: NOW,
      coding: [span('2026-03-23T09:00:00+01:00', '2026-03-23T10:20:00+01:00')],
      occurrences: [occurrence('Sync', '2026-03-23T10:00:00+01:00', '2026-03-23T11:00:00+01:00')],
    });

    it('has one row per day of the range with the figures of the balance', () => {
      const rows = dailyRows(data, 'thisWeek');
      assert.equal(rows.length, 7);
      assert.deepEqual(rows[0], { date: '2026-03-23', codingMinutes: 80, meetingMinutes: 60, overlapMinutes: 20, handsOnPercent: 57.1 });
      assert.deepEqual(rows[1], { date: '2026-03-24', codingMinutes: 0, meetingMinutes: 0, overlapMinutes: 0, handsOnPercent: null });
      assert.equal(dailyRows(data, 'last4Weeks').length, 28);
    });

    it('writes CSV with a header and an empty share where there is none', () => {
      const csv = dailyCsv(dailyRows(data, 'thisWeek'));
      const lines = csv.split('\r\n');
      assert.equal(lines[0], DAILY_COLUMNS.join(','));
      assert.equal(lines[0], 'date,codingMinutes,meetingMinutes,overlapMinutes,handsOnPercent');
      assert.equal(lines[1], '2026-03-23,80,60,20,57.1');
      assert.equal(lines[2], '2026-03-24,0,0,0,');
      assert.equal(lines.length, 9, 'header, 7 days and the final empty string after the last CRLF');
    });

    it('writes JSON with every key on every day', () => {
      const parsed = JSON.parse(dailyJson(dailyRows(data, 'thisWeek'))) as { days: Record<string, unknown>[] };
      assert.equal(parsed.days.length, 7);
      for (const day of parsed.days) assert.deepEqual(Object.keys(day), [...DAILY_COLUMNS]);
      assert.equal(parsed.days[1]!.handsOnPercent, null);
    });
  });
});
