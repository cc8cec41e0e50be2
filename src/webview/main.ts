// The dashboard UI. It draws what the host sends and computes no figures; every string from a calendar is inserted
// with textContent (through `el`), never as HTML.
import type { Chart } from 'chart.js';
import { DASHBOARD_RANGE_IDS, DASHBOARD_RANGES, DEFAULT_DASHBOARD_RANGE, isDashboardRange } from '../core/balance/dashboardRanges';
import type { DashboardViewModel, MeetingModel, ShareModel, TimeSpanModel } from '../core/dashboard/model';
import { isTab, TABS, type DashboardTab, type HostToWebview, type WebviewState, type WebviewToHost } from '../shared/protocol';
import { applyChartDefaults, dailyChart, focusChart, TIMELINE_ROWS, timelineChart, weeklyChart } from './charts';
import { append, dataTable, el, table } from './dom';
import { morphChildren } from './morph';
import { observeTheme, readColors } from './theme';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const STARTED = performance.now();
const vscode = acquireVsCodeApi();
const root = document.getElementById('hands-on-dashboard') as HTMLElement;

const TAB_LABELS: Record<DashboardTab, string> = { overview: 'Overview', today: 'Today', focus: 'Focus', meetings: 'Meetings & calendars', breakdown: 'Where the coding went' };

function loadState(): WebviewState {
  const saved = vscode.getState() as Partial<WebviewState> | undefined;
  return { range: isDashboardRange(saved?.range) ? saved.range : DEFAULT_DASHBOARD_RANGE, tab: isTab(saved?.tab) ? saved.tab : 'overview' };
}

let state = loadState();
let model: DashboardViewModel | undefined;
let seq = 0;
let charts: Chart[] = [];
let errorText: string | undefined;

function saveState(next: Partial<WebviewState>): void {
  state = { ...state, ...next };
  vscode.setState(state);
}

function post(message: WebviewToHost): void {
  vscode.postMessage(message);
}

// ---- controls -------------------------------------------------------------------------------------------------

function toolbar(): HTMLElement {
  const select = el('select', { id: 'range', 'aria-label': 'Range' }, ...DASHBOARD_RANGE_IDS.map((id) => el('option', { value: id }, DASHBOARD_RANGES[id].label)));
  select.value = state.range;
  select.addEventListener('change', () => {
    if (!isDashboardRange(select.value)) return;
    saveState({ range: select.value });
    root.setAttribute('aria-busy', 'true');
    post({ type: 'setRange', range: select.value });
  });
  const button = (id: string, text: string, message: WebviewToHost, title: string) => {
    const b = el('button', { id, type: 'button', title }, text);
    b.addEventListener('click', () => post(message));
    return b;
  };
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Dashboard actions' },
    el('label', { for: 'range' }, 'Range '),
    select,
    button('copy-summary', 'Copy Weekly Summary', { type: 'copySummary' }, 'Copy the Markdown summary of the week to the clipboard'),
    button('export-ics', 'Export Focus Blocks as .ics', { type: 'exportFocusBlocks' }, 'Save the free blocks ahead as a calendar file to import'),
    button('export-data', 'Export Data…', { type: 'exportData' }, 'Save the daily figures as CSV or JSON'),
  );
}

function tabList(): HTMLElement {
  const list = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Dashboard sections' });
  const buttons = TABS.map((tab) => {
    const selected = tab === state.tab;
    const b = el('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-controls': `panel-${tab}`, 'aria-selected': String(selected), tabindex: selected ? '0' : '-1' }, TAB_LABELS[tab]);
    b.addEventListener('click', () => selectTab(tab, false));
    return b;
  });
  list.addEventListener('keydown', (event) => {
    const index = TABS.indexOf(state.tab);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    selectTab(TABS[next]!, true);
  });
  append(list, ...buttons);
  return list;
}

