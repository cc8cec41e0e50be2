/** The dashboard's commands, which the webview's buttons run too (registered in wiring.ts, at activation). */
export const DASHBOARD_COMMANDS = {
  open: 'handsOn.openDashboard',
  exportFocusBlocks: 'handsOn.exportFocusBlocks',
  copySummary: 'handsOn.copyWeeklySummary',
  exportData: 'handsOn.exportData',
} as const;

export type DashboardCommandId = (typeof DASHBOARD_COMMANDS)[keyof typeof DASHBOARD_COMMANDS];
