// The "Where the coding went" tab: coding of the range by workspace, by language and by source.
import { sourceLabel } from '../../activity/activitySpan';
import { formatDuration, formatPercent } from '../../report/formatDuration';
import type { ShareModel } from '../model';
import { rangeLabel } from '../parts';
import type { DashboardTabBuilder } from './tab';

/** Workspaces and languages beyond this many are summed as "Other". */
export const MAX_SHARES = 10;

export interface BreakdownModel {
  /** False when `handsOn.recordProjectNames` is off: no workspaces or languages to show, and the UI says why. */
  recorded: boolean;
  periodLabel: string;
  byWorkspace: ShareModel[];
  byLanguage: ShareModel[];
  /** Where the hands were: VS Code, the terminal, Neovim (recorded whatever the setting). */
  bySource: ShareModel[];
}

function shares(minutesByName: Record<string, number>): ShareModel[] {
  const entries = Object.entries(minutesByName).filter(([, minutes]) => Number.isFinite(minutes) && minutes > 0);
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, minutes]) => sum + minutes, 0);
  const kept = entries.slice(0, MAX_SHARES);
  const rest = entries.slice(MAX_SHARES).reduce((sum, [, minutes]) => sum + minutes, 0);
  if (rest > 0) kept.push(['Other', rest]);
  return kept.map(([name, minutes]) => {
    const percent = total > 0 ? (minutes / total) * 100 : 0;
    return { name, minutes, text: formatDuration(minutes), percent, percentText: formatPercent(percent) };
  });
}

export const breakdownTab: DashboardTabBuilder<BreakdownModel> = {
  breakdownRange: ({ interval }) => interval,
  build({ inputs }) {
    // Labelled with the span the host broke coding down over.
    const periodLabel = rangeLabel(inputs.breakdownRange ?? inputs.range, inputs.zone);
    const bySource = shares(Object.fromEntries(Object.entries(inputs.codingMinutesBySource).map(([name, minutes]) => [sourceLabel(name), minutes])));
    return inputs.settings.recordProjectNames
      ? { recorded: true, periodLabel, byWorkspace: shares(inputs.codingMinutesByWorkspace), byLanguage: shares(inputs.codingMinutesByLanguage), bySource }
      : { recorded: false, periodLabel, byWorkspace: [], byLanguage: [], bySource };
  },
};
