import type { Balance } from '../balance/computeBalance';
import type { StatusBarFormat } from '../settings/settings';
import { formatDuration, formatHours, formatPercent } from './formatDuration';

/** The status bar item's text for each `handsOn.statusBar.format`. `$(…)` are codicons rendered by VS Code. */
export function formatStatusText(balance: Pick<Balance, 'codingMinutes' | 'meetingMinutes' | 'handsOnPercent' | 'belowTarget'>, format: StatusBarFormat): string {
  switch (format) {
    case 'percent':
      return `$(code) ${formatPercent(balance.handsOnPercent)} hands-on`;
    case 'hours':
      return `${formatDuration(balance.codingMinutes)} code · ${formatDuration(balance.meetingMinutes)} meetings`;
    case 'ratio':
      return `${formatHours(balance.codingMinutes)} : ${formatHours(balance.meetingMinutes)}`;
    case 'icon':
      // Privacy mode: nothing a screen-share could read except whether the target is met.
      return balance.belowTarget ? '$(warning) hands-on' : '$(check) hands-on';
  }
}
