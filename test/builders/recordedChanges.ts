import type { CharacterKind, EditAttributor, TextChangeFacts } from '../../src/core/activity/attribution';

/**
 * Change and selection events as VS Code delivered them to an extension, recorded in code-server 4.100.3
 * (VS Code 1.100.3) by the test helper extension (test/helperExtension, command "Hands-On Test Helper: Record
 * Events") while Playwright pressed real keys. Times are ms from the first event; facts are what
 * host/activityEvents.ts computes (sizes and places, never content).
 */
export type RecordedEvent =
  | { readonly t: number; readonly type: 'change'; readonly facts: TextChangeFacts }
  | { readonly t: number; readonly type: 'selection'; readonly kind: 'keyboard' | 'mouse' | 'command' | 'none' }
  | { readonly t: number; readonly type: 'willSave' | 'didSave' };

export interface Recording {
  readonly events: readonly RecordedEvent[];
  readonly expect: {
    readonly description: string;
    readonly characters: Partial<Record<CharacterKind, number>>;
    readonly handsOnTime: boolean;
    readonly agentTime: boolean;
  };
}

/** Feeds a recording to the rules as the host would; returns the time of the last event. */
export function replay(events: readonly RecordedEvent[], t0: number, rules: EditAttributor): number {
  let last = t0;
  for (const event of events) {
    last = t0 + event.t;
    if (event.type === 'change') rules.textChanged(event.facts, last);
    else if (event.type === 'selection') {
      if (event.kind === 'keyboard' || event.kind === 'mouse') rules.humanInput(last);
    } else if (event.type === 'willSave') rules.saving(last, last + 10_000);
    else rules.saved();
  }
  return last;
}

export const RECORDED: Readonly<Record<string, Recording>> = {};
