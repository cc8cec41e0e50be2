// How the CLI prints: one JSON format, one rounding of minutes in JSON, one duration format on the terminal.
// The texts themselves come from the core (core/report), as the extension shows them.
import { formatDuration, round1 } from '../core/report/formatDuration';
import type { CliIO } from './io';

/** Every `--json` output: two-space indent. Minutes and percents in it are `jsonMinutes`. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Minutes (and percents) in JSON: one decimal, as `hands-on report --json` and "Export Data…" write them. */
export const jsonMinutes = round1;

/** Each value of a record of minutes rounded by `jsonMinutes`. */
export function jsonMinutesByKey(minutes: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(minutes).map(([key, value]) => [key, jsonMinutes(value)]));
}

/** A duration on the terminal: `3h10m`, `45m`, as the status bar and the dashboard write it. */
export const durationText = formatDuration;

/** The field names of a JSON value: `{"a", "b": {"c"}, "d": [{"e"}]}` (an array shows its first element, an empty object its name only). */
export function jsonFields(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length > 0 ? jsonFields(value[0]) : ''}]`;
  if (typeof value !== 'object' || value === null) return '';
  const fields = Object.entries(value).map(([name, inner]) => {
    const shape = jsonFields(inner);
    return shape === '' || shape === '{}' ? JSON.stringify(name) : `${JSON.stringify(name)}: ${shape}`;
  });
  return `{${fields.join(', ')}}`;
}

/** `jsonFields` as help lines of at most `width` characters, broken after commas. */
export function jsonFieldsHelp(example: unknown, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of jsonFields(example).split(/(?<=, )/)) {
    if (line.length > 0 && (line + part).trimEnd().length > width) {
      lines.push(line.trimEnd());
      line = ` ${part}`;
    } else line += part;
  }
  lines.push(line.trimEnd());
  return lines;
}
