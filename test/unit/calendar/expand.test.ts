import * as assert from 'node:assert/strict';
import { byTitle, iso, read } from './helpers';

describe('calendar expansion', () => {
  it('skips only the broken event when one line makes the file unparsable, and names it and its property', () => {
    const result = read('malformed-line.ics');
    assert.deepEqual(result.occurrences.map((o) => o.title).sort(), ['Fine one', 'Fine two', 'Stray lines']);
    assert.ok(result.warnings.some((w) => /^"Broken" \(UID broken\) skipped: its DTSTART /.test(w)), result.warnings.join('\n'));
  });

  it('never attaches an override to a series of another UID', () => {
    const result = read('cross-uid.ics');
    assert.equal(byTitle(result, 'A series').length, 3);
    assert.deepEqual(byTitle(result, 'B moved').map((o) => iso(o.start)), ['2024-03-05T15:00:00Z']);
  });

  it('maps Windows ids, Outlook labels, GMT offsets and IANA names in any case to the right instants', () => {
    const result = read('windows-tzids.ics');
    const start = (title: string) => iso(byTitle(result, title)[0]!.start);
    assert.equal(start('Windows id'), '2024-03-04T08:00:00Z');
    assert.equal(start('Pacific'), '2024-03-04T17:00:00Z');
    assert.equal(start('Legacy label'), '2024-03-04T14:00:00Z');
    assert.equal(start('GMT offset'), '2024-03-04T03:30:00Z');
    assert.equal(start('IANA lower'), '2024-03-04T14:00:00Z');
  });

  it('warns about a TZID it cannot resolve instead of silently using local time', () => {
    const result = read('windows-tzids.ics');
    assert.ok(result.warnings.some((w) => w.includes('Mars Standard Time')), result.warnings.join('\n'));
  });

  it('uses the file VTIMEZONE for "Customized Time Zone", and X-WR-TIMEZONE when it is undefined', () => {
    assert.equal(iso(read('customized-tz.ics').occurrences[0]!.start), '2024-03-04T06:00:00Z');
    const undefinedZone = read('customized-tz-undefined.ics', {}, 'Europe/Berlin');
    assert.equal(iso(undefinedZone.occurrences[0]!.start), '2024-03-04T00:00:00Z');
    assert.ok(undefinedZone.warnings.some((w) => w.includes('Customized Time Zone')));
  });

  it('prefers the in-file VTIMEZONE over the IANA zone of the same name (RFC 5545)', () => {
    assert.equal(iso(read('vtimezone-wins.ics').occurrences[0]!.start), '2024-03-04T08:00:00Z');
  });

  it('matches RECURRENCE-ID by instant, not by spelling (UTC vs TZID)', () => {
    const result = read('recurrence-id-utc.ics');
    assert.deepEqual(result.occurrences.map((o) => `${iso(o.start)} ${o.title}`), ['2024-03-04T08:00:00Z Series', '2024-03-05T14:00:00Z Moved', '2024-03-06T08:00:00Z Series']);
  });

  it('applies overrides that come before their master, and keeps overrides without a master', () => {
    const result = read('override-before-master.ics');
    assert.deepEqual(result.occurrences.map((o) => `${iso(o.start)} ${o.title}`), [
      '2024-03-04T09:00:00Z Series',
      '2024-03-05T16:00:00Z Moved first',
      '2024-03-06T09:00:00Z Series',
      '2024-03-06T11:00:00Z Orphan',
    ]);
  });

  it('shifts this and all following instances for RANGE=THISANDFUTURE', () => {
    const result = read('this-and-future.ics');
    assert.deepEqual(result.occurrences.map((o) => `${iso(o.start)} ${iso(o.end)}`), [
      '2024-03-04T09:00:00Z 2024-03-04T10:00:00Z',
      '2024-03-05T13:00:00Z 2024-03-05T13:30:00Z',
      '2024-03-06T13:00:00Z 2024-03-06T13:30:00Z',
      '2024-03-07T13:00:00Z 2024-03-07T13:30:00Z',
    ]);
  });

  it('expands RDATE;VALUE=PERIOD with its own end or duration', () => {
    const result = read('rdate-period.ics');
    assert.deepEqual(result.occurrences.map((o) => `${iso(o.start)} ${iso(o.end)}`), [
      '2024-03-04T09:00:00Z 2024-03-04T10:00:00Z',
      '2024-03-05T09:00:00Z 2024-03-05T12:00:00Z',
      '2024-03-06T09:00:00Z 2024-03-06T09:30:00Z',
    ]);
  });

  it('treats UNTIL as inclusive, compared as an instant', () => {
    assert.deepEqual(read('until-inclusive.ics').occurrences.map((o) => iso(o.start)), ['2024-03-04T08:00:00Z', '2024-03-05T08:00:00Z', '2024-03-06T08:00:00Z']);
  });

  it('reads BYDAY with stray spaces', () => {
    assert.deepEqual(read('byday-spaces.ics').occurrences.map((o) => iso(o.start)), ['2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z', '2024-03-06T09:00:00Z']);
  });

  it('uses DURATION when there is no DTEND', () => {
    const [only] = read('duration.ics').occurrences;
    assert.equal(only!.end - only!.start, 45 * 60_000);
  });

  it('removes EXDATEs written in UTC and in the TZID', () => {
    assert.deepEqual(read('exdate.ics').occurrences.map((o) => iso(o.start)), ['2024-03-04T08:00:00Z', '2024-03-07T08:00:00Z']);
  });

  it('keeps wall-clock time across a DST change', () => {
    assert.deepEqual(read('dst.ics').occurrences.map((o) => iso(o.start)), ['2024-03-08T14:00:00Z', '2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z', '2024-03-11T13:00:00Z'].filter((s) => s < '2024-03-11'));
  });

  it('reads floating times in the user zone', () => {
    assert.equal(iso(read('floating.ics', {}, 'Europe/Berlin').occurrences[0]!.start), '2024-03-04T08:00:00Z');
  });

  it('expands only the window and caps runaway rules with a warning', () => {
    const result = read('long-series.ics', {}, 'UTC', { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 2, 5) });
    assert.deepEqual(byTitle(result, 'Daily forever').map((o) => iso(o.start)), ['2024-03-04T09:00:00Z']);
    assert.equal(byTitle(result, 'Every minute').length, 0);
    assert.ok(result.warnings.some((w) => /cut after/.test(w)), result.warnings.join('\n'));
  });
});
