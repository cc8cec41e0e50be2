// Pieces of the page several tabs use: headline figures, chart boxes, share tables.
import type { ShareModel } from '../core/dashboard/model';
import { el } from './dom';

export function figure(label: string, value: string, id?: string): HTMLElement {
  return el('div', { class: 'figure' }, el('div', { class: 'figure-value', id }, value), el('div', { class: 'figure-label' }, label));
}

export function chartCanvas(id: string, label: string): HTMLElement {
  // The canvas's accessible name summarises the chart; the table under it has every figure.
  return el('div', { class: 'chart-box' }, el('canvas', { id, role: 'img', 'aria-label': label }, label));
}

/** Shares as a table with a meter per row: the meters are the chart, the table holds the figures. */
export function sharesTable(caption: string, shares: readonly Pick<ShareModel, 'name' | 'text' | 'percent' | 'percentText'>[], valueHeading = 'Coding'): HTMLElement {
  if (shares.length === 0) return el('p', {}, `${caption}: nothing recorded in this period.`);
  const rows = shares.map((s) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, s.name),
      el('td', {}, s.text),
      el('td', {}, el('meter', { min: '0', max: '100', value: String(s.percent), 'aria-label': `${s.name} ${s.percentText}` }), ' ', s.percentText),
    ),
  );
  return el('table', { class: 'data-table shares' }, el('caption', {}, caption), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, valueHeading), el('th', { scope: 'col' }, 'Share'))), el('tbody', {}, ...rows));
}
