import type { Balance } from '../balance/computeBalance';
import type { StatusBarFormat } from '../settings/settings';
import { formatDuration, formatHours, formatPercent } from '../report/formatDuration';

/** Whether time is being recorded: a paused tracker or an unwritable data folder replaces the item's icon. */
export type TrackingState = 'tracking' | 'paused' | 'storage-problem';

const STATE_ICON: Record<Exclude<TrackingState, 'tracking'>, string> = { paused: '$(debug-pause)', 'storage-problem': '$(error)' };

/** The status bar item's text for each `handsOn.statusBar.format`. `$(…)` are codicons rendered by VS Code. */
export function formatStatusText(
  balance: Pick<Balance, 'codingMinutes' | 'meetingMinutes' | 'handsOnPercent' | 'belowTarget'>,
  format: StatusBarFormat,
  state: TrackingState = 'tracking',
): string {
  const [icon, body] = iconAndBody(balance, format);
  const shownIcon = state === 'tracking' ? icon : STATE_ICON[state];
  return shownIcon ? `${shownIcon} ${body}` : body;
}

function iconAndBody(balance: Pick<Balance, 'codingMinutes' | 'meetingMinutes' | 'handsOnPercent' | 'belowTarget'>, format: StatusBarFormat): [string | undefined, string] {
  switch (format) {
    case 'percent':
      return ['$(code)', `${formatPercent(balance.handsOnPercent)} hands-on`];
    case 'hours':
      return [undefined, `${formatDuration(balance.codingMinutes)} code · ${formatDuration(balance.meetingMinutes)} meetings`];
    case 'ratio':
      return [undefined, `${formatHours(balance.codingMinutes)} : ${formatHours(balance.meetingMinutes)}`];
    case 'icon':
      // Privacy mode: nothing a screen-share could read except whether the target is met.
      return [balance.belowTarget ? '$(warning)' : '$(check)', 'hands-on'];
  }
}
