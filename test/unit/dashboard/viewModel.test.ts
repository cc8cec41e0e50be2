import * as assert from 'node:assert/strict';
import { computeBalance } from '../../../src/core/balance/computeBalance';
import { meetingIntervals } from '../../../src/core/calendar/meetingTime';
import { clip } from '../../../src/core/time/interval';
import { buildDashboardViewModel, dashboardLoad } from '../../../src/core/dashboard/viewModel';
import { reasonText } from '../../../src/core/dashboard/parts';
import { MAX_MEETINGS } from '../../../src/core/dashboard/tabs/meetings';
import { MAX_SHARES } from '../../../src/core/dashboard/tabs/breakdown';
import { TAB_BUILDERS, type DashboardTab } from '../../../src/core/dashboard/tabs/registry';
import { focusBlocksAhead, focusBlocksLoadRange } from '../../../src/core/balance/focusBlocksAhead';
import { summaryLoadRange, summaryMarkdown } from '../../../src/core/report/summary';
import { formatStatusText } from '../../../src/core/status/statusText';
import { dashboardRange, previousDashboardRange, weeksRange } from '../../../src/core/balance/periods';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { at, BERLIN, dashboardView, inputs, occurrence, span } from './builders';
import type { Reason } from '../../../src/core/calendar/types';

// Wednesday 25 March 2026, 16:00 in Berlin (CET, the week before the DST change on Sunday 29 March).
const NOW = at('2026-03-25T16:00:00+01:00');

const thisWeek = {
  coding: [span('2026-03-23T09:00:00+01:00', '2026-03-23T11:00:00+01:00'), span('2026-03-25T14:00:00+01:00', '2026-03-25T15:00:00+01:00')],
  occurrences: [
    occurrence('Planning', '2026-03-24T10:00:00+01:00', '2026-03-24T12:00:00+01:00'),
    occurrence('1:1', '2026-03-25T10:00:00+01:00', '2026-03-25T11:30:00+01:00'),
    occurrence('Tomorrow sync', '2026-03-26T10:00:00+01:00', '2026-03-26T11:00:00+01:00'),
    occurrence('Skipped review', '2026-03-24T14:00:00+01:00', '2026-03-24T15:00:00+01:00', 'declined'),
    occurrence('Lunch', '2026-03-25T12:00:00+01:00', '2026-03-25T13:00:00+01:00', 'excluded-keyword'),
  ],
};

const lastWeek = {
  coding: [span('2026-03-17T09:00:00+01:00', '2026-03-17T12:00:00+01:00')],
  occurrences: [occurrence('Old meeting', '2026-03-18T10:00:00+01:00', '2026-03-18T11:00:00+01:00')],
};

function fixture(extra: Parameters<typeof inputs>[0] = {}) {
  return inputs({ now: NOW, coding: [...lastWeek.coding, ...thisWeek.coding], occurrences: [...lastWeek.occurrences, ...thisWeek.occurrences], ...extra });
}