function selectTab(tab: DashboardTab, focus: boolean): void {
  saveState({ tab });
  for (const t of TABS) {
    const button = document.getElementById(`tab-${t}`);
    const panel = document.getElementById(`panel-${t}`);
    button?.setAttribute('aria-selected', String(t === tab));
    button?.setAttribute('tabindex', t === tab ? '0' : '-1');
    if (panel) panel.hidden = t !== tab;
  }
  if (focus) document.getElementById(`tab-${tab}`)?.focus();
  drawCharts();
}

// ---- sections -------------------------------------------------------------------------------------------------

function figure(label: string, value: string, id?: string): HTMLElement {
  return el('div', { class: 'figure' }, el('div', { class: 'figure-value', id }, value), el('div', { class: 'figure-label' }, label));
}

function headline(m: DashboardViewModel): HTMLElement {
  const h = m.headline;
  return el(
    'section',
    { class: `headline ${h.belowTarget ? 'below-target' : 'on-target'}`, 'aria-labelledby': 'headline-title' },
    el('h2', { id: 'headline-title' }, `${m.rangeLabel}: ${h.periodLabel}`),
    el(
      'div',
      { class: 'figures' },
      figure(`hands-on (target ${h.targetText}) · ${h.statusText}`, h.handsOnText, 'headline-percent'),
      figure('coding', h.codingText, 'headline-coding'),
      figure('meetings', h.meetingText, 'headline-meetings'),
      figure('coding during meetings (in both)', h.overlapText, 'headline-overlap'),
    ),
    el('p', { class: 'change', id: 'headline-change' }, h.changeText),
    el('p', { class: 'as-of' }, `As of ${m.asOfText} (${m.zone}).`),
  );
}

function chartCanvas(id: string, label: string): HTMLElement {
  // The canvas's accessible name summarises the chart; the table under it has every figure.
  return el('div', { class: 'chart-box' }, el('canvas', { id, role: 'img', 'aria-label': label }, label));
}

