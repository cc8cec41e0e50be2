// The Skills tab: a year of hands-on coding as a calendar heatmap (with its data table), and the languages with their
// figures, months and verdicts, each explained in one sentence; with the monthly hands-on share against meetings.
import type { SkillsTabModel } from '../../core/dashboard/tabs/skills';
import { dataTable, el, table } from '../dom';
import { monthlyShareChart, monthlySparkline, rovingKeys } from './skillsCharts';
import type { TabRenderer } from './tab';

const ROWS = 7;

function heatmap(m: SkillsTabModel): HTMLElement {
  const last = m.heatmap.length - 1;
  const blanks = Array.from({ length: m.leadingBlanks }, () => el('span', { class: 'heat-blank', 'aria-hidden': 'true' }));
  const cells = m.heatmap.map((day, i) =>
    el('span', { class: `heat-day heat-${day.level}`, role: 'img', tabindex: i === last ? '0' : '-1', 'aria-label': day.label, title: day.label, 'data-date': day.date }),
  );
  const grid = el(
    'div',
    { class: 'heatmap', id: 'skills-heatmap', role: 'group', 'aria-label': `Daily hands-on minutes from ${m.from} to ${m.to}; arrow keys move between days` },
    ...blanks,
    ...cells,
  );
  // Left and right by a week, up and down by a day.
  grid.addEventListener('keydown', rovingKeys('.heat-day', { ArrowLeft: -ROWS, ArrowRight: ROWS, ArrowUp: -1, ArrowDown: 1 }));
  const legend = el(
    'p',
    { class: 'heat-legend' },
    'Less ',
    el('span', { class: 'heat-day heat-0', 'aria-hidden': 'true' }),
    ...m.levelTexts.map((text, i) => el('span', { class: `heat-day heat-${i + 1}`, title: text, 'aria-hidden': 'true' })),
    ' More',
  );
  return el('div', {}, el('div', { class: 'heatmap-box' }, grid), legend);
}

export const skillsRenderer: TabRenderer<SkillsTabModel> = {
  label: 'Skills',
  render(m) {
    const languages =
      m.languages.length === 0
        ? el('p', {}, 'No coding recorded in the last 12 months.')
        : el(
            'table',
            { class: 'data-table skills-languages', id: 'skills-languages' },
            el('caption', {}, `Languages from ${m.from} to ${m.to}`),
            el('thead', {}, el('tr', {}, ...['Language', 'Hands-on', 'By month', 'Agent', 'Typed characters', 'Last day by hand', 'Verdict'].map((h) => el('th', { scope: 'col' }, h)))),
            el(
              'tbody',
              {},
              ...m.languages.map((l) =>
                el(
                  'tr',
                  { 'data-language': l.language },
                  el('th', { scope: 'row' }, l.label),
                  el('td', {}, l.handsOnText),
                  el('td', { class: 'skills-months-bars' }, monthlySparkline(l, m.monthlyMaxMinutes)),
                  el('td', {}, l.agentText),
                  el('td', {}, l.typedText),
                  el('td', {}, l.lastHandsOnText),
                  el('td', { class: l.fading || l.delegated ? 'verdict flagged' : 'verdict' }, l.verdictText),
                ),
              ),
            ),
          );
    const sentences = m.languages.length === 0 ? null : el('ul', { class: 'skills-sentences', id: 'skills-sentences' }, ...m.languages.map((l) => el('li', {}, l.sentence)));
    return el(
      'div',
      {},
      el('h2', {}, 'Skills: the last 12 months'),
      el('p', { id: 'skills-summary' }, m.summary, ' Whatever period is selected above, this tab shows the 12 months to today.'),
      heatmap(m),
      dataTable(
        'Daily hands-on minutes as a table',
        table(
          'Hands-on coding per day',
          ['Date', 'Hands-on'],
          m.heatmap.map((d, i) => [d.date, m.dayTexts[i] ?? '']),
          'data-table skills-days',
        ),
      ),
      monthlyShareChart(m),
      el('h2', {}, 'Languages'),
      languages,
      sentences,
      el('p', { class: 'as-of' }, 'Fading: written by hand in the 12 months, but not in the last days of handsOn.skills.fadingDays. Delegated: agents did at least handsOn.skills.delegatedPercent of its time in those days.'),
    );
  },
};
