import type { Component } from './icalTypes';

/** Nothing a calendar means can end this late; a value past it is a typo or an attack, never a meeting. */
export const LATEST_INSTANT_MS = Date.UTC(2200, 0, 1);

/**
 * One value of one event that cannot be read. It costs that event (or only that property, where the rest still
 * makes sense) and becomes a warning that names the event and the property: never a raw JavaScript message.
 */
export class EventProblem extends Error {
  constructor(
    readonly property: string,
    readonly why: string,
  ) {
    super(`${property} ${why}`);
  }
}

/** `read()`'s value; any failure inside it becomes an EventProblem that names `property`. */
export function readProperty<T>(property: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EventProblem) throw error;
    throw new EventProblem(property, 'has a value that cannot be read');
  }
}

/** Throws unless `ms` is an instant a calendar can mean: finite and before LATEST_INSTANT_MS. */
export function checkInstant(ms: number, property: string): number {
  if (!Number.isFinite(ms)) throw new EventProblem(property, 'is not a readable date');
  if (ms >= LATEST_INSTANT_MS) throw new EventProblem(property, 'lies after the year 2200');
  return ms;
}

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** `"Title" (UID x)` for warnings: the user finds the event by either. */
export function eventName(title: string, uid: string): string {
  const shortTitle = short(title.trim());
  return shortTitle ? `"${shortTitle}" (UID ${short(uid.trim())})` : `the event with UID ${short(uid.trim())}`;
}

/** eventName for a parsed event. */
export function describeEvent(component: Component | undefined, uid: string): string {
  let title = '';
  try {
    const summary = component?.getFirstPropertyValue('summary');
    title = typeof summary === 'string' ? summary : '';
  } catch {
    // A title that cannot be read still leaves the UID to find the event by.
  }
  return eventName(title, uid);
}

/** The explanation a warning gives for `error`; anything but an EventProblem is described without its raw text. */
export function problemText(error: unknown): string {
  return error instanceof EventProblem ? error.message : 'dates cannot be read';
}