function overviewPanel(m: DashboardViewModel): HTMLElement {
  const daysWithData = m.daily.filter((d) => d.codingMinutes > 0 || d.meetingMinutes > 0).length;
  const current = m.weekly.at(-1);
  return el(
    'div',
    {},
    el('h2', {}, 'Coding and meetings per day'),
    chartCanvas(
      'chart-daily',
      `Stacked bars of hands-on coding, agent and meeting hours for each of the ${m.daily.length} days, ${daysWithData} with data, with the coding the ${m.targetPercent}% target asks of each day. The table below has the figures.`,
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
    chartCanvas('chart-weekly', `Line of the weekly hands-on share for the last 12 weeks against the ${m.targetPercent}% target; this week ${current?.handsOnText ?? '—'}. The table below has the figures.`),
    dataTable(
      'Weekly figures as a table',
      table(
        'Hands-on share per week',
        ['Week of', 'Hands-on', 'Target', 'Coding', 'Meetings'],
        m.weekly.map((w) => [`${w.label}${w.current ? ' (this week)' : ''}`, w.handsOnText, m.headline.targetText, w.codingText, w.meetingText]),
      ),
    ),
  );
}

function spans(items: readonly TimeSpanModel[]): string[][] {
  return items.map((s) => [s.label, s.durationText]);
}

function todayPanel(m: DashboardViewModel): HTMLElement {
  const t = m.today;
  const rows: string[][] = [
    ...t.coding.map((c) => ['Coding', c.label, c.durationText]),
    ...t.meetings.map((x) => [`Meeting: ${x.title}`, x.label, x.durationText]),
    ...t.focusBlocks.map((f) => ['Free focus block', f.label, f.durationText]),
  ];
  const ahead =
    m.focusBlocksAhead.length === 0
      ? el('p', {}, `No free blocks of ${m.focusBlockMinutes} minutes or more are left this week.`)
      : table(`Free blocks of at least ${m.focusBlockMinutes} minutes from now to the end of the week`, ['When', 'Length'], spans(m.focusBlocksAhead), 'data-table focus-table');
  return el(
    'div',
    {},
    el('h2', {}, `Today, ${t.label} (now ${t.nowText})`),
    chartCanvas('chart-today', `Timeline of today with ${t.coding.length} coding spans, ${t.meetings.length} meetings and ${t.focusBlocks.length} free focus blocks on rows ${TIMELINE_ROWS.join(', ')}. The table below lists them.`),
    dataTable('Today as a table', table("Today's coding, meetings and free blocks", ['What', 'When', 'Length'], rows)),
    el('h2', {}, 'Free focus blocks ahead'),
    ahead,
  );
}

function focusPanel(m: DashboardViewModel): HTMLElement {
  const f = m.focus;
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
          el('caption', {}, `Focus blocks of ${m.headline.periodLabel} and the coding in them (used: at least half coded)`),
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
}

function meetingRow(meeting: MeetingModel): HTMLTableRowElement {
  const status = meeting.counted ? (meeting.upcoming ? 'upcoming' : 'counted') : 'excluded';
  return el(
    'tr',
    { class: `meeting ${status}` },
    el('td', { class: 'meeting-title' }, meeting.title),
    el('td', {}, meeting.whenText),
    el('td', {}, meeting.reasonText),
    el('td', {}, meeting.source ?? ''),
  );
}

function meetingsPanel(m: DashboardViewModel): HTMLElement {
  const sources =
    m.sources.length === 0
      ? el('p', {}, 'No calendar is connected. Add one with "Hands-On: Add Calendar…" or the handsOn.calendar.files setting.')
      : table(
          'Calendar sources',
          ['Source', 'Kind', 'Last refresh', 'Problems'],
          m.sources.map((s) => [s.label, s.kind, s.lastRefreshedText, [s.error ?? '', ...s.warnings].filter((x) => x.length > 0).join('; ') || 'none']),
        );
  const list = el(
    'table',
    { class: 'data-table meetings-table', id: 'meetings-list' },
    el('caption', {}, `Calendar events of ${m.headline.periodLabel}, counted or not, and why`),
    el('thead', {}, el('tr', {}, ...['Title', 'When', 'Verdict', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...m.meetings.map(meetingRow)),
  );
  const settings = el('button', { type: 'button', class: 'link-button' }, 'Open the calendar settings');
  settings.addEventListener('click', () => post({ type: 'openSettings', query: 'handsOn.calendar' }));
  return el(
    'div',
    {},
    el('h2', {}, 'Calendars'),
    sources,
    el('h2', {}, 'Meetings of the period'),
    m.meetings.length === 0 ? el('p', {}, 'No calendar events in this period.') : list,
    m.meetingsOmitted > 0 ? el('p', {}, `${m.meetingsOmitted} more events are not listed.`) : null,
    el('p', {}, settings),
  );
}

function sharesTable(caption: string, shares: readonly Pick<ShareModel, 'name' | 'text' | 'percent' | 'percentText'>[], valueHeading = 'Coding'): HTMLElement {
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

/** The character split as a table with a meter per row: the meters are the chart, the table holds the figures. */
function characterTable(m: DashboardViewModel): HTMLElement {
  const rows = m.agent.characters.map((c) => ({ name: c.label, text: c.countText, percent: c.percent, percentText: c.percentText }));
  return el('div', { id: 'character-split' }, sharesTable('Characters that landed in the range, by whose hands', rows, 'Characters'));
}

function breakdownPanel(m: DashboardViewModel): HTMLElement {
  if (!m.breakdown.recorded) {
    const button = el('button', { type: 'button', class: 'link-button' }, 'Turn on handsOn.recordProjectNames');
    button.addEventListener('click', () => post({ type: 'openSettings', query: 'handsOn.recordProjectNames' }));
    return el('div', {}, el('h2', {}, 'Where the coding went'), el('p', {}, 'Workspace names and languages are not recorded. '), el('p', {}, button));
  }
  return el(
    'div',
    {},
    el('h2', {}, `Where the coding went, ${m.breakdown.periodLabel}`),
    el('div', { class: 'two-columns' }, sharesTable('By workspace', m.breakdown.byWorkspace), sharesTable('By language', m.breakdown.byLanguage)),
  );
}

// ---- rendering ------------------------------------------------------------------------------------------------

function destroyCharts(): void {
  for (const chart of charts) chart.destroy();
  charts = [];
}

/**
 * Draws the charts of the visible tab (a chart in a hidden tab would have no size), updating those already drawn
 * in place; charts whose canvas was hidden or removed are let go.
 */
function drawCharts(): void {
  if (!model) {
    destroyCharts();
    return;
  }
  const colors = readColors();
  applyChartDefaults(colors);
  const canvas = (id: string) => {
    const c = document.getElementById(id);
    return c instanceof HTMLCanvasElement && !c.closest('[hidden]') ? c : undefined;
  };
  const previous = charts;
  charts = [];
  const daily = canvas('chart-daily');
  if (daily) charts.push(dailyChart(daily, model.daily, model.targetPercent, model.agent.agentCounts, colors));
  const weekly = canvas('chart-weekly');
  if (weekly) charts.push(weeklyChart(weekly, model.weekly, model.targetPercent, colors));
  const today = canvas('chart-today');
  if (today) charts.push(timelineChart(today, model.today, colors));
  const focus = canvas('chart-focus');
  if (focus) charts.push(focusChart(focus, model.focus.days, colors));
  for (const chart of previous) if (!charts.includes(chart)) chart.destroy();
}

/** The page for the current model, built fresh and then patched into the live one (see morph.ts). */
function page(): DocumentFragment {
  const fragment = document.createDocumentFragment();
  append(fragment, el('h1', {}, 'Hands-On'), toolbar());
  if (errorText) append(fragment, el('p', { class: 'error', role: 'alert' }, errorText));
  if (!model) {
    append(fragment, el('p', { class: 'status-line' }, 'Loading the figures…'));
    return fragment;
  }
  const panels: Record<DashboardTab, (m: DashboardViewModel) => HTMLElement> = { overview: overviewPanel, today: todayPanel, focus: focusPanel, meetings: meetingsPanel, breakdown: breakdownPanel };
  append(fragment, headline(model), tabList());
  for (const tab of TABS) {
    const panel = el('section', { id: `panel-${tab}`, role: 'tabpanel', 'aria-labelledby': `tab-${tab}`, tabindex: '0', class: 'tab-panel' }, panels[tab](model));
    panel.hidden = tab !== state.tab;
    fragment.appendChild(panel);
  }
  return fragment;
}

function render(): void {
  morphChildren(root, page());
  drawCharts();
}

function announceRendered(drawn: number): void {
  // Two frames: the first lays out and paints the charts, the second runs after that paint.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (drawn !== seq) return;
      const ms = performance.now() - STARTED;
      root.setAttribute('aria-busy', 'false');
      root.dataset.renderedSeq = String(drawn);
      root.dataset.renderedMs = String(Math.round(ms));
      root.dataset.charts = String(charts.length);
      post({ type: 'rendered', ms, seq: drawn });
    }),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      model = message.model;
      seq = message.seq;
      errorText = undefined;
      if (message.model.range !== state.range) saveState({ range: message.model.range });
      render();
      announceRendered(seq);
      return;
    case 'error':
      errorText = message.message;
      root.setAttribute('aria-busy', 'false');
      render();
      return;
    default:
      return;
  }
});

observeTheme(() => {
  // New colours reach every part of a chart only when it is drawn anew.
  destroyCharts();
  drawCharts();
});
vscode.setState(state);
render();
post({ type: 'ready', state });
