// Building DOM without HTML strings: every text goes through textContent, so calendar titles stay text.

type Attributes = Record<string, string | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`refusing to set ${name}`);
    element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A table with a caption, header cells with scope, and text-only cells. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], className = 'data-table'): HTMLTableElement {
  return el(
    'table',
    { class: className },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))))),
  );
}

/** The data-table alternative of a chart, folded away under a summary line. */
export function dataTable(summary: string, tableElement: HTMLTableElement): HTMLDetailsElement {
  return el('details', { class: 'chart-table' }, el('summary', {}, summary), tableElement);
}
