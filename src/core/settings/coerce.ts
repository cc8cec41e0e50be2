import type { NumberRange } from './settings';

/**
 * One coercer per value shape. Each returns the value to use and, when the raw value was not already valid,
 * a sentence saying what was wrong; validateSettings turns that into the one problem for the setting.
 */
export interface Coerced<T> {
  value: T;
  issue?: string;
}

/** Short, safe rendering of whatever settings.json held, for messages (never huge, never multi-line). */
export function describeRaw(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw === null) return String(raw);
  if (Array.isArray(raw)) return 'an array';
  return `a value of type ${typeof raw}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

export function coerceNumber(raw: unknown, fallback: number, range: NumberRange): Coerced<number> {
  if (raw === undefined) return { value: fallback };
  let candidate: number;
  if (typeof raw === 'number') candidate = raw;
  else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw.trim()))) candidate = Number(raw.trim());
  else return { value: fallback, issue: `${describeRaw(raw)} is not a number; using the default ${fallback}` };
  if (Number.isNaN(candidate)) return { value: fallback, issue: `NaN is not a number; using the default ${fallback}` };
  // Infinity is out of range rather than meaningless: the nearest valid value is the bound.
  let value = Math.min(range.max, Math.max(range.min, candidate));
  if (range.integer) value = Math.round(value);
  if (typeof raw === 'number' && value === raw) return { value };
  const why = typeof raw === 'string' ? `${describeRaw(raw)} is text, not a number` : `${describeRaw(raw)} is outside ${range.min}–${range.max}`;
  const detail = typeof raw === 'number' && candidate >= range.min && candidate <= range.max ? `${describeRaw(raw)} is not a whole number` : why;
  return { value, issue: `${detail}; using ${value}` };
}

export function coerceBoolean(raw: unknown, fallback: boolean): Coerced<boolean> {
  if (raw === undefined) return { value: fallback };
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) {
    const value = raw.trim().toLowerCase() === 'true';
    return { value, issue: `${describeRaw(raw)} is text, not true/false; using ${value}` };
  }
  return { value: fallback, issue: `${describeRaw(raw)} is not true or false; using the default ${fallback}` };
}

export function coerceEnum<T extends string>(raw: unknown, fallback: T, allowed: readonly T[]): Coerced<T> {
  if (raw === undefined) return { value: fallback };
  if (typeof raw === 'string') {
    if ((allowed as readonly string[]).includes(raw)) return { value: raw as T };
    const near = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
    if (near) return { value: near, issue: `${describeRaw(raw)} is not spelled as expected; using ${show(near)}` };
  }
  return { value: fallback, issue: `${describeRaw(raw)} is not one of ${allowed.map(show).join(', ')}; using the default ${show(fallback)}` };
}

/**
 * Arrays of strings: each entry is normalised by `item` (undefined drops it). A non-array, or an array that ends up
 * empty when `emptyMeansDefault`, gives the default.
 */
export function coerceStringList(
  raw: unknown,
  fallback: readonly string[],
  item: (entry: string) => string | undefined,
  options: { emptyMeansDefault: boolean; what: string },
): Coerced<string[]> {
  if (raw === undefined) return { value: [...fallback] };
  if (!Array.isArray(raw)) return { value: [...fallback], issue: `${describeRaw(raw)} is not a list; using the default ${show(fallback)}` };
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const entry of raw as unknown[]) {
    const normalised = typeof entry === 'string' ? item(entry) : undefined;
    if (normalised === undefined) dropped.push(describeRaw(entry));
    else if (!kept.includes(normalised)) kept.push(normalised);
  }
  if (kept.length === 0 && options.emptyMeansDefault) {
    const reason = raw.length === 0 ? 'the list is empty' : `no entry is ${options.what}`;
    return { value: [...fallback], issue: `${reason}; using the default ${show(fallback)}` };
  }
  if (dropped.length > 0) return { value: kept, issue: `ignored ${dropped.join(', ')} (not ${options.what}); using ${show(kept)}` };
  return { value: kept };
}
