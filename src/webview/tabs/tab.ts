// What a dashboard tab is in the webview: a renderer of its own, registered in registry.ts.
import type { Chart } from 'chart.js';
import type { DashboardHeaderModel } from '../../core/dashboard/model';
import type { WebviewToHost } from '../../shared/protocol';
import type { ChartColors } from '../theme';

/** What a tab may use of the page around it. */
export interface TabPage {
  /** The range and headline above every tab. */
  readonly header: DashboardHeaderModel;
  post(message: WebviewToHost): void;
}

/** Gives the canvas with `id` when it is on the page and visible (a chart in a hidden tab would have no size). */
export type CanvasLookup = (id: string) => HTMLCanvasElement | undefined;

/**
 * One tab's view of its model (built by the tab's builder in src/core/dashboard/tabs/). `render` builds the panel's
 * content from scratch every time; the page patches it into the live one (morph.ts), so open tables, focus and scroll
 * survive. Every text goes in through `el` (textContent), never as HTML.
 */
export interface TabRenderer<M> {
  /** The tab's name in the tab bar. */
  readonly label: string;
  render(model: M, page: TabPage): HTMLElement;
  /** Draws the tab's charts on the canvases `render` made, updating a chart already on its canvas in place; returns them. */
  charts?(model: M, page: TabPage, canvas: CanvasLookup, colors: ChartColors): Chart[];
}
