/** `3h10m`, `45m`, `4h`, `0m`: compact enough for the status bar. Rounds to whole minutes. */
export function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}

/** Hours with one decimal and no trailing `.0`: `3.2`, `4`. */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return String(hours);
}

/** Whole percent for display, or an em dash when there is nothing to divide. */
export function formatPercent(percent: number | undefined): string {
  return percent === undefined ? '—' : `${Math.round(percent)}%`;
}

/** One decimal, as `hands-on report --json` and "Export Data…" write minutes and percents. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
