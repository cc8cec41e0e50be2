// The Skills tab's small charts: the monthly hands-on share against meetings, and each language's months as bars.
// SVG with attributes only (no inline style: the webview's CSP), coloured by classes from --vscode-charts-*.
import type { SkillsTabLanguage, SkillsTabModel, SkillsTabMonth } from '../../core/dashboard/tabs/skills';
import { dataTable, el, table } from '../dom';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

/**
 * A keydown handler moving one roving tabindex among the `selector` elements of its container: `steps` says how far
 * each arrow key goes, Home and End go to the first and last. It reads the elements from the page, so it stays right
 * after a refresh.
 */
export function rovingKeys(selector: string, steps: Readonly<Record<string, number>>): (event: KeyboardEvent) => void {
  return (event) => {
    const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(selector)];
    const current = items.findIndex((item) => item === document.activeElement);
    if (current < 0) return;
    let next: number;
    if (event.key in steps) next = current + steps[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    next = Math.max(0, Math.min(items.length - 1, next));
    items[current]!.setAttribute('tabindex', '-1');
    items[next]!.setAttribute('tabindex', '0');
    items[next]!.focus();
  };
}

const BAR_HEIGHT = 60;

/** One month as a 100 % bar: by hand (from the bottom) and meetings; an outline for a month with neither. */
function monthBar(month: SkillsTabMonth, focusable: boolean): HTMLElement {
  const hands = month.handsOnShare === null ? 0 : (BAR_HEIGHT * month.handsOnShare) / 100;
  const bar =
    month.handsOnShare === null
      ? svg('svg', { width: 22, height: BAR_HEIGHT, 'aria-hidden': 'true' }, svg('rect', { class: 'share-none', x: 0.5, y: 0.5, width: 21, height: BAR_HEIGHT - 1 }))
      : svg(
          'svg',
          { width: 22, height: BAR_HEIGHT, 'aria-hidden': 'true' },
          svg('rect', { class: 'share-meetings', x: 0, y: 0, width: 22, height: BAR_HEIGHT - hands }),
          svg('rect', { class: 'share-hands', x: 0, y: BAR_HEIGHT - hands, width: 22, height: hands }),
        );
  return el(
    'span',
    { class: 'share-month', role: 'img', tabindex: focusable ? '0' : '-1', 'aria-label': month.description, title: month.description, 'data-month': month.month },
    bar,
    el('span', { class: 'share-label', 'aria-hidden': 'true' }, month.label.slice(0, 3)),
    el('span', { class: 'share-value', 'aria-hidden': 'true' }, month.shareText),
  );
}

/** The monthly hands-on share against meetings: bars (arrow keys move between months) and their data table. */
export function monthlyShareChart(m: SkillsTabModel): HTMLElement {
  const last = m.monthlyShare.length - 1;
  const bars = el(
    'div',
    { class: 'share-chart', id: 'skills-monthly-share', role: 'group', 'aria-label': 'Hands-on share against meetings, by month; arrow keys move between months' },
    ...m.monthlyShare.map((month, i) => monthBar(month, i === last)),
  );
  bars.addEventListener('keydown', rovingKeys('.share-month', { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -1, ArrowDown: 1 }));
  const legend = el(
    'p',
    { class: 'heat-legend' },
    el('span', { class: 'share-swatch share-swatch-hands', 'aria-hidden': 'true' }),
    ' by hand ',
    el('span', { class: 'share-swatch share-swatch-meetings', 'aria-hidden': 'true' }),
    ' meetings',
  );
  return el(
    'div',
    {},
    el('h3', {}, 'Hands-on share against meetings, by month'),
    bars,
    legend,
    dataTable(
      'Monthly hands-on share as a table',
      table(
        'Hands-on time against meetings per month',
        ['Month', 'Hands-on', 'Meetings', 'Hands-on share'],
        m.monthlyShare.map((month) => [month.label, month.handsOnText, month.meetingText, month.shareText]),
        'data-table skills-months',
      ),
    ),
  );
}

const SPARK_BAR = 5;
const SPARK_HEIGHT = 16;

/** A language's hands-on minutes per month as small bars, on the scale every language shares. */
export function monthlySparkline(language: SkillsTabLanguage, maxMinutes: number): SVGSVGElement {
  const label = `${language.label} by hand per month: ${language.monthlyText}`;
  return svg(
    'svg',
    { class: 'spark', role: 'img', 'aria-label': label, width: language.monthlyHandsOnMinutes.length * SPARK_BAR, height: SPARK_HEIGHT },
    svg('title', {}, label),
    ...language.monthlyHandsOnMinutes.map((minutes, i) => {
      // Any coding at all shows as at least one pixel, so a quiet month is told from an empty one.
      const height = minutes > 0 && maxMinutes > 0 ? Math.max(1, (SPARK_HEIGHT * minutes) / maxMinutes) : 0;
      return svg('rect', { x: i * SPARK_BAR, y: SPARK_HEIGHT - height, width: SPARK_BAR - 1, height });
    }),
  );
}
