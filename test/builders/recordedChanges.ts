import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EditAttributor, TextChangeFacts } from '../../src/core/activity/attribution';

/**
 * Change and selection events as VS Code delivered them to an extension, recorded in code-server 4.100.3
 * (VS Code 1.100.3) by the test helper extension (test/helperExtension) while Playwright pressed real keys in
 * the scenarios of test/e2e/attribution.e2e.test.ts: one JSON line per event, `t` in ms from the scenario's
 * start, facts as host/activityEvents.ts computes them (sizes and places, never content), and whether the
 * clipboard matched a paste-shaped insertion. Kept in test/fixtures/attribution/.
 */
export type RecordedEvent =
  | { readonly t: number; readonly type: 'change'; readonly facts: TextChangeFacts }
  | { readonly t: number; readonly type: 'selection'; readonly kind: 'keyboard' | 'mouse' | 'command' | 'none' }
  | { readonly t: number; readonly type: 'clipboard'; readonly matches: boolean }
  | { readonly t: number; readonly type: 'scroll' | 'willSave' | 'didSave' };

const FIXTURES = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'attribution');

/** Every recording by name (the file name without .jsonl). */
export function recordings(): Record<string, RecordedEvent[]> {
  const all: Record<string, RecordedEvent[]> = {};
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.jsonl')).sort()) {
    all[name.replace(/\.jsonl$/, '')] = readFileSync(join(FIXTURES, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RecordedEvent)
      .sort((a, b) => a.t - b.t);
  }
  return all;
}

/** Feeds a recording to the rules as the host would; returns the time of the last event. */
export function replay(events: readonly RecordedEvent[], t0: number, rules: EditAttributor): number {
  let last = t0;
  for (const event of events) {
    last = t0 + event.t;
    switch (event.type) {
      case 'change':
        rules.textChanged(event.facts, last);
        break;
      case 'selection':
        if (event.kind === 'keyboard' || event.kind === 'mouse') rules.humanInput(last);
        break;
      case 'clipboard':
        if (event.matches) rules.pasted(last);
        break;
      case 'willSave':
        rules.saving(last, last + 10_000);
        break;
      case 'didSave':
        rules.saved();
        break;
      case 'scroll':
        break;
    }
  }
  return last;
}
