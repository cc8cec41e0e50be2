// Chart colours from the theme's CSS variables, read at render time; re-read when the theme changes.

export interface ChartColors {
  coding: string;
  agent: string;
  meetings: string;
  target: string;
  focus: string;
  /** The Focus tab's extra series: breaks, blocks not coded (drawn as stripes of this colour), blocks ahead, fragmented time. */
  breaks: string;
  focusUncoded: string;
  focusAhead: string;
  fragmented: string;
  text: string;
  grid: string;
  background: string;
  fontFamily: string;
  fontSize: number;
  highContrast: boolean;
  contrastBorder: string;
}

function variable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value.length > 0 ? value : fallback;
}

/** A colour the browser resolves, so `color-mix()` shades reach the canvas as plain rgb(a). */
function resolved(color: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.hidden = true;
  // CSSOM, not a style attribute: the strict CSP allows it.
  probe.style.color = color;
  document.body.appendChild(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value || fallback;
}

export function readColors(): ChartColors {
  const style = getComputedStyle(document.body);
  const focus = variable(style, '--vscode-charts-green', '#89d185');
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const text = variable(style, '--vscode-foreground', '#cccccc');
  return {
    coding: variable(style, '--vscode-charts-blue', '#3794ff'),
    agent: variable(style, '--vscode-charts-purple', '#b180d7'),
    meetings: variable(style, '--vscode-charts-orange', '#d18616'),
    target: variable(style, '--vscode-charts-red', '#f14c4c'),
    focus,
    breaks: variable(style, '--vscode-charts-purple', '#b180d7'),
    // The focus colour, striped (see charts.ts): a block not coded is a focus block, and differs from Meetings (orange) by more than hue.
    focusUncoded: focus,
    focusAhead: resolved(`color-mix(in srgb, ${focus} 35%, transparent)`, focus),
    fragmented: resolved(`color-mix(in srgb, ${text} 30%, transparent)`, text),
    text,
    grid: variable(style, '--vscode-editorWidget-border', variable(style, '--vscode-widget-border', 'rgba(128,128,128,0.35)')),
    background: variable(style, '--vscode-editor-background', '#1e1e1e'),
    fontFamily: variable(style, '--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(variable(style, '--vscode-font-size', '13')) || 13,
    highContrast,
    contrastBorder: variable(style, '--vscode-contrastBorder', text),
  };
}

/**
 * Calls `onChange` when VS Code switches the theme: it swaps the body's vscode-light/-dark/-high-contrast classes
 * and rewrites the --vscode-* variables on <html> (two dark themes differ only in the latter).
 */
export function observeTheme(onChange: () => void): MutationObserver {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return observer;
}
