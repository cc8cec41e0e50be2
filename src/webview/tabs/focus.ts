// The Focus tab: focus time, blocks used, fragments, re-entry, the day bars, the blocks and what meetings cost.
import type { FocusModel } from '../../core/dashboard/tabs/focus';
import { focusChart } from '../charts';
import { dataTable, el, table } from '../dom';
import { chartCanvas, figure } from '../parts';
import type { TabRenderer } from './tab';

export const focusRenderer: TabRenderer<FocusModel> = {
  label: 'Focus',
  render(f, { header }) {
    const blockRows = f.blocks.map((b) =>
      el(
        'tr',
        { class: `focus-block ${b.statusText.replace(' ', '-')}`, 'data-start': b.startIso, 'data-end': b.endIso, 'data-coding-minutes': String(b.codingMinutes), 'data-used': String(b.used) },
        el('th', { scope: 'row' }, b.label),
        el('td', {}, b.durationText),
        el('td', {}, b.codingText),
        el('td', {}, b.statusText),
      ),
    );
    const blocks =
      f.blocks.length === 0
        ? el('p', {}, `No free stretch of ${f.blockText} or more in this range.`)
        : el(
            'table',
            { class: 'data-table', id: 'focus-blocks' },
            el('caption', {}, `Focus blocks of ${header.headline.periodLabel} and the coding in them (used: at least half coded)`),
            el('thead', {}, el('tr', {}, ...['Block', 'Length', 'Coding', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, ...blockRows),
          );
    const seriesRows = f.series.map((x) =>
      el(
        'tr',
        { class: 'focus-series', 'data-occurrences': String(x.occurrences), 'data-minutes': String(x.minutes), 'data-focus-cost-minutes': String(x.focusCostMinutes) },
        el('th', { scope: 'row', class: 'series-title' }, x.title),
        el('td', {}, String(x.occurrences)),
        el('td', {}, x.minutesText),
        el('td', {}, x.focusCostText),
        el('td', {}, x.explanation),
      ),
    );
    const series =
      f.series.length === 0
        ? el('p', {}, 'No counted meetings in this range.')
        : el(
            'table',
            { class: 'data-table', id: 'focus-series' },
            el('caption', {}, 'Meeting series by the focus time they cost: the focus-block time their days would have without them'),
            el('thead', {}, el('tr', {}, ...['Series', 'Meetings', 'Time', 'Focus cost', 'Why'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, ...seriesRows),
          );
    const withMinutes = (label: string, value: string, id: string, minutes: number | null) => {
      const node = figure(label, value, id);
      node.querySelector('.figure-value')?.setAttribute('data-minutes', minutes === null ? '' : String(minutes));
      return node;
    };
    return el(
      'div',
      {},
      el('h2', {}, `Focus: free blocks of ${f.blockText} or more`),
      el(
        'div',
        { class: 'figures' },
        withMinutes('focus time', f.focusMinutesText, 'focus-minutes', f.focusMinutes),
        figure('blocks used so far', `${f.usedBlocks} of ${f.pastBlocks}`, 'focus-used'),
        withMinutes('fragmented', f.fragmentedMinutesText, 'focus-fragmented', f.fragmentedMinutes),
        withMinutes('back to code after a meeting (median)', f.reentryMedianText, 'focus-reentry', f.reentry.medianMinutes),
      ),
      el(
        'ul',
        { class: 'focus-notes' },
        el('li', {}, `Focus time: ${f.availableText}.`),
        el('li', {}, `Used (at least half coded): ${f.usedText}.`),
        el('li', {}, `Fragmented: ${f.fragmentedText}.`),
        el('li', {}, `Back to code after a meeting: ${f.reentryText}.`),
      ),
      chartCanvas('chart-focus', `Stacked bars of each day's working time: meetings, breaks, focus blocks coded, not coded and ahead, and fragmented time, for ${f.days.length} days. The table below has the figures.`),
      dataTable(
        'Focus per day as a table',
        table(
          'Working time per day',
          ['Day', 'Meetings', 'Breaks', 'Focus blocks', 'Coded in blocks', 'Not coded', 'Ahead', 'Fragmented'],
          f.days.map((d) => [d.label, d.meetingText, d.breakText, d.focusText, d.focusCodedText, d.focusUncodedText, d.focusAheadText, d.fragmentedText]),
        ),
      ),
      el('h2', {}, 'Focus blocks'),
      blocks,
      el('h2', {}, 'What your calendar costs you'),
      series,
      f.seriesOmitted > 0 ? el('p', {}, `${f.seriesOmitted} more series cost less and are not listed.`) : null,
    );
  },
  charts(f, _page, canvas, colors) {
    const focus = canvas('chart-focus');
    return focus ? [focusChart(focus, f.days, colors)] : [];
  },
};
