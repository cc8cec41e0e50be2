import * as assert from 'node:assert/strict';
import type { ActivitySpan } from '../../../src/core/activity/activitySpan';
import type { CharacterBucket } from '../../../src/core/activity/characterCounts';
import { computeSkills, periodDays, recentRange, skillsRange, type LanguageSkill, type Skills } from '../../../src/core/skills/skills';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time/clock';
import { addLocalDays, localDayIntervals, startOfLocalDate } from '../../../src/core/time/localDays';

const ZONE = 'Europe/Berlin';
const DATE = '2026-12-03';

/** Local `HH:mm` on `date` in ZONE. */
function at(date: string, hour: number, minute = 0): number {
  return startOfLocalDate(date, ZONE) + hour * HOUR_MS + minute * MINUTE_MS;
}

function hands(date: string, hour: number, minutes: number, language?: string, more: Partial<ActivitySpan> = {}): ActivitySpan {
  const start = at(date, hour);
  return { start, end: start + minutes * MINUTE_MS, ...(language !== undefined && { language }), ...more };
}

function agent(date: string, hour: number, minutes: number, language?: string, name = 'claude-code'): ActivitySpan {
  return hands(date, hour, minutes, language, { agent: name });
}

function skillsOf(spans: ActivitySpan[], characters: CharacterBucket[] = [], options: Partial<Parameters<typeof computeSkills>[1]> = {}): Skills {
  return computeSkills({ spans, characters }, { date: DATE, zone: ZONE, ...options });
}

function lang(skills: Skills, language: string): LanguageSkill {
  const found = skills.languages.find((l) => l.language === language);
  assert.ok(found, `${language} is listed`);
  return found;
}

