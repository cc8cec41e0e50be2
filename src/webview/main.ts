// The dashboard UI: the toolbar, the headline, the tab bar and the message loop. Each tab draws itself (tabs/, see
// tabs/registry.ts). It draws what the host sends and computes no figures; every string from a calendar is inserted
// with textContent (through `el`), never as HTML.
import type { Chart } from 'chart.js';
import { DASHBOARD_RANGE_IDS, DASHBOARD_RANGES, DEFAULT_DASHBOARD_RANGE, isDashboardRange } from '../core/balance/dashboardRanges';
import type { DashboardHeaderModel } from '../core/dashboard/model';
import type { ShownTabModel } from '../core/dashboard/tabs/registry';
import { isTab, TABS, type DashboardTab, type HostToWebview, type WebviewState, type WebviewToHost } from '../shared/protocol';
import { applyChartDefaults } from './charts';
import { append, el } from './dom';
import { morphChildren } from './morph';
import { figure } from './parts';
import { RENDERERS } from './tabs/registry';
import type { TabPage, TabRenderer } from './tabs/tab';
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

function loadState(): WebviewState {
  const saved = vscode.getState() as Partial<WebviewState> | undefined;
  return { range: isDashboardRange(saved?.range) ? saved.range : DEFAULT_DASHBOARD_RANGE, tab: isTab(saved?.tab) ? saved.tab : 'overview' };
}

let state = loadState();
let header: DashboardHeaderModel | undefined;
/**
 * The last model of each tab received for the header's range. The host builds only the tab shown; a tab shown
 * again is drawn from here at once and patched when its fresh figures arrive.
 */
const tabs = new Map<DashboardTab, ShownTabModel>();
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

function renderer(tab: DashboardTab): TabRenderer<unknown> {
  // Each renderer takes the model of its own id, which is what `tabs` holds under that id.
  return RENDERERS[tab];
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
    const b = el('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-controls': `panel-${tab}`, 'aria-selected': String(selected), tabindex: selected ? '0' : '-1' }, RENDERERS[tab].label);
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

/** Shows `tab` at once (from its last figures, if any) and asks the host for its fresh figures. */
function selectTab(tab: DashboardTab, focus: boolean): void {
  if (tab !== state.tab) {
    saveState({ tab });
    root.setAttribute('aria-busy', 'true');
    post({ type: 'showTab', tab });
    render();
  }
  if (focus) document.getElementById(`tab-${tab}`)?.focus();
}

// ---- sections -------------------------------------------------------------------------------------------------

function headline(h: DashboardHeaderModel): HTMLElement {
  const line = h.headline;
  return el(
    'section',
    { class: `headline ${line.belowTarget ? 'below-target' : 'on-target'}`, 'aria-labelledby': 'headline-title' },
    el('h2', { id: 'headline-title' }, `${h.rangeLabel}: ${line.periodLabel}`),
    el(
      'div',
      { class: 'figures' },
      figure(`hands-on (target ${line.targetText}) · ${line.statusText}`, line.handsOnText, 'headline-percent'),
      figure('coding', line.codingText, 'headline-coding'),
      figure('meetings', line.meetingText, 'headline-meetings'),
      figure('coding during meetings (in both)', line.overlapText, 'headline-overlap'),
    ),
    el('p', { class: 'change', id: 'headline-change' }, line.changeText),
    el('p', { class: 'as-of' }, `As of ${h.asOfText} (${h.zone}).`),
  );
}

/** A tab's panel: its content from its last figures, "Loading…" while the shown tab has none yet, else empty. */
function panel(tab: DashboardTab, page: TabPage): HTMLElement {
  const shown = tabs.get(tab);
  const content = shown ? renderer(tab).render(shown.model, page) : tab === state.tab ? el('p', { class: 'status-line' }, 'Loading the figures…') : null;
  const section = el('section', { id: `panel-${tab}`, role: 'tabpanel', 'aria-labelledby': `tab-${tab}`, tabindex: '0', class: 'tab-panel' }, content);
  section.hidden = tab !== state.tab;
  return section;
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
  const shown = tabs.get(state.tab);
  const draw = shown && header ? renderer(state.tab).charts : undefined;
  if (!shown || !header || !draw) {
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
  charts = draw(shown.model, { header, post }, canvas, colors);
  for (const chart of previous) if (!charts.includes(chart)) chart.destroy();
}

/** The page for the current figures, built fresh and then patched into the live one (see morph.ts). */
function page(): DocumentFragment {
  const fragment = document.createDocumentFragment();
  append(fragment, el('h1', {}, 'Hands-On'), toolbar());
  if (errorText) append(fragment, el('p', { class: 'error', role: 'alert' }, errorText));
  if (!header) {
    append(fragment, el('p', { class: 'status-line' }, 'Loading the figures…'));
    return fragment;
  }
  const tabPage: TabPage = { header, post };
  append(fragment, headline(header), tabList(), ...TABS.map((tab) => panel(tab, tabPage)));
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
      root.setAttribute('aria-busy', String(!tabs.has(state.tab)));
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
    case 'update': {
      const { header: next, tab } = message.model;
      // Other tabs' figures are kept only while they are of the same range.
      if (next.range !== header?.range) tabs.clear();
      header = next;
      tabs.set(tab.id, tab);
      seq = message.seq;
      errorText = undefined;
      if (next.range !== state.range) saveState({ range: next.range });
      render();
      announceRendered(seq);
      return;
    }
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
