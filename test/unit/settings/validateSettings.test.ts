import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, NUMBER_RANGES, SETTING_DEFAULTS, SETTING_KEYS } from '../../../src/core/settings/settings';
import { validateSettings } from '../../../src/core/settings/validateSettings';

function validate(values: Record<string, unknown>) {
  return validateSettings((key) => values[key]);
}

function problemKeys(values: Record<string, unknown>): string[] {
  return validate(values).problems.map((p) => p.key);
}

describe('validateSettings', () => {
  it('returns the defaults without problems when nothing is set', () => {
    const { settings, problems } = validate({});
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('accepts the defaults as explicit values without problems', () => {
    const { settings, problems } = validateSettings((key) => SETTING_DEFAULTS[key]);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('lists every key once, with a default, and a range for every numeric one', () => {
    assert.equal(new Set(SETTING_KEYS).size, SETTING_KEYS.length);
    assert.equal(SETTING_KEYS.length, 23);
    for (const key of Object.keys(NUMBER_RANGES)) assert.equal(typeof SETTING_DEFAULTS[key], 'number', key);
  });

  it('keeps the default break and exclude keywords apart (a title matching both would be a break)', () => {
    const lower = (list: readonly string[]) => list.map((k) => k.toLowerCase());
    const breaks = lower(DEFAULT_SETTINGS.calendar.breakKeywords);
    assert.deepEqual(breaks, ['lunch', 'break', 'ooo', 'out of office']);
    assert.deepEqual(lower(DEFAULT_SETTINGS.calendar.excludeKeywords).filter((k) => breaks.some((b) => b.includes(k) || k.includes(b))), []);
  });

  it('keeps valid values as they are', () => {
    const { settings, problems } = validate({
      period: 'rolling7',
      weekStartsOn: 'sunday',
      targetPercent: 55.5,
      minCodingHoursPerWeek: 10,
      workDays: ['sun', 'mon'],
      workHours: { start: '08:30', end: '24:00' },
      'statusBar.format': 'icon',
      'nudge.enabled': false,
      'calendar.files': ['/home/me/cal.ics', 'C:\\cal\\work.ics'],
      dataDirectory: '/srv/hands-on',
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.period, 'rolling7');
    assert.equal(settings.targetPercent, 55.5);
    assert.deepEqual(settings.workDays, ['mon', 'sun']);
    assert.deepEqual(settings.workHours, { start: '08:30', end: '24:00' });
    assert.equal(settings.statusBar.format, 'icon');
    assert.equal(settings.nudge.enabled, false);
    assert.deepEqual(settings.calendar.files, ['/home/me/cal.ics', 'C:\\cal\\work.ics']);
  });

  describe('numbers', () => {
    const cases: [unknown, number][] = [
      ['25', 25],
      [' 60 ', 60],
      [-5, 0],
      [1e9, 100],
      [Infinity, 100],
      [-Infinity, 0],
      [NaN, 40],
      [null, 40],
      [{ value: 50 }, 40],
      [[50], 40],
      ['forty', 40],
      ['', 40],
      [true, 40],
    ];
    for (const [raw, expected] of cases) {
      it(`targetPercent ${String(JSON.stringify(raw) ?? raw)} → ${expected} with one problem naming the setting`, () => {
        const { settings, problems } = validate({ targetPercent: raw });
        assert.equal(settings.targetPercent, expected);
        assert.equal(problems.length, 1);
        assert.equal(problems[0]!.key, 'handsOn.targetPercent');
        assert.match(problems[0]!.message, /^handsOn\.targetPercent: .*using.*\b/);
        assert.ok(problems[0]!.message.includes(String(expected)), problems[0]!.message);
      });
    }

    it('rounds whole-minute settings and clamps them to their ranges', () => {
      const { settings, problems } = validate({ focusBlockMinutes: 90.4, idleTimeoutMinutes: 0, 'calendar.refreshMinutes': 99999, 'nudge.minHoursBetween': -1 });
      assert.equal(settings.focusBlockMinutes, 90);
      assert.equal(settings.idleTimeoutMinutes, 1);
      assert.equal(settings.calendar.refreshMinutes, 1440);
      assert.equal(settings.nudge.minHoursBetween, 1);
      assert.deepEqual(problems.map((p) => p.key).sort(), ['handsOn.calendar.refreshMinutes', 'handsOn.focusBlockMinutes', 'handsOn.idleTimeoutMinutes', 'handsOn.nudge.minHoursBetween']);
    });

    it('clamps a huge weekly minimum to 80 hours', () => {
      assert.equal(validate({ minCodingHoursPerWeek: 1000 }).settings.minCodingHoursPerWeek, 80);
    });
  });

  describe('enums and booleans', () => {
    it('fixes the case of an enum value and reports it', () => {
      const { settings, problems } = validate({ period: 'Week', weekStartsOn: 'SUNDAY' });
      assert.equal(settings.period, 'week');
      assert.equal(settings.weekStartsOn, 'sunday');
      assert.equal(problems.length, 2);
    });

    it('replaces unknown enum values by the default', () => {
      const { settings } = validate({ period: 'month', 'statusBar.format': 42, weekStartsOn: null });
      assert.equal(settings.period, 'week');
      assert.equal(settings.statusBar.format, 'percent');
      assert.equal(settings.weekStartsOn, 'monday');
      assert.deepEqual(problemKeys({ period: 'month', 'statusBar.format': 42, weekStartsOn: null }), ['handsOn.period', 'handsOn.weekStartsOn', 'handsOn.statusBar.format']);
    });

    it('reads "true"/"false" text as booleans and anything else as the default', () => {
      const { settings, problems } = validate({ 'nudge.enabled': 'false', recordProjectNames: 0, 'calendar.countTentative': {} });
      assert.equal(settings.nudge.enabled, false);
      assert.equal(settings.recordProjectNames, true);
      assert.equal(settings.calendar.countTentative, true);
      assert.equal(problems.length, 3);
    });
  });

  describe('workDays', () => {
    it('drops junk entries, normalises names, removes duplicates and orders Monday first', () => {
      const { settings, problems } = validate({ workDays: ['fri', 'Monday', 7, null, 'mon', 'funday', 'SAT'] });
      assert.deepEqual(settings.workDays, ['mon', 'fri', 'sat']);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.key, 'handsOn.workDays');
      assert.match(problems[0]!.message, /7.*null.*"funday"/);
    });

    for (const raw of [[], ['x', 3], 'mon,tue', null, { mon: true }]) {
      it(`falls back to Monday–Friday for ${JSON.stringify(raw)}`, () => {
        const { settings, problems } = validate({ workDays: raw });
        assert.deepEqual(settings.workDays, ['mon', 'tue', 'wed', 'thu', 'fri']);
        assert.deepEqual(problems.map((p) => p.key), ['handsOn.workDays']);
      });
    }
  });

  describe('workHours', () => {
    it('accepts 24:00 as the end and re-spells 9:00 without a problem', () => {
      const { settings, problems } = validate({ workHours: { start: '9:00', end: '24:00' } });
      assert.deepEqual(settings.workHours, { start: '09:00', end: '24:00' });
      assert.deepEqual(problems, []);
    });

    const bad: [unknown, { start: string; end: string }][] = [
      [{ start: '25:00', end: '18:00' }, { start: '09:00', end: '18:00' }],
      [{ start: '07:00', end: '18:61' }, { start: '07:00', end: '18:00' }],
      [{ start: '24:00', end: '24:00' }, { start: '09:00', end: '24:00' }],
      [{ start: '18:00', end: '09:00' }, { start: '09:00', end: '18:00' }],
      [{ start: '10:00', end: '10:00' }, { start: '09:00', end: '18:00' }],
      [{ start: '07:00' }, { start: '07:00', end: '18:00' }],
      [{ start: 9, end: 17 }, { start: '09:00', end: '18:00' }],
      ['09:00-18:00', { start: '09:00', end: '18:00' }],
      [null, { start: '09:00', end: '18:00' }],
      [['09:00', '18:00'], { start: '09:00', end: '18:00' }],
    ];
    for (const [raw, expected] of bad) {
      it(`${JSON.stringify(raw)} → ${expected.start}–${expected.end} with one problem`, () => {
        const { settings, problems } = validate({ workHours: raw });
        assert.deepEqual(settings.workHours, expected);
        assert.deepEqual(problems.map((p) => p.key), ['handsOn.workHours']);
        assert.ok(problems[0]!.message.includes(`${expected.start}–${expected.end}`), problems[0]!.message);
      });
    }

    it('never yields an end at or before the start', () => {
      const { settings } = validate({ workHours: { start: '23:59', end: '20:00' } });
      assert.ok(settings.workHours.end > settings.workHours.start);
    });
  });

  describe('calendar lists and paths', () => {
    it('keeps valid emails in lower case and drops junk with a problem', () => {
      const { settings, problems } = validate({ 'calendar.myEmails': ['Me@Example.com', 'not-an-email', 5, ' me@example.com '] });
      assert.deepEqual(settings.calendar.myEmails, ['me@example.com']);
      assert.deepEqual(problems.map((p) => p.key), ['handsOn.calendar.myEmails']);
    });

    it('allows an empty keyword list (the user counts everything) but drops blank keywords', () => {
      assert.deepEqual(validate({ 'calendar.excludeKeywords': [] }).settings.calendar.excludeKeywords, []);
      assert.deepEqual(validate({ 'calendar.breakKeywords': [] }).settings.calendar.breakKeywords, []);
      const breaks = validate({ 'calendar.breakKeywords': [' Siesta ', '', 7] });
      assert.deepEqual(breaks.settings.calendar.breakKeywords, ['Siesta']);
      assert.deepEqual(breaks.problems.map((p) => p.key), ['handsOn.calendar.breakKeywords']);
      assert.deepEqual(validate({ 'calendar.breakKeywords': 'Lunch' }).settings.calendar.breakKeywords, ['Lunch', 'Break', 'OOO', 'Out of office']);
      const { settings, problems } = validate({ 'calendar.excludeKeywords': ['  ', 'Lunch', {}] });
      assert.deepEqual(settings.calendar.excludeKeywords, ['Lunch']);
      assert.equal(problems.length, 1);
    });

    it('drops relative calendar files and names them', () => {
      const { settings, problems } = validate({ 'calendar.files': ['cal.ics', '/abs/cal.ics', '../x.ics'] });
      assert.deepEqual(settings.calendar.files, ['/abs/cal.ics']);
      assert.deepEqual(problems.map((p) => p.key), ['handsOn.calendar.files']);
      assert.match(problems[0]!.message, /"cal\.ics".*"\.\.\/x\.ics"/);
    });

    it('uses the default data directory for a relative or non-string value', () => {
      assert.equal(validate({ dataDirectory: 'data' }).settings.dataDirectory, '');
      assert.equal(validate({ dataDirectory: 42 }).settings.dataDirectory, '');
      assert.deepEqual(problemKeys({ dataDirectory: 'data' }), ['handsOn.dataDirectory']);
      assert.deepEqual(problemKeys({ dataDirectory: '' }), []);
    });
  });

  it('survives a reader that throws and reports each setting once', () => {
    const { settings, problems } = validateSettings(() => {
      throw new Error('boom');
    });
    assert.equal(settings.targetPercent, 40);
    assert.equal(new Set(problems.map((p) => p.key)).size, problems.length);
    assert.equal(problems.length, SETTING_KEYS.length);
  });

  it('keeps at most one problem per setting even for many faults in one value', () => {
    const { problems } = validate({ workHours: { start: 'x', end: 'y' }, workDays: [1, 2, 3] });
    assert.deepEqual(problems.map((p) => p.key), ['handsOn.workDays', 'handsOn.workHours']);
  });
});
