// The dashboard's tabs in the webview: one renderer per tab, each in its own file in this folder, keyed by the ids
// of src/core/dashboard/tabs/registry.ts (which says how to add a tab). The tab bar takes its order from TABS in
// src/shared/protocol.ts; a tab without a renderer here does not compile.
import type { DashboardTab, TabModels } from '../../core/dashboard/tabs/registry';
import { breakdownRenderer } from './breakdown';
import { focusRenderer } from './focus';
import { meetingsRenderer } from './meetings';
import { overviewRenderer } from './overview';
import type { TabRenderer } from './tab';
import { skillsRenderer } from './skills';
import { todayRenderer } from './today';

export const RENDERERS: { [K in DashboardTab]: TabRenderer<TabModels[K]> } = {
  overview: overviewRenderer,
  today: todayRenderer,
  focus: focusRenderer,
  meetings: meetingsRenderer,
  breakdown: breakdownRenderer,
  skills: skillsRenderer,
};
