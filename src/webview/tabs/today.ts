// The Today tab: today's timeline and the free focus blocks left this week.
import type { TodayTabModel } from '../../core/dashboard/tabs/today';
import { TIMELINE_ROWS, timelineChart } from '../charts';
import { dataTable, el, table } from '../dom';
import { chartCanvas } from '../parts';
import type { TabRenderer } from './tab';

export const todayRenderer: TabRenderer<TodayTabModel> = {
  label: 'Today',
  render(m) {
    const t = m.timeline;
    const rows: string[][] = [
      ...t.coding.map((c) => ['Coding', c.label, c.durationText]),
      ...t.meetings.map((x) => [`Meeting: ${x.title}`, x.label, x.durationText]),
      ...t.focusBlocks.map((f) => ['Free focus block', f.label, f.durationText]),
    ];
    const ahead =
      m.focusBlocksAhead.length === 0
        ? el('p', {}, `No free blocks of ${m.focusBlockMinutes} minutes or more are left this week.`)
        : table(
            `Free blocks of at least ${m.focusBlockMinutes} minutes from now to the end of the week`,
            ['When', 'Length'],
            m.focusBlocksAhead.map((s) => [s.label, s.durationText]),
            'data-table focus-table',
          );
    return el(
      'div',
      {},
      el('h2', {}, `Today, ${t.label} (now ${t.nowText})`),
      chartCanvas('chart-today', `Timeline of today with ${t.coding.length} coding spans, ${t.meetings.length} meetings and ${t.focusBlocks.length} free focus blocks on rows ${TIMELINE_ROWS.join(', ')}. The table below lists them.`),
      dataTable('Today as a table', table("Today's coding, meetings and free blocks", ['What', 'When', 'Length'], rows)),
      el('h2', {}, 'Free focus blocks ahead'),
      ahead,
    );
  },
  charts(m, _page, canvas, colors) {
    const today = canvas('chart-today');
    return today ? [timelineChart(today, m.timeline, colors)] : [];
  },
};