describe('dashboard view-model', () => {
  describe('ranges', () => {
    it('shows the seven days of this week, Monday first', () => {
      const model = dashboardView(fixture(), 'thisWeek');
      assert.deepEqual(
        model.overview.daily.map((d) => d.date),
        ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29'],
      );
      assert.equal(model.overview.daily[0]!.label, 'Mon 23 Mar');
      assert.equal(model.rangeLabel, 'This week');
    });

    it('shows last week, 4 weeks and 12 weeks as whole weeks ending with the right one', () => {
      const last = dashboardView(fixture(), 'lastWeek');
      assert.equal(last.overview.daily[0]!.date, '2026-03-16');
      assert.equal(last.overview.daily.length, 7);
      const four = dashboardView(fixture(), 'last4Weeks');
      assert.equal(four.overview.daily.length, 28);
      assert.equal(four.overview.daily[0]!.date, '2026-03-02');
      assert.equal(four.overview.daily.at(-1)!.date, '2026-03-29');
      const twelve = dashboardView(fixture(), 'last12Weeks');
      assert.equal(twelve.overview.daily.length, 84);
      assert.equal(twelve.overview.daily[0]!.date, '2026-01-05');
    });

    it('starts weeks on handsOn.weekStartsOn', () => {
      const model = dashboardView(fixture({ settings: { weekStartsOn: 'sunday' } }), 'thisWeek');
      assert.equal(model.overview.daily[0]!.date, '2026-03-22');
      assert.equal(model.overview.weekly.at(-1)!.weekStart, '2026-03-22');
    });

    it('compares with the period of the same length just before', () => {
      assert.deepEqual(previousDashboardRange('thisWeek', NOW, BERLIN, 'monday'), span('2026-03-16T00:00:00+01:00', '2026-03-23T00:00:00+01:00'));
      assert.deepEqual(previousDashboardRange('lastWeek', NOW, BERLIN, 'monday'), span('2026-03-09T00:00:00+01:00', '2026-03-16T00:00:00+01:00'));
      assert.deepEqual(previousDashboardRange('last4Weeks', NOW, BERLIN, 'monday'), span('2026-02-02T00:00:00+01:00', '2026-03-02T00:00:00+01:00'));
    });

    it('loads the range and the one before it (the header), and what the shown tab reads besides', () => {
      const endOfWeek = at('2026-03-30T00:00:00+02:00');
      // The weekly chart's 12 weeks, or the 12 weeks before the last 12 that the header compares with.
      assert.deepEqual(dashboardLoad('thisWeek', 'overview', NOW, BERLIN, 'monday'), { range: { start: weeksRange(NOW, BERLIN, 'monday', 12).start, end: endOfWeek } });
      assert.deepEqual(dashboardLoad('last12Weeks', 'overview', NOW, BERLIN, 'monday'), { range: { start: previousDashboardRange('last12Weeks', NOW, BERLIN, 'monday').start, end: endOfWeek } });
      // The Focus and Meetings tabs read the range only.
      assert.deepEqual(dashboardLoad('thisWeek', 'focus', NOW, BERLIN, 'monday'), { range: span('2026-03-16T00:00:00+01:00', '2026-03-30T00:00:00+02:00') });
      assert.deepEqual(dashboardLoad('lastWeek', 'meetings', NOW, BERLIN, 'monday'), { range: span('2026-03-09T00:00:00+01:00', '2026-03-23T00:00:00+01:00') });
      // Today's tab reads today and the rest of the week, whatever the range.
      assert.deepEqual(dashboardLoad('lastWeek', 'today', NOW, BERLIN, 'monday'), { range: span('2026-03-09T00:00:00+01:00', '2026-03-30T00:00:00+02:00') });
      // Only the breakdown tab has coding broken down by workspace and language, over the range.
      assert.deepEqual(dashboardLoad('thisWeek', 'breakdown', NOW, BERLIN, 'monday'), {
        range: span('2026-03-16T00:00:00+01:00', '2026-03-30T00:00:00+02:00'),
        breakdownRange: span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'),
      });
    });

    it('builds the header and the one tab asked for, from the span that tab loads', () => {
      for (const tab of Object.keys(TAB_BUILDERS) as DashboardTab[]) {
        const load = dashboardLoad('thisWeek', tab, NOW, BERLIN, 'monday');
        // As the host reads it: only the coding and the events of the span loaded.
        const all = fixture({ coding: [span('2026-02-17T09:00:00+01:00', '2026-02-17T11:00:00+01:00'), ...lastWeek.coding, ...thisWeek.coding] });
        const loaded = { ...all, range: load.range, breakdownRange: load.breakdownRange, coding: clip(all.coding, load.range), occurrences: all.occurrences.filter((o) => o.end > load.range.start && o.start < load.range.end) };
        const model = buildDashboardViewModel(loaded, 'thisWeek', tab);
        assert.deepEqual(Object.keys(model), ['header', 'tab']);
        assert.equal(model.tab.id, tab);
        // What the tab shows from its own load is what it shows from a load of everything.
        assert.deepEqual(model, buildDashboardViewModel({ ...all, breakdownRange: load.breakdownRange }, 'thisWeek', tab), tab);
      }
    });

    it('lets each command load only the span it needs', () => {
      assert.deepEqual(focusBlocksLoadRange(NOW, BERLIN, 'monday'), { start: NOW, end: at('2026-03-30T00:00:00+02:00') });
      const settings = { ...DEFAULT_SETTINGS, weekStartsOn: 'monday' as const };
      assert.deepEqual(summaryLoadRange(NOW, BERLIN, { ...settings, period: 'week' }), span('2026-03-16T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      // A day's summary still lists the free blocks up to the end of the week.
      assert.deepEqual(summaryLoadRange(NOW, BERLIN, { ...settings, period: 'day' }), span('2026-03-24T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      assert.deepEqual(summaryLoadRange(NOW, BERLIN, { ...settings, period: 'rolling7' }), { start: NOW - 14 * 86_400_000, end: at('2026-03-30T00:00:00+02:00') });
    });

    it('shapes the ranges as whole weeks ending with this week or the one before', () => {
      assert.deepEqual(dashboardRange('thisWeek', NOW, BERLIN, 'monday'), span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      assert.deepEqual(dashboardRange('lastWeek', NOW, BERLIN, 'monday'), span('2026-03-16T00:00:00+01:00', '2026-03-23T00:00:00+01:00'));
      assert.deepEqual(dashboardRange('last4Weeks', NOW, BERLIN, 'monday'), span('2026-03-02T00:00:00+01:00', '2026-03-30T00:00:00+02:00'));
      assert.deepEqual(previousDashboardRange('last12Weeks', NOW, BERLIN, 'monday'), weeksRange(NOW, BERLIN, 'monday', 12, 12));
    });
  });

  describe('headline', () => {
    it('has the same share, hours and overlap as the balance and the status bar', () => {
      const data = fixture();
      const model = dashboardView(data, 'thisWeek');
      // Coding 3 h; meetings so far 2 h + 1.5 h (tomorrow's is ahead, the declined and the lunch never count).
      assert.equal(model.headline.codingMinutes, 180);
      assert.equal(model.headline.meetingMinutes, 210);
      assert.equal(model.headline.codingText, '3h');
      assert.equal(model.headline.meetingText, '3h30m');
      const balance = computeBalance({ coding: data.coding, meetings: meetingIntervals(data.occurrences), period: span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), now: NOW, settings: data.settings, zone: BERLIN });
      assert.equal(model.headline.handsOnPercent, balance.handsOnPercent);
      assert.equal(`$(code) ${model.headline.handsOnText} hands-on`, formatStatusText(balance, 'percent'));
      assert.equal(model.headline.handsOnText, '46%');
      assert.equal(model.headline.targetText, '40%');
      assert.equal(model.headline.belowTarget, false);
      assert.equal(model.headline.statusText, 'on target');
    });

    it('reports the change against the previous period in whole points', () => {
      const model = dashboardView(fixture(), 'thisWeek');
      // Last week: 3 h coding, 1 h meetings = 75 %; this week 46 %.
      assert.equal(model.headline.previous.handsOnText, '75%');
      assert.equal(model.headline.changePoints, -29);
      assert.equal(model.headline.changeText, '−29 pts vs last week (75%)');
    });

    it('says "—" when there is nothing to compare', () => {
      const model = dashboardView(fixture(), 'lastWeek');
      assert.equal(model.headline.handsOnText, '75%');
      assert.equal(model.headline.changePoints, null);
      assert.match(model.headline.changeText, /^— vs the week before/);
      const empty = dashboardView(inputs({ now: NOW }), 'thisWeek');
      assert.equal(empty.headline.handsOnText, '—');
      assert.equal(empty.headline.statusText, 'no data yet');
    });

    it('reports coding during a meeting as overlap, counted in both', () => {
      const model = dashboardView(fixture({ coding: [span('2026-03-24T11:00:00+01:00', '2026-03-24T13:00:00+01:00')] }), 'thisWeek');
      assert.equal(model.headline.overlapMinutes, 60);
      assert.equal(model.headline.codingMinutes, 120);
      assert.equal(model.overview.daily[1]!.overlapMinutes, 60);
    });

    it('is below target when the share is', () => {
      const model = dashboardView(fixture({ settings: { targetPercent: 60 } }), 'thisWeek');
      assert.equal(model.headline.belowTarget, true);
      assert.equal(model.headline.statusText, 'below target');
    });
  });

  describe('daily and weekly series', () => {
    it('gives each day its coding, meetings and the coding the target asks of that day', () => {
      const model = dashboardView(fixture(), 'thisWeek');
      const tuesday = model.overview.daily[1]!;
      assert.equal(tuesday.codingMinutes, 0);
      assert.equal(tuesday.meetingMinutes, 120);
      assert.equal(tuesday.targetCodingMinutes, 48);
      assert.equal(tuesday.handsOnText, '0%');
      const thursday = model.overview.daily[3]!;
      assert.equal(thursday.meetingMinutes, 0, 'a meeting that has not happened yet is not counted');
      assert.equal(thursday.handsOnPercent, null);
      assert.equal(thursday.handsOnText, '—');
    });

    it('has 12 weeks with the current one last, gaps for empty weeks', () => {
      const model = dashboardView(fixture(), 'lastWeek');
      assert.equal(model.overview.weekly.length, 12);
      assert.equal(model.overview.weekly[0]!.weekStart, '2026-01-05');
      assert.equal(model.overview.weekly.at(-1)!.weekStart, '2026-03-23');
      assert.equal(model.overview.weekly.at(-1)!.current, true);
      assert.equal(model.overview.weekly.filter((w) => w.current).length, 1);
      assert.equal(model.overview.weekly.at(-2)!.handsOnText, '75%');
      assert.equal(model.overview.weekly[0]!.handsOnPercent, null);
      assert.equal(model.targetPercent, 40);
    });

    it('keeps a DST week at seven days with correct labels', () => {
      const after = at('2026-03-30T10:00:00+02:00');
      const model = dashboardView(fixture({ now: after }), 'lastWeek');
      assert.equal(model.overview.daily.length, 7);
      assert.equal(model.overview.daily.at(-1)!.date, '2026-03-29');
    });
  });

  describe("today's timeline and focus blocks", () => {
    it('places coding, meetings and free blocks on the minutes of today', () => {
      const model = dashboardView(fixture({ settings: { focusBlockMinutes: 60 } }), 'thisWeek');
      const today = model.today.timeline;
      assert.equal(today.date, '2026-03-25');
      assert.equal(today.dayMinutes, 1440);
      assert.equal(today.nowMinute, 960);
      assert.equal(today.workStartMinute, 540);
      assert.equal(today.workEndMinute, 1080);
      assert.deepEqual(
        today.coding.map((c) => [c.fromMinute, c.toMinute]),
        [[840, 900]],
      );
      assert.deepEqual(
        today.meetings.map((m) => [m.title, m.fromMinute, m.toMinute]),
        [['1:1', 600, 690]],
      );
      // 09:00–10:00 and 11:30–18:00 (the lunch is excluded, so not busy).
      assert.deepEqual(
        today.focusBlocks.map((b) => [b.fromMinute, b.toMinute]),
        [
          [540, 600],
          [690, 1080],
        ],
      );
      assert.equal(today.focusBlocks[1]!.label, 'Wed 25 Mar 11:30–18:00');
      assert.equal(today.focusBlocks[1]!.durationText, '6h30m');
      assert.equal(today.viewStartMinute, 480);
      assert.equal(today.viewEndMinute, 1140);
      assert.equal(today.ticks.length, 25);
      assert.deepEqual(today.ticks[9], { minute: 540, label: '09:00' });
      assert.equal(today.nowText, '16:00');
    });

    it('measures a DST day in its real minutes', () => {
      const model = dashboardView(inputs({ now: at('2026-03-29T12:00:00+02:00') }), 'thisWeek');
      assert.equal(model.today.timeline.dayMinutes, 1380);
      assert.equal(model.today.timeline.nowMinute, 11 * 60);
      assert.equal(model.today.timeline.workStartMinute, null, 'Sunday is not a work day');
      // 02:00 does not exist that day: the tick after 01:00 is 03:00.
      assert.deepEqual(model.today.timeline.ticks.slice(1, 3), [
        { minute: 60, label: '01:00' },
        { minute: 120, label: '03:00' },
      ]);
      assert.equal(model.today.timeline.ticks.at(-1)!.label, '24:00');
    });

    it('lists the free blocks from now to the end of the week, at least focusBlockMinutes long', () => {
      const model = dashboardView(fixture({ settings: { focusBlockMinutes: 60 } }), 'thisWeek');
      assert.deepEqual(
        model.today.focusBlocksAhead.map((b) => b.label),
        ['Wed 25 Mar 16:00–18:00', 'Thu 26 Mar 09:00–10:00', 'Thu 26 Mar 11:00–18:00', 'Fri 27 Mar 09:00–18:00'],
      );
      assert.equal(model.today.focusBlocksAhead[0]!.startIso, '2026-03-25T16:00:00+01:00');
      assert.deepEqual(focusBlocksAhead(fixture({ settings: { focusBlockMinutes: 60 } })).map((b) => b.start), model.today.focusBlocksAhead.map((b) => b.start));
      const longer = dashboardView(fixture({ settings: { focusBlockMinutes: 180 }, daysOff: ['2026-03-27'] }), 'thisWeek');
      assert.deepEqual(longer.today.focusBlocksAhead.map((b) => b.label), ['Thu 26 Mar 11:00–18:00']);
      assert.equal(longer.today.focusBlockMinutes, 180);
    });
  });

  describe('explanations', () => {
    it('lists every meeting of the range, counted or not, with the reason', () => {
      const model = dashboardView(fixture(), 'thisWeek');
      assert.deepEqual(
        model.meetings.meetings.map((m) => [m.title, m.counted, m.upcoming, m.reason]),
        [
          ['Planning', true, false, 'counted'],
          ['Skipped review', false, false, 'declined'],
          ['1:1', true, false, 'counted'],
          ['Lunch', false, false, 'excluded-keyword'],
          ['Tomorrow sync', true, true, 'counted'],
        ],
      );
      assert.equal(model.meetings.meetings[1]!.reasonText, 'Not counted: you declined it');
      assert.equal(model.meetings.meetings[4]!.reasonText, 'Counted once it has happened');
      assert.equal(model.meetings.meetings[0]!.whenText, 'Tue 24 Mar 10:00–12:00');
      assert.equal(model.meetings.meetingsOmitted, 0);
    });

    it('has a text for every reason', () => {
      // Every Reason, in the order of its type: one without a text here does not compile (`satisfies`).
      const reasons = ['counted', 'declined', 'cancelled', 'free', 'out-of-office', 'all-day', 'too-long', 'no-other-attendees', 'excluded-keyword', 'break'] as const satisfies readonly Reason[];
      const _every: Record<Reason, true> = Object.fromEntries(reasons.map((r) => [r, true])) as { [R in (typeof reasons)[number]]: true };
      void _every;
      assert.deepEqual(
        reasons.map((reason) => reasonText(reason, false)),
        [
          'Counted',
          'Not counted: you declined it',
          'Not counted: cancelled',
          'Not counted: shown as free',
          'Not counted: out of office',
          'Not counted: all-day event',
          'Not counted: 24 hours or longer, a block of time rather than a meeting',
          'Not counted: nobody else is invited',
          'Not counted: the title matches handsOn.calendar.excludeKeywords',
          'Not counted, not free: a break (handsOn.calendar.breakKeywords)',
        ],
      );
      assert.equal(reasonText('counted', true), 'Counted once it has happened');
    });

    it('passes calendar titles through as data, untouched', () => {
      const title = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      const model = dashboardView(fixture({ occurrences: [occurrence(title, '2026-03-25T09:00:00+01:00', '2026-03-25T09:30:00+01:00')] }), 'thisWeek');
      assert.equal(model.meetings.meetings[0]!.title, title);
      assert.equal(model.today.timeline.meetings[0]!.title, title);
    });

    it('shows all-day events as such', () => {
      const model = dashboardView(
        fixture({ occurrences: [occurrence('Holiday', '2026-03-26T00:00:00+01:00', '2026-03-27T00:00:00+01:00', 'all-day', { allDay: true })] }),
        'thisWeek',
      );
      assert.equal(model.meetings.meetings[0]!.whenText, 'Thu 26 Mar (all day)');
      assert.equal(model.meetings.meetings[0]!.reasonText, 'Not counted: all-day event');
    });

    it('caps a huge meeting list and says how many were left out', () => {
      const many = Array.from({ length: MAX_MEETINGS + 7 }, (_, i) => ({ ...occurrence(`m${i}`, '2026-03-24T10:00:00+01:00', '2026-03-24T10:30:00+01:00'), start: at('2026-03-24T10:00:00+01:00') + i * 60_000 }));
      const model = dashboardView(fixture({ occurrences: many }), 'thisWeek');
      assert.equal(model.meetings.meetings.length, MAX_MEETINGS);
      assert.equal(model.meetings.meetingsOmitted, 7);
    });

    it('reports each calendar source with its last refresh or error', () => {
      const model = dashboardView(
        fixture({
          sources: [
            { label: 'work.ics', kind: 'file', lastRefreshed: at('2026-03-25T15:45:00+01:00'), warnings: [] },
            { label: 'calendar.google.com', kind: 'url', error: 'HTTP 404', warnings: ['1 event without DTSTART'] },
          ],
        }),
        'thisWeek',
      );
      assert.deepEqual(model.meetings.sources, [
        { label: 'work.ics', kind: 'file', lastRefreshedText: 'Wed 25 Mar 15:45', error: null, warnings: [] },
        { label: 'calendar.google.com', kind: 'url', lastRefreshedText: 'not read yet', error: 'HTTP 404', warnings: ['1 event without DTSTART'] },
      ]);
    });
  });

  describe('where the coding went', () => {
    it('sorts workspaces and languages by time, with shares, and sums the tail as Other', () => {
      const byLanguage: Record<string, number> = { typescript: 90, markdown: 30 };
      const byWorkspace: Record<string, number> = {};
      for (let i = 0; i < MAX_SHARES + 2; i++) byWorkspace[`ws${String(i).padStart(2, '0')}`] = 100 - i;
      const model = dashboardView(fixture({ codingMinutesByLanguage: byLanguage, codingMinutesByWorkspace: byWorkspace }), 'thisWeek');
      assert.equal(model.breakdown.recorded, true);
      assert.deepEqual(
        model.breakdown.byLanguage.map((s) => [s.name, s.text, s.percentText]),
        [
          ['typescript', '1h30m', '75%'],
          ['markdown', '30m', '25%'],
        ],
      );
      assert.equal(model.breakdown.byWorkspace.length, MAX_SHARES + 1);
      assert.equal(model.breakdown.byWorkspace[0]!.name, 'ws00');
      assert.deepEqual(model.breakdown.byWorkspace.at(-1)!, { ...model.breakdown.byWorkspace.at(-1)!, name: 'Other', minutes: 90 + 89 });
    });

    it('labels the breakdown with the span the host broke coding down over', () => {
      const model = dashboardView(
        fixture({ breakdownRange: span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), codingMinutesByLanguage: { rust: 60 } }),
        'thisWeek',
      );
      assert.deepEqual(model.breakdown.byLanguage.map((s) => s.name), ['rust']);
      assert.equal(model.breakdown.periodLabel, 'Mon 23 Mar 2026 – Sun 29 Mar 2026');
      const whole = dashboardView(fixture({ codingMinutesByLanguage: { go: 500 } }), 'thisWeek');
      assert.equal(whole.breakdown.periodLabel, 'Mon 1 Sep 2025 – Sun 29 Mar 2026', 'without breakdownRange the breakdown covers the loaded range');
    });

    it('names the sources where the hands were, with shares of their own minutes', () => {
      const model = dashboardView(fixture({ codingMinutesBySource: { vscode: 120, terminal: 45, neovim: 15, 'some-editor': 0 } }), 'thisWeek');
      assert.deepEqual(
        model.breakdown.bySource.map((s) => [s.name, s.text, s.percentText]),
        [
          ['VS Code', '2h', '67%'],
          ['Terminal', '45m', '25%'],
          ['Neovim', '15m', '8%'],
        ],
      );
    });

    it('shows only the sources when project names are not recorded', () => {
      const model = dashboardView(fixture({ settings: { recordProjectNames: false }, codingMinutesByLanguage: { go: 5 }, codingMinutesBySource: { terminal: 5 } }), 'thisWeek');
      assert.equal(model.breakdown.recorded, false);
      assert.deepEqual(model.breakdown.byLanguage, []);
      assert.deepEqual(model.breakdown.bySource.map((s) => s.name), ['Terminal']);
    });
  });

  describe('weekly summary', () => {
    it("is the report's Markdown for the status bar's period", () => {
      const text = summaryMarkdown(fixture());
      assert.match(text, /^### Hands-on time, week of Mon 23 Mar 2026\n/);
      assert.match(text, /\*\*46% hands-on\*\* \(target 40%\): on target; last week 75%\./);
      assert.match(text, /Free focus blocks ahead: Wed 16:00–18:00/);
      // The same focus figures as the Focus tab of this week.
      const focus = dashboardView(fixture(), 'thisWeek').focus;
      assert.match(text, new RegExp(`- Available: ${focus.availableText.replace(/[()]/g, '\\$&')}\n`));
      assert.match(text, /1\. Planning: met once for 2h, cost 3h of focus time\n2\. 1:1: met once for 1h30m, cost 2h30m of focus time\n3\. Tomorrow sync: met once for 1h, cost 2h of focus time\n/);
    });

    it("follows handsOn.period 'day'", () => {
      assert.match(summaryMarkdown(fixture({ settings: { period: 'day' } })), /^### Hands-on time, Wed 25 Mar 2026\n/);
    });
  });

  describe('focus', () => {
    // This week with the lunch as a break (the default handsOn.calendar.breakKeywords make it one).
    const withBreak = () =>
      fixture({
        occurrences: [...lastWeek.occurrences, ...thisWeek.occurrences.filter((o) => o.title !== 'Lunch'), occurrence('Lunch', '2026-03-25T12:00:00+01:00', '2026-03-25T13:00:00+01:00', 'break')],
      });

    it('splits each day into meetings, breaks, focus blocks (coded, not coded, ahead) and fragments', () => {
      const focus = dashboardView(withBreak(), 'thisWeek').focus;
      assert.equal(focus.blockMinutes, 120);
      assert.equal(focus.blockText, '2h');
      // Mon 9 h, Tue 12:00–18:00, Wed 13:00–18:00, Thu 11:00–18:00, Fri 9 h.
      assert.equal(focus.focusMinutes, 540 + 360 + 300 + 420 + 540);
      assert.equal(focus.fragmentedMinutes, 60 + 60 + 30 + 60);
      assert.equal(focus.focusMinutesText, '36h');
      const wed = focus.days[2]!;
      assert.deepEqual(
        [wed.label, wed.meetingMinutes, wed.breakMinutes, wed.focusMinutes, wed.focusCodedMinutes, wed.focusUncodedMinutes, wed.focusAheadMinutes, wed.fragmentedMinutes],
        ['Wed 25 Mar', 90, 60, 300, 60, 120, 120, 90],
      );
      assert.equal(focus.days.length, 7);
    });

    it('lists the blocks with their coding and status, and says how many were used', () => {
      const focus = dashboardView(withBreak(), 'thisWeek').focus;
      assert.deepEqual(
        focus.blocks.map((b) => [b.label, b.codingText, b.statusText]),
        [
          ['Mon 23 Mar 09:00–18:00', '2h', 'not used'],
          ['Tue 24 Mar 12:00–18:00', '0m', 'not used'],
          ['Wed 25 Mar 13:00–18:00', '1h', 'under way'],
          ['Thu 26 Mar 11:00–18:00', '0m', 'ahead'],
          ['Fri 27 Mar 09:00–18:00', '0m', 'ahead'],
        ],
      );
      assert.equal(focus.blocks[0]!.startIso, '2026-03-23T09:00:00+01:00');
      assert.deepEqual([focus.usedBlocks, focus.pastBlocks], [0, 3]);
      assert.equal(focus.usedText, '0 of 3 blocks so far (3h of coding in them)');
      assert.equal(focus.availableText, '36h in 5 blocks (18h of it ahead)');
    });

    it('gives the re-entry median after meetings, with the meetings not followed by coding', () => {
      const focus = dashboardView(withBreak(), 'thisWeek').focus;
      // After Planning (Tue 12:00) no coding that day; after the 1:1 (Wed 11:30) coding at 14:00.
      assert.deepEqual(focus.reentry, { medianMinutes: 150, samples: 1, noReturn: 1 });
      assert.equal(focus.reentryMedianText, '2h30m');
      assert.equal(focus.reentryText, 'median 2h30m after 1 meeting; 1 without coding before the next meeting or the end of the day');
    });

    it('orders the meeting series by focus cost and explains each in one sentence', () => {
      const focus = dashboardView(withBreak(), 'thisWeek').focus;
      assert.deepEqual(
        focus.series.map((x) => [x.title, x.occurrences, x.minutesText, x.focusCostText]),
        [
          ['Planning', 1, '2h', '3h'],
          ['1:1', 1, '1h30m', '3h'],
          ['Tomorrow sync', 1, '1h', '2h'],
        ],
      );
      assert.equal(focus.series[0]!.explanation, 'Without it, its day would have had 3h more in free blocks of 2h or more: it cuts free time into shorter pieces.');
      const free = dashboardView(fixture({ occurrences: [occurrence('Evening call', '2026-03-24T19:00:00+01:00', '2026-03-24T20:00:00+01:00')] }), 'thisWeek').focus;
      assert.equal(free.series[0]!.explanation, 'It costs no focus time: it sits next to other meetings or breaks, or in gaps too short for a 2-hour block anyway.');
      const twice = dashboardView(fixture({ occurrences: [occurrence('Sync', '2026-03-24T12:00:00+01:00', '2026-03-24T13:00:00+01:00', 'counted', { uid: 's' }), occurrence('Sync', '2026-03-25T12:00:00+01:00', '2026-03-25T13:00:00+01:00', 'counted', { uid: 's' })] }), 'thisWeek').focus;
      assert.equal(twice.series[0]!.explanation, 'Without them, their days would have had 2h more in free blocks of 2h or more: they cut free time into shorter pieces.');
      assert.equal(free.seriesOmitted, 0);
    });

    it('covers the selected range', () => {
      const focus = dashboardView(withBreak(), 'lastWeek').focus;
      assert.equal(focus.days[0]!.date, '2026-03-16');
      assert.deepEqual(focus.series.map((x) => x.title), ['Old meeting']);
      assert.equal(focus.blocks.every((b) => !b.ahead), true);
    });
  });

  it('is plain JSON that survives postMessage, whichever tab is shown', () => {
    for (const tab of Object.keys(TAB_BUILDERS) as DashboardTab[]) {
      const model = buildDashboardViewModel(fixture(), 'last12Weeks', tab);
      assert.deepEqual(JSON.parse(JSON.stringify(model)), model, tab);
    }
  });
});
