import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCalendar } from '../../src/core/calendar/readCalendar';
import { DEFAULT_RULES, type CalendarVerdicts } from '../../src/core/calendar/types';

// out/test/conformance → repo root is three levels up; the corpus sits next to the repo.
const repoRoot = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(repoRoot, '../shared/ics-corpus');
const WIDE = { from: Date.UTC(1990, 0, 1), to: Date.UTC(2031, 0, 1) };

function corpus(name: string, zone = 'UTC', window = WIDE): CalendarVerdicts {
  return readCalendar(fs.readFileSync(path.join(CORPUS, name), 'utf8'), { ...window, zone, rules: DEFAULT_RULES });
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const starts = (r: CalendarVerdicts, title: string) => r.occurrences.filter((o) => o.title.trim() === title).map((o) => iso(o.start));

if (!fs.existsSync(CORPUS)) {
  describe('ics corpus conformance', () => {
    it(`needs ${CORPUS}: the corpus folder is missing on this machine`, () => {
      // CI always has ../shared beside the clone: there a missing corpus is a failure, not a pass.
      if (process.env.CI) throw new Error(`the ics corpus is missing at ${CORPUS}`);
      console.warn(`[conformance] corpus not found at ${CORPUS}; CI provides it`);
    });
  });
} else {
  describe('ics corpus conformance', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ics'));

    it('has the 40 files of MANIFEST.tsv', () => {
      const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
      assert.deepEqual([...files].sort(), [...manifest].sort());
    });

    for (const file of files) {
      it(`reads ${file} without crashing`, () => {
        const result = corpus(file);
        assert.ok(Array.isArray(result.occurrences));
      });
    }

    it('parses files where one bad line made ical.js throw (per-VEVENT fallback)', () => {
      for (const file of ['exchange__many_windows_tzids.ics', 'exchange__tentative_w_europe.ics', 'google__biweekly_exdate_until.ics', 'google__mixed_windows_and_odd_tzids.ics']) {
        const result = corpus(file);
        assert.ok(result.occurrences.length > 0, file);
      }
    });

    it('keeps a series whose EXDATE is a bare date without VALUE=DATE (google__biweekly_exdate_until)', () => {
      const result = corpus('google__biweekly_exdate_until.ics');
      const series = starts(result, 'Example of exdate with bad times');
      assert.ok(series.includes('2017-08-14T14:00:00Z') && series.includes('2020-01-13T14:00:00Z'), series.slice(0, 5).join(' '));
      assert.ok(!result.warnings.some((w) => /skipped/.test(w)), result.warnings.join('\n'));
      assert.ok(result.warnings.some((w) => /dates without VALUE=DATE/.test(w)), result.warnings.join('\n'));
    });

    it('reads BYDAY with stray spaces (exchange_cdo__gmt_offset_tzid)', () => {
      assert.ok(corpus('exchange_cdo__gmt_offset_tzid.ics').occurrences.length > 1);
    });

    it('moves the all-day instance whose RECURRENCE-ID is a DATE-TIME in a Windows zone', () => {
      const days = starts(corpus('exchange__allday_moved_recurrence.ics'), 'Exchange Recurring Test').map((s) => s.slice(0, 10));
      assert.ok(!days.includes('2026-02-26'));
      assert.ok(days.includes('2026-02-27'));
    });

    it('emits all 3 orphan overrides of UID 2pf9lju10s6lg6vs2hcfsriv0l', () => {
      const result = corpus('google__recurring_many_overrides_212k.ics');
      assert.equal(result.occurrences.filter((o) => o.uid === '2pf9lju10s6lg6vs2hcfsriv0l@google.com').length, 3);
    });

    it('uses the in-file VTIMEZONE for TZID=Europe/lisbon (RFC 5545), not IANA Europe/Lisbon', () => {
      const window = { from: Date.UTC(2019, 11, 24), to: Date.UTC(2019, 11, 25) };
      const result = corpus('google__huge_personal_export_2010-2019.ics', 'UTC', window);
      assert.ok(result.occurrences.some((o) => iso(o.start) === '2019-12-24T13:30:00Z'), result.occurrences.map((o) => iso(o.start)).join(' '));
    });

    it('takes the union of two RRULEs (cyrus_fastmail__multiple_rrule)', () => {
      const got = starts(corpus('cyrus_fastmail__multiple_rrule.ics'), 'My repeating event');
      assert.equal(got.length, 22);
      assert.ok(got.includes('2023-02-13T10:00:00Z') && got.includes('2023-03-13T10:00:00Z'));
    });

    it('expands RDATE;VALUE=PERIOD (zimbra__recur_instances)', () => {
      const result = corpus('zimbra__recur_instances.ics');
      const period = result.occurrences.find((o) => iso(o.start) === '2023-11-25T09:00:00Z');
      assert.ok(period);
      assert.equal(iso(period.end), '2023-11-25T12:30:00Z');
    });

    it('maps TZIDs without VTIMEZONE to IANA zones (Windows ids, Outlook labels, IANA names)', () => {
      assert.deepEqual(starts(corpus('exchange__windows_tz_missing_vtimezone.ics'), 'Uffe'), ['2024-04-26T12:00:00Z']);
      const owa = corpus('exchange__owa_legacy_tz_labels.ics');
      assert.equal(starts(owa, 'TEST Syd')[0], '2020-10-28T02:30:00Z');
      assert.equal(starts(owa, 'TEST')[0], '2020-10-28T17:30:00Z');
      for (const file of ['apple_macos__tentative_cancelled.ics', 'synthetic_khal__attendee_partstat.ics', 'exchange__windows_tz_missing_vtimezone.ics', 'exchange__owa_legacy_tz_labels.ics']) {
        assert.ok(!corpus(file).warnings.some((w) => /unknown time zone/.test(w)), file);
      }
    });

    it('counts no meeting time in the public holidays feed, and keeps them as days off', () => {
      const result = corpus('google__public_holidays_allday.ics');
      assert.ok(result.occurrences.length > 100);
      assert.ok(result.occurrences.every((o) => !o.counted && o.reason === 'all-day'));
    });

    it('does not count cancelled instances (thunderbird__cancelled_instance, synthetic_khal__recurrence_cancelled)', () => {
      for (const file of ['thunderbird__cancelled_instance.ics', 'synthetic_khal__recurrence_cancelled.ics']) {
        assert.ok(corpus(file).occurrences.some((o) => o.reason === 'cancelled'), file);
      }
    });
  });
}