describe('skills: the period', () => {
  it('is the month of the date so far and the 11 before it, one monthly value each', () => {
    const skills = skillsOf([hands('2026-01-01', 0, 30, 'rust'), hands('2025-12-31', 23, 30, 'rust')]);
    assert.equal(skills.from, '2026-01-01');
    assert.deepEqual(skills.months, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    // The half hour on 31 December 2025 is before the period.
    assert.equal(lang(skills, 'rust').handsOnMinutes, 30);
    assert.deepEqual(lang(skills, 'rust').monthlyHandsOnMinutes, [30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(skills.days.length, 337);
    assert.equal(skills.days[0]!.date, '2026-01-01');
    assert.equal(skills.days[skills.days.length - 1]!.date, DATE);
  });

  it('takes --months across a year boundary, and nothing after the end of the date', () => {
    const { from, range } = skillsRange({ date: '2026-02-10', zone: ZONE, months: 3 });
    assert.equal(from, '2025-12-01');
    assert.equal(range.start, startOfLocalDate('2025-12-01', ZONE));
    assert.equal(range.end, startOfLocalDate('2026-02-11', ZONE));
    const skills = computeSkills({ spans: [hands('2026-02-10', 23, 30, 'go'), hands('2026-02-11', 0, 30, 'go')], characters: [] }, { date: '2026-02-10', zone: ZONE, months: 3 });
    assert.deepEqual(lang(skills, 'go').monthlyHandsOnMinutes, [0, 0, 30]);
  });

  it('splits days and months at the zone’s midnight, not UTC’s', () => {
    // 23:30–00:30 Berlin time on the night from 30 November to 1 December.
    const skills = skillsOf([{ start: at('2026-11-30', 23, 30), end: at('2026-12-01', 0, 30), language: 'go' }]);
    const day = (date: string) => skills.days.find((d) => d.date === date)!.handsOnMinutes;
    assert.equal(day('2026-11-30'), 30);
    assert.equal(day('2026-12-01'), 30);
    const monthly = lang(skills, 'go').monthlyHandsOnMinutes;
    assert.deepEqual(monthly.slice(10), [30, 30]);
    assert.equal(lang(skills, 'go').lastHandsOnDate, '2026-12-01');
  });

  it('gives the last day by hand in the zone: 00:30 in Tokyo is the day before in UTC', () => {
    const zone = 'Asia/Tokyo';
    const start = startOfLocalDate('2026-06-15', zone) + 30 * MINUTE_MS;
    const skills = computeSkills({ spans: [{ start, end: start + 10 * MINUTE_MS, language: 'rust' }], characters: [] }, { date: DATE, zone });
    assert.equal(new Date(start).toISOString().slice(0, 10), '2026-06-14');
    assert.equal(lang(skills, 'rust').lastHandsOnDate, '2026-06-15');
  });
});

describe('skills: the rules', () => {
  it('unions each language over windows and machines: overlapping spans count once', () => {
    const skills = skillsOf([hands('2026-11-02', 9, 60, 'rust', { source: 'vscode' }), { ...hands('2026-11-02', 9, 60, 'rust'), start: at('2026-11-02', 9, 30), end: at('2026-11-02', 10, 30) }, hands('2026-11-02', 9, 60, 'rust')]);
    assert.equal(lang(skills, 'rust').handsOnMinutes, 90);
    assert.equal(skills.handsOnMinutes, 90);
  });

  it('counts a minute with two languages in two windows for each language, but once in any total', () => {
    const skills = skillsOf([hands('2026-11-02', 9, 60, 'rust'), hands('2026-11-02', 9, 60, 'typescript')]);
    assert.equal(lang(skills, 'rust').handsOnMinutes, 60);
    assert.equal(lang(skills, 'typescript').handsOnMinutes, 60);
    assert.equal(skills.handsOnMinutes, 60);
    assert.equal(skills.days.find((d) => d.date === '2026-11-02')!.handsOnMinutes, 60);
  });

  it('shows history without a language as "unknown", never drops it', () => {
    const skills = skillsOf([hands('2026-11-02', 9, 45), agent('2026-11-02', 11, 15)], [{ start: at('2026-11-02', 9), counts: { typed: 300, pasted: 0, aiCompletion: 0, agent: 0 } }]);
    const unknown = lang(skills, 'unknown');
    assert.equal(unknown.handsOnMinutes, 45);
    assert.equal(unknown.agentMinutes, 15);
    assert.equal(unknown.typedCharacters, 300);
  });

  it('never counts an agent minute in which the user did anything, in any language', () => {
    const skills = skillsOf([hands('2026-11-02', 9, 60, 'rust'), agent('2026-11-02', 9, 120, 'typescript'), agent('2026-11-02', 10, 30, 'typescript', 'codex')]);
    assert.equal(lang(skills, 'typescript').agentMinutes, 60);
    assert.equal(lang(skills, 'typescript').handsOnMinutes, 0);
    assert.equal(skills.agentMinutes, 60);
  });

  it('sums typed characters per language within the period only', () => {
    const bucket = (date: string, language: string | undefined, typed: number): CharacterBucket => ({
      start: at(date, 9),
      counts: { typed, pasted: 5, aiCompletion: 0, agent: 0 },
      ...(language !== undefined && { language }),
    });
    const skills = skillsOf([], [bucket('2026-11-02', 'rust', 100), bucket('2026-11-03', 'rust', 50), bucket('2025-11-03', 'rust', 1000), bucket('2026-11-03', 'go', 7)]);
    assert.equal(lang(skills, 'rust').typedCharacters, 150);
    assert.equal(lang(skills, 'go').typedCharacters, 7);
    assert.equal(lang(skills, 'rust').handsOnMinutes, 0);
  });

  it('orders languages by hands-on time, then agent time, then name', () => {
    const skills = skillsOf([hands('2026-11-02', 9, 10, 'b'), hands('2026-11-02', 10, 30, 'a'), agent('2026-11-02', 12, 5, 'c'), hands('2026-11-02', 13, 10, 'a2')]);
    assert.deepEqual(skills.languages.map((l) => l.language), ['a', 'a2', 'b', 'c']);
  });
});

describe('skills: fading', () => {
  const lastByHand = (daysBefore: number) => skillsOf([hands('2026-02-02', 9, 600, 'rust'), hands(addLocalDays(DATE, -daysBefore), 23, 59, 'rust')]);

  it('is fading when the last day by hand is 90 days before the date (the window is the 90 days to the date)', () => {
    const rust = lang(lastByHand(90), 'rust');
    assert.equal(rust.lastHandsOnDate, '2026-09-04');
    assert.equal(rust.fading, true);
  });

  it('is not fading when the last day by hand is 89 days before the date', () => {
    const rust = lang(lastByHand(89), 'rust');
    assert.equal(rust.lastHandsOnDate, '2026-09-05');
    assert.equal(rust.fading, false);
    assert.deepEqual(recentRange(DATE, ZONE, 90), { start: startOfLocalDate('2026-09-05', ZONE), end: startOfLocalDate('2026-12-04', ZONE) });
  });

  it('follows handsOn.skills.fadingDays', () => {
    assert.equal(lang(skillsOf([hands(addLocalDays(DATE, -30), 9, 60, 'rust')], [], { fadingDays: 30 }), 'rust').fading, true);
    assert.equal(lang(skillsOf([hands(addLocalDays(DATE, -29), 9, 60, 'rust')], [], { fadingDays: 30 }), 'rust').fading, false);
  });

  it('is never fading without hands-on time in the period (agents only)', () => {
    assert.equal(lang(skillsOf([agent('2026-02-02', 9, 60, 'rust')]), 'rust').fading, false);
  });
});

describe('skills: delegated', () => {
  const recent = (handsMinutes: number, agentMinutes: number, percent?: number) =>
    lang(skillsOf([hands('2026-11-02', 9, handsMinutes, 'go'), agent('2026-11-03', 9, agentMinutes, 'go')], [], percent === undefined ? {} : { delegatedPercent: percent }), 'go');

  it('is delegated when agents did exactly 80 % of the recent time', () => {
    const go = recent(20, 80);
    assert.equal(go.delegated, true);
    assert.equal(go.recentAgentMinutes, 80);
    assert.equal(go.recentHandsOnMinutes, 20);
  });

  it('is not delegated just below 80 %', () => {
    assert.equal(recent(21, 79).delegated, false);
  });

  it('follows handsOn.skills.delegatedPercent', () => {
    assert.equal(recent(40, 60, 60).delegated, true);
    assert.equal(recent(40, 60, 61).delegated, false);
  });

  it('looks only at the recent window: agent work before it does not count', () => {
    const go = lang(skillsOf([hands('2026-11-02', 9, 10, 'go'), agent('2026-03-03', 9, 600, 'go')]), 'go');
    assert.equal(go.agentMinutes, 600);
    assert.equal(go.delegated, false);
  });

  it('is delegated and fading when only agents worked in it lately', () => {
    const go = lang(skillsOf([hands('2026-03-02', 9, 60, 'go'), agent('2026-11-03', 9, 60, 'go')]), 'go');
    assert.equal(go.delegated, true);
    assert.equal(go.fading, true);
  });
});

describe('skills: the days of the period', () => {
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Africa/Casablanca', 'Asia/Kolkata', 'UTC', 'Pacific/Apia']) {
    it(`are the zone's local days, DST changes included (${zone})`, () => {
      for (const [from, to] of [
        ['2019-01-01', '2021-12-31'],
        ['2026-03-17', '2026-04-02'],
        ['2026-10-16', '2026-10-16'],
      ] as const) {
        assert.deepEqual(periodDays(from, to, zone), localDayIntervals(from, to, zone), `${from}..${to}`);
      }
    });
  }
});
