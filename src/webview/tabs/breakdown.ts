// The "Where the coding went" tab: coding by workspace, by language and by source.
import type { BreakdownModel } from '../../core/dashboard/tabs/breakdown';
import { el } from '../dom';
import { sharesTable } from '../parts';
import type { TabRenderer } from './tab';

export const breakdownRenderer: TabRenderer<BreakdownModel> = {
  label: 'Where the coding went',
  render(m, { post }) {
    const title = el('h2', {}, `Where the coding went, ${m.periodLabel}`);
    if (!m.recorded) {
      const button = el('button', { type: 'button', class: 'link-button' }, 'Turn on handsOn.recordProjectNames');
      button.addEventListener('click', () => post({ type: 'openSettings', query: 'handsOn.recordProjectNames' }));
      return el('div', {}, title, el('div', { class: 'two-columns' }, sharesTable('By source', m.bySource)), el('p', {}, 'Workspace names and languages are not recorded. '), el('p', {}, button));
    }
    return el('div', {}, title, el('div', { class: 'two-columns' }, sharesTable('By workspace', m.byWorkspace), sharesTable('By language', m.byLanguage), sharesTable('By source', m.bySource)));
  },
};
