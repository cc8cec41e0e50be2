// Patches the live page into the freshly built one instead of replacing it, so that what the user did on the page
// survives a refresh: an opened table (<details open>), the focused element, scroll positions, and the canvases
// Chart.js draws on (with their hover). Nodes are matched by position, tag and id; anything else is replaced.

function sameKind(current: Node, next: Node): boolean {
  if (current.nodeType !== next.nodeType || current.nodeName !== next.nodeName) return false;
  return !(current instanceof Element && next instanceof Element) || current.id === next.id;
}

/** Attributes the user or a library owns on a kept element, which the fresh page does not know about. */
function ownedElsewhere(element: Element, name: string): boolean {
  if (element instanceof HTMLDetailsElement) return name === 'open';
  // Chart.js sizes its canvas through these.
  if (element instanceof HTMLCanvasElement) return name === 'width' || name === 'height' || name === 'style';
  return false;
}

function syncAttributes(current: Element, next: Element): void {
  for (const { name } of [...current.attributes]) {
    if (!next.hasAttribute(name) && !ownedElsewhere(current, name)) current.removeAttribute(name);
  }
  for (const { name, value } of [...next.attributes]) {
    if (!ownedElsewhere(current, name) && current.getAttribute(name) !== value) current.setAttribute(name, value);
  }
  if (current instanceof HTMLSelectElement && next instanceof HTMLSelectElement && current.value !== next.value) current.value = next.value;
}

/** Makes the children of `current` those of `next`, keeping every node that matches (`next` is used up). */
export function morphChildren(current: Node, next: Node): void {
  const wanted = [...next.childNodes];
  wanted.forEach((want, i) => {
    const have = current.childNodes[i];
    if (!have) current.appendChild(want);
    else if (!sameKind(have, want)) current.replaceChild(want, have);
    else if (have instanceof Element) {
      syncAttributes(have, want as Element);
      morphChildren(have, want);
    } else if (have.nodeValue !== want.nodeValue) have.nodeValue = want.nodeValue;
  });
  while (current.childNodes.length > wanted.length) current.removeChild(current.lastChild!);
}
