import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { startOfLocalDate } from '../../../src/core/time/localDays';
import { icsText } from '../../builders/icsBuilder';
import { writerAt } from '../../builders/journalBuilders';
import { useTempDir } from '../../builders/tempDir';

const ZONE = 'Europe/Berlin';

function captureIO(env: NodeJS.ProcessEnv): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env, now: () => Date.UTC(2026, 11, 3, 12) };
}

describe('cli: hands-on skills', () => {
  const dir = useTempDir();
  const home = useTempDir();

  beforeEach(() => {
    const { writer } = writerAt(dir.path, Date.UTC(2026, 11, 3, 12));
    const at = (date: string, hour: number) => startOfLocalDate(date, ZONE) + hour * HOUR_MS;
    writer.appendSpans([
      // Rust by hand in the spring, 15 hours, last on 9 March: fading.
      ...Array.from({ length: 5 }, (_, i) => ({ start: at(`2026-03-0${i + 5}`, 9), end: at(`2026-03-0${i + 5}`, 12), language: 'rust' })),
      // TypeScript by hand lately, and in another window at the same time (counted once).
      { start: at('2026-12-02', 9), end: at('2026-12-02', 11), language: 'typescript' },
      { start: at('2026-12-02', 10), end: at('2026-12-02', 11), language: 'markdown' },
      // Python only by an agent.
      { start: at('2026-11-20', 14), end: at('2026-11-20', 15), language: 'python', agent: 'claude-code', source: 'hook' },
      // No language: unknown.
      { start: at('2026-11-21', 14), end: at('2026-11-21', 14) + 30 * MINUTE_MS },
    ]);
    writer.appendCharacters([{ start: at('2026-12-02', 9), counts: { typed: 420, pasted: 0, aiCompletion: 0, agent: 0 }, language: 'typescript' }]);
    assert.ok(writer.flush().ok);
  });

  const skills = async (...args: string[]) => {
    const io = captureIO({ HOME: home.path, TZ: ZONE });
    const code = await main(['skills', '--data-dir', dir.path, ...args], io);
    return { code, io };
  };

  it('prints exactly the JSON the issue names', async () => {
    const { code, io } = await skills('--json', '--date', '2026-12-03');
    assert.equal(code, 0, io.stderr.join('\n'));
    const json = JSON.parse(io.stdout.join('')) as { languages: Record<string, unknown>[]; days: { date: string; handsOnMinutes: number }[] };
    assert.deepEqual(Object.keys(json), ['languages', 'days', 'months']);
    assert.deepEqual(json.languages[0], {
      language: 'rust',
      handsOnMinutes: 900,
      agentMinutes: 0,
      typedCharacters: 0,
      lastHandsOnDate: '2026-03-09',
      fading: true,
      delegated: false,
      monthlyHandsOnMinutes: [0, 0, 900, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    const byName = Object.fromEntries(json.languages.map((l) => [l.language, l]));
    assert.deepEqual(Object.keys(byName), ['rust', 'typescript', 'markdown', 'unknown', 'python']);
    assert.equal(byName.typescript!.typedCharacters, 420);
    assert.equal(byName.typescript!.fading, false);
    assert.deepEqual([byName.python!.agentMinutes, byName.python!.delegated, byName.python!.lastHandsOnDate], [60, true, null]);
    assert.equal(byName.unknown!.handsOnMinutes, 30);
    assert.equal(json.days.length, 337);
    assert.deepEqual(json.days.find((d) => d.date === '2026-12-02'), { date: '2026-12-02', handsOnMinutes: 120 });
  });

  it('prints one sentence per language', async () => {
    const { code, io } = await skills('--date', '2026-12-03');
    assert.equal(code, 0, io.stderr.join('\n'));
    const text = io.stdout.join('\n');
    assert.match(text, /^Skills, 1 Jan 2026 – 3 Dec 2026 \(Europe\/Berlin\): 18 h by hand, 1 h by agents\./);
    assert.match(text, /^Rust: 15 h by hand this year, none since 9 March\. Fading: not by hand in the last 90 days\.$/m);
    assert.match(text, /^TypeScript: 2 h by hand this year, last on 2 December\.$/m);
    assert.match(text, /^Python: nothing by hand this year; agents 1 h\. Delegated: agents did 100% of its time in the last 90 days\.$/m);
    assert.match(text, /^Unknown language: 30 min by hand this year, last on 21 November\.$/m);
  });

  it('takes --months and --tz, and today by default', async () => {
    const { io } = await skills('--json', '--months', '3', '--tz', 'UTC');
    const json = JSON.parse(io.stdout.join('')) as { languages: { language: string; monthlyHandsOnMinutes: number[] }[]; days: unknown[] };
    assert.deepEqual(json.languages.map((l) => l.language), ['typescript', 'markdown', 'unknown', 'python']);
    assert.equal(json.languages[0]!.monthlyHandsOnMinutes.length, 3);
    assert.equal(json.days.length, 30 + 31 + 3);
  });

  it('follows handsOn.skills.* from the VS Code settings', async () => {
    const user = path.join(home.path, '.config', 'Code', 'User');
    fs.mkdirSync(user, { recursive: true });
    fs.writeFileSync(path.join(user, 'settings.json'), '{"handsOn.skills.delegatedPercent": 100, "handsOn.skills.fadingDays": 365}');
    const io = captureIO({ HOME: home.path, TZ: ZONE });
    assert.equal(await main(['skills', '--data-dir', dir.path, '--json', '--date', '2026-12-03'], io), 0);
    const json = JSON.parse(io.stdout.join('')) as { languages: { language: string; fading: boolean; delegated: boolean }[] };
    const rust = json.languages.find((l) => l.language === 'rust')!;
    assert.equal(rust.fading, false);
    assert.equal(json.languages.find((l) => l.language === 'python')!.delegated, true);
  });

  it('refuses a bad --date, --months or --tz', async () => {
    for (const [args, message] of [
      [['--date', '2026-02-30'], /--date must be a date/],
      [['--months', '0'], /--months must be a whole number from 1 to 120/],
      [['--months', 'x'], /--months must be/],
      [['--tz', 'Mars/Base'], /is not a time zone/],
    ] as const) {
      const { code, io } = await skills(...args);
      assert.equal(code, 2);
      assert.match(io.stderr.join('\n'), message);
    }
  });

  describe('the monthly hands-on share against meetings', () => {
    type Month = { month: string; handsOnMinutes: number; meetingMinutes: number; handsOnShare: number | null };
    type Json = { days: { date: string; handsOnMinutes: number }[]; months: Month[] };
    const at = (date: string, hour: number) => startOfLocalDate(date, ZONE) + hour * HOUR_MS;

    beforeEach(() => {
      // Logged by hand on 2 December, while coding TypeScript: it counts in both figures, as in the balance.
      const { writer } = writerAt(dir.path, Date.UTC(2026, 11, 3, 12), 'b-1-x');
      assert.ok(writer.appendManualMeeting({ start: at('2026-12-02', 10), end: at('2026-12-02', 10) + 30 * MINUTE_MS }).ok);
    });

    function calendarFile(): string {
      const file = path.join(home.path, 'work.ics');
      fs.writeFileSync(
        file,
        icsText([
          { start: at('2026-03-05', 13), end: at('2026-03-05', 14), title: 'Planning' },
          // Overlaps the logged one: counted once.
          { start: at('2026-12-02', 10), end: at('2026-12-02', 11), title: 'Review' },
          // Today at 15:00 Berlin, after now (13:00): not counted yet.
          { start: at('2026-12-03', 15), end: at('2026-12-03', 16), title: 'Later' },
        ]),
      );
      return file;
    }

    it('gives each month its hands-on minutes, meeting minutes and share, one decimal, with the calendars report reads', async () => {
      const { code, io } = await skills('--json', '--calendar', calendarFile());
      assert.equal(code, 0, io.stderr.join('\n'));
      const json = JSON.parse(io.stdout.join('')) as Json;
      assert.deepEqual(
        json.months.map((m) => m.month),
        ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
      );
      const month = (name: string) => json.months.find((m) => m.month === name)!;
      assert.deepEqual(month('2026-03'), { month: '2026-03', handsOnMinutes: 900, meetingMinutes: 60, handsOnShare: Math.round((1000 * 900) / 960) / 10 });
      assert.deepEqual(month('2026-12'), { month: '2026-12', handsOnMinutes: 120, meetingMinutes: 60, handsOnShare: Math.round((1000 * 120) / 180) / 10 });
      assert.deepEqual(month('2026-04'), { month: '2026-04', handsOnMinutes: 0, meetingMinutes: 0, handsOnShare: null });
      // Each month's hands-on time is its days' in the heatmap.
      for (const m of json.months) {
        const days = json.days.filter((d) => d.date.startsWith(m.month)).reduce((sum, d) => sum + d.handsOnMinutes, 0);
        assert.equal(m.handsOnMinutes, Math.round(days * 10) / 10, m.month);
      }
    });

    it('prints the share of each month after the languages', async () => {
      const { io } = await skills('--calendar', calendarFile());
      assert.match(io.stdout.join('\n'), /^Hands-on share against meetings by month: Jan 2026 —, .*Mar 2026 94%, .*Dec 2026 67%\.$/m);
    });

    it('says when a calendar from the settings cannot be read, and counts the logged meetings only', async () => {
      const user = path.join(home.path, '.config', 'Code', 'User');
      fs.mkdirSync(user, { recursive: true });
      const missing = path.join(home.path, 'gone.ics');
      fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify({ 'handsOn.calendar.files': [missing] }));
      const { code, io } = await skills('--json');
      assert.equal(code, 0, io.stderr.join('\n'));
      assert.match(io.stderr.join('\n'), /hands-on skills: warning: calendar gone\.ics skipped/);
      const json = JSON.parse(io.stdout.join('')) as Json;
      assert.equal(json.months.find((m) => m.month === '2026-12')!.meetingMinutes, 30);
      assert.equal(json.months.find((m) => m.month === '2026-03')!.meetingMinutes, 0);
    });

    it('refuses a --calendar it cannot read', async () => {
      const { code, io } = await skills('--json', '--calendar', path.join(home.path, 'nothing-here.ics'));
      assert.equal(code, 2);
      assert.equal(io.stdout.length, 0);
      assert.match(io.stderr.join('\n'), /nothing-here\.ics/);
    });
  });
});
