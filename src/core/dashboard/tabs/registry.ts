// The dashboard's tabs on the host's side: one model builder per tab, each in its own file in this folder.
//
// To add a tab (say `skills`):
//   1. src/core/dashboard/tabs/skills.ts: its model type and `skillsTab: DashboardTabBuilder<SkillsModel>`; add it below.
//   2. src/shared/protocol.ts: its id in TABS, where it goes in the tab bar (the compiler asks for it).
//   3. src/webview/tabs/skills.ts: its renderer; add it to RENDERERS in src/webview/tabs/registry.ts (the compiler asks).
// The panel, the message loop, the tab bar, keyboard navigation, charts and saved state need no change.
import type { DashboardTabBuilder } from './tab';
import { breakdownTab } from './breakdown';
import { focusTab } from './focus';
import { meetingsTab } from './meetings';
import { overviewTab } from './overview';
import { skillsTab } from './skills';
import { todayTab } from './today';

export const TAB_BUILDERS = {
  overview: overviewTab,
  today: todayTab,
  focus: focusTab,
  meetings: meetingsTab,
  breakdown: breakdownTab,
  skills: skillsTab,
} satisfies Record<string, DashboardTabBuilder<unknown>>;

export type DashboardTab = keyof typeof TAB_BUILDERS;

/** Each tab's model, by tab id. */
export type TabModels = { [K in DashboardTab]: (typeof TAB_BUILDERS)[K] extends DashboardTabBuilder<infer M> ? M : never };

/** The model of the one tab a render built, tagged with its id. */
export type ShownTabModel = { [K in DashboardTab]: { id: K; model: TabModels[K] } }[DashboardTab];
