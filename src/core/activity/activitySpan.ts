/**
 * A piece of coding time as the tracker hands it to storage: [start, end) in epoch ms.
 * Context is optional and never more than a folder name and a language id (privacy rule: no paths, no content).
 */
export interface ActivitySpan {
  readonly start: number;
  readonly end: number;
  readonly workspace?: string;
  readonly language?: string;
  /** Agent time: edits arrived that the user did not make. Absent (hands-on coding) in every record written by 0.1.0. */
  readonly agent?: true;
}

export interface SpanContext {
  readonly workspace?: string;
  readonly language?: string;
}

const MAX_CONTEXT_LENGTH = 100;

/**
 * Keeps only the last path segment and a bounded length, so a host that passes a path by mistake
 * still never stores one. Empty means "no context".
 */
export function sanitizeContextValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lastSegment = value.split(/[\\/]/).filter((part) => part.length > 0).pop() ?? '';
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_CONTEXT_LENGTH);
  return cleaned.length > 0 ? cleaned : undefined;
}
