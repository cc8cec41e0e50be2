// The Overview tab: coding, agent time and meetings per day, who wrote the characters, and the weekly share.
import type { OverviewModel } from '../../core/dashboard/tabs/overview';
import { dailyChart, weeklyChart } from '../charts';
import { dataTable, el, table } from '../dom';
import { chartCanvas, sharesTable } from '../parts';
import type { TabRenderer } from './tab';

/** The character split as a table with a meter per row. */
function characterTable(m: OverviewModel): HTMLElement {
  const rows = m.agent.characters.map((c) => ({ name: c.label, text: c.countText, percent: c.percent, percentText: c.percentText }));
  return el('div', { id: 'character-split' }, sharesTable('Characters that landed in the range, by whose hands', rows, 'Characters'));
}

export const overviewRenderer: TabRenderer<OverviewModel> = {
  label: 'Overview',
  render(m, { header }) {
    const daysWithData = m.daily.filter((d) => d.codingMinutes > 0 || d.meetingMinutes > 0).length;
    const current = m.weekly.at(-1);
    return el(
      'div',
      {},
      el('h2', {}, 'Coding and meetings per day'),
      chartCanvas(
        'chart-daily',
        `Stacked bars of hands-on coding, agent and meeting hours for each of the ${m.daily.length} days, ${daysWithData} with data, with the coding the ${header.targetPercent}% target asks of each day. The table below has the figures.`,
      ),
      dataTable(
        'Daily figures as a table',
        table(
          'Coding, agent time and meetings per day',
          ['Day', 'Hands-on coding', m.agent.agentCounts ? 'Agent (counted as coding)' : 'Agent (not coding)', 'Agents', 'Meetings', 'Hands-on'],
          m.daily.map((d) => [d.label, d.handsOnCodingText, d.agentText, d.agentsText || '—', d.meetingText, d.handsOnText]),
        ),
      ),
      el('h2', {}, 'Who wrote the characters that landed'),
      el('p', { id: 'character-summary' }, `${m.agent.summaryText} Agent time in this range: ${m.agent.agentText}${m.agent.agentCounts ? ', counted as coding' : ', not counted as coding'}.`),
      characterTable(m),
      ...(m.agent.agents.length > 0
        ? [
            table(
              'Agent time and writing by agent',
              ['Agent', 'Time', 'Characters', 'Lines'],
              m.agent.agents.map((a) => [a.label, a.minutesText, a.charactersText, a.linesText]),
            ),
          ]
        : []),
      el('h2', {}, 'Hands-on share, last 12 weeks'),
      chartCanvas('chart-weekly', `Line of the weekly hands-on share for the last 12 weeks against the ${header.targetPercent}% target; this week ${current?.handsOnText ?? '—'}. The table below has the figures.`),
      dataTable(
        'Weekly figures as a table',
        table(
          'Hands-on share per week',
          ['Week of', 'Hands-on', 'Target', 'Coding', 'Meetings'],
          m.weekly.map((w) => [`${w.label}${w.current ? ' (this week)' : ''}`, w.handsOnText, header.headline.targetText, w.codingText, w.meetingText]),
        ),
      ),
    );
  },
  charts(m, { header }, canvas, colors) {
    const daily = canvas('chart-daily');
    const weekly = canvas('chart-weekly');
    return [
      ...(daily ? [dailyChart(daily, m.daily, header.targetPercent, m.agent.agentCounts, colors)] : []),
      ...(weekly ? [weeklyChart(weekly, m.weekly, header.targetPercent, colors)] : []),
    ];
  },
};
