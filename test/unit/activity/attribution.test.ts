import * as assert from 'node:assert/strict';
import { AttributedActivity } from '../../../src/core/activity/attributedActivity';
import { CONFIRM_WINDOW_MS, EditAttributor, INLINE_COMPLETION_WINDOW_MS, LATE_SIGNAL_WINDOW_MS, type CharacterKind, type TextChangeFacts } from '../../../src/core/activity/attribution';
import { splitHandsOnAndAgents } from '../../../src/core/activity/handsAndAgents';
import { MINUTE_MS } from '../../../src/core/time/clock';
import { FakeClock } from '../../builders/fakeClock';
import { durationMs } from '../../../src/core/time/interval';
import { T0 } from '../../builders/activitySimulation';
import { recordings, replay, type RecordedEvent } from '../../builders/recordedChanges';

interface Outcome {
  human: number[];
  agent: number[];
  characters: { kind: CharacterKind; count: number; time: number }[];
}

function attributor(): { rules: EditAttributor; out: Outcome } {
  const out: Outcome = { human: [], agent: [], characters: [] };
  const rules = new EditAttributor({
    human: (time) => out.human.push(time),
    agent: (time) => out.agent.push(time),
    characters: (kind, count, time) => out.characters.push({ kind, count, time }),
  });
  return { rules, out };
}

const facts = (overrides: Partial<TextChangeFacts>): TextChangeFacts => ({ inActiveEditor: true, undoRedo: false, insertedChars: 1, multiLine: false, atCursor: true, clean: false, ...overrides });

function kinds(out: Outcome): Partial<Record<CharacterKind, number>> {
  const sums: Partial<Record<CharacterKind, number>> = {};
  for (const { kind, count } of out.characters) sums[kind] = (sums[kind] ?? 0) + count;
  return sums;
}

/** Replays a recording through the rules, settling after its last event. */
function classify(events: readonly RecordedEvent[]): Outcome {
  const { rules, out } = attributor();
  const end = replay(events, T0, rules);
  rules.settle(end + LATE_SIGNAL_WINDOW_MS + 1);
  return out;
}

describe('attribution rules, one by one', () => {
  it('rule 1: undo and redo are typed by you, at once, whatever else is true', () => {
    const { rules, out } = attributor();
    rules.textChanged(facts({ undoRedo: true, insertedChars: 12, multiLine: true, atCursor: false }), T0);
    assert.deepEqual(out, { human: [T0], agent: [], characters: [{ kind: 'typed', count: 12, time: T0 }] });
  });

  it('rule 2: a change to a document that is not the active one is an agent edit, even right after a keystroke', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ inActiveEditor: false, insertedChars: 30 }), T0 + 10);
    rules.humanInput(T0 + 20);
    assert.deepEqual(out, { human: [], agent: [T0 + 10], characters: [{ kind: 'agent', count: 30, time: T0 + 10 }] });
  });

  it('rule 3: edits to the active document while you save (format on save) are typed by you; after the save they are not', () => {
    const { rules, out } = attributor();
    rules.saving(T0, T0 + 10_000);
    rules.textChanged(facts({ insertedChars: 4, atCursor: false }), T0 + 300);
    rules.saved();
    rules.textChanged(facts({ insertedChars: 4, atCursor: false }), T0 + 400);
    rules.settle(T0 + 400 + LATE_SIGNAL_WINDOW_MS + 1);
    assert.deepEqual(out.human, [T0 + 300]);
    assert.deepEqual(out.agent, [T0 + 400]);
  });

  it('rule 3: format on save arrives before extensions hear of the save, and is still yours; an older edit is not', () => {
    const { rules, out } = attributor();
    rules.textChanged(facts({ insertedChars: 5, atCursor: false }), T0);
    rules.textChanged(facts({ insertedChars: 27, atCursor: false }), T0 + 1_000);
    rules.saving(T0 + 1_000 + LATE_SIGNAL_WINDOW_MS, T0 + 10_000);
    rules.saved();
    assert.deepEqual(out, {
      human: [T0 + 1_000],
      agent: [T0],
      characters: [
        { kind: 'agent', count: 5, time: T0 },
        { kind: 'typed', count: 27, time: T0 + 1_000 },
      ],
    });
  });

  it('rule 4: a paste-shaped insertion at the cursor that the clipboard holds is pasted, whatever selection follows', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 1099, multiLine: true }), T0 + 90);
    rules.pasted(T0 + 95);
    rules.settle(T0 + 5_000);
    rules.pasted(T0 + 5_001);
    assert.deepEqual(out, { human: [T0 + 90], agent: [], characters: [{ kind: 'pasted', count: 1099, time: T0 + 90 }] });
  });

  it('rule 4: a change a keyboard or mouse selection confirms within the window is yours: typed, or pasted by its shape', () => {
    const { rules, out } = attributor();
    rules.textChanged(facts({ insertedChars: 1 }), T0);
    rules.humanInput(T0 + 5);
    rules.textChanged(facts({ insertedChars: 900, multiLine: true }), T0 + 2_000);
    rules.humanInput(T0 + 2_000 + CONFIRM_WINDOW_MS);
    rules.textChanged(facts({ insertedChars: 45 }), T0 + 4_000);
    rules.humanInput(T0 + 4_010);
    assert.deepEqual(out.human, [T0, T0 + 2_000, T0 + 4_000]);
    assert.deepEqual(kinds(out), { typed: 1, pasted: 945 });
  });

  it('rule 4: a confirmation that comes too late does not make an edit yours', () => {
    const { rules, out } = attributor();
    rules.textChanged(facts({ insertedChars: 20, atCursor: false }), T0);
    rules.humanInput(T0 + CONFIRM_WINDOW_MS + 1);
    rules.settle(T0 + LATE_SIGNAL_WINDOW_MS);
    assert.deepEqual(out.agent, [], 'an edit away from the cursor waits for a late save');
    rules.settle(T0 + LATE_SIGNAL_WINDOW_MS + 1);
    assert.deepEqual(out, { human: [], agent: [T0], characters: [{ kind: 'agent', count: 20, time: T0 }] });
  });

  it('rule 5: a deletion at your cursor (the Delete key moves no cursor) is yours; one elsewhere is not', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 0, atCursor: true }), T0 + 50);
    rules.textChanged(facts({ insertedChars: 0, atCursor: false }), T0 + 10_000);
    rules.settle(T0 + 20_000);
    assert.deepEqual(out.human, [T0 + 50]);
    assert.deepEqual(out.agent, [T0 + 10_000]);
    assert.deepEqual(out.characters, [], 'deleting lands no characters');
  });

  it('rule 6: an unconfirmed multi-line or long insertion at the cursor soon after your keys is an accepted AI completion', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 120, multiLine: true }), T0 + 8_000);
    rules.textChanged(facts({ insertedChars: 60 }), T0 + 9_000 + CONFIRM_WINDOW_MS);
    rules.settle(T0 + 20_000);
    assert.deepEqual(out.human, [T0 + 8_000, T0 + 9_000 + CONFIRM_WINDOW_MS]);
    assert.deepEqual(kinds(out), { aiCompletion: 180 });
  });

  it('rule 6: a short unconfirmed insertion at the cursor (an IntelliSense item, a snippet) is typed', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 14 }), T0 + 3_000);
    rules.settle(T0 + 10_000);
    assert.deepEqual(kinds(out), { typed: 14 });
    assert.deepEqual(out.agent, []);
  });

  it('rule 6 needs your keys within the window: the same insertion at the cursor long after is an agent edit', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 120, multiLine: true }), T0 + INLINE_COMPLETION_WINDOW_MS + 1);
    rules.settle(T0 + 2 * INLINE_COMPLETION_WINDOW_MS);
    assert.deepEqual(kinds(out), { agent: 120 });
  });

  it('rule 7: an unconfirmed edit away from the cursor is an agent edit, even while you type elsewhere in the file', () => {
    const { rules, out } = attributor();
    rules.humanInput(T0);
    rules.textChanged(facts({ insertedChars: 33, atCursor: false }), T0 + 200);
    rules.settle(T0 + 5_000);
    assert.deepEqual(kinds(out), { agent: 33 });
    assert.deepEqual(out.human, []);
  });

  it('a burst of agent edits is resolved in order, without waiting for a keystroke that never comes', () => {
    const { rules, out } = attributor();
    for (let i = 0; i < 1_000; i++) rules.textChanged(facts({ insertedChars: 2, atCursor: false }), T0 + i);
    assert.ok(out.agent.length >= 1_000 - 256, 'no more than a bounded number waits');
    rules.settle(T0 + 10_000);
    assert.equal(out.agent.length, 1_000);
    assert.deepEqual(out.agent, [...out.agent].sort((a, b) => a - b));
  });
});

/** What each recorded scenario must come out as: the characters by kind, and whether any edit was an agent's. */
const EXPECTED: Record<string, { what: string; characters: Partial<Record<CharacterKind, number>>; agentEdits: boolean }> = {
  'typing': { what: 'typing one key a second is typed, every key', characters: { typed: 61 }, agentEdits: false },
  'agent-shown-file': { what: 'an agent editing the shown file away from the cursor is the agent’s', characters: { agent: 398 }, agentEdits: true },
  'agent-unopened-file': { what: 'an agent editing an unopened file while you type: each to its own', characters: { typed: 61, agent: 398 }, agentEdits: true },
  'paste': { what: 'a 40-line paste (no keyboard source in the browser) is pasted, found on the clipboard', characters: { pasted: 1099 }, agentEdits: false },
  'inline-completion': { what: 'ghost text accepted with Tab is an AI completion', characters: { typed: 14, aiCompletion: 71 }, agentEdits: false },
  'undo-multicursor-intellisense-format': {
    what: 'undo, redo, multi-cursor typing, an IntelliSense item and format on save are typed',
    characters: { typed: 79 },
    agentEdits: false,
  },
};

describe('attribution of VS Code change events recorded in a real editor', () => {
  const all = recordings();
  it('has a recording for every expectation', () => assert.deepEqual(Object.keys(all).sort(), Object.keys(EXPECTED).sort()));
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.what}`, () => {
      const out = classify(all[name] ?? []);
      assert.deepEqual(kinds(out), expected.characters);
      assert.equal(out.agent.length > 0, expected.agentEdits, 'agent edits');
      assert.ok(out.human.length > 0 || name === 'agent-shown-file', 'hands-on events');
    });
  }
});

describe('AttributedActivity', () => {
  function setup() {
    const clock = new FakeClock(T0);
    return { clock, activity: new AttributedActivity({ clock }) };
  }

  it('an agent editing for two minutes while you do nothing is agent time, not hands-on time', () => {
    const { clock, activity } = setup();
    for (let s = 0; s <= 120; s += 5) {
      clock.set(T0 + s * 1000);
      activity.textChanged(facts({ insertedChars: 10, atCursor: false }));
      activity.tick();
    }
    clock.set(T0 + 3 * MINUTE_MS);
    const { handsOn, agent } = splitHandsOnAndAgents(activity.takeSpans(), { start: T0, end: T0 + MINUTE_MS * 10 });
    assert.equal(durationMs(handsOn), 0);
    assert.equal(durationMs(agent), 120_000 + 30_000, 'two minutes plus the credit after the last edit');
    assert.deepEqual(
      activity.takeCharacters().map((b) => b.counts),
      [{ typed: 0, pasted: 0, aiCompletion: 0, agent: 250 }],
    );
  });

  it('a moment with both your typing and agent edits is hands-on', () => {
    const { clock, activity } = setup();
    for (let s = 0; s <= 60; s++) {
      clock.set(T0 + s * 1000);
      activity.textChanged(facts({ insertedChars: 1 }));
      clock.set(T0 + s * 1000 + 5);
      activity.humanInput();
      if (s % 5 === 0) activity.textChanged(facts({ inActiveEditor: false, insertedChars: 7 }));
    }
    clock.set(T0 + 2 * MINUTE_MS);
    const { handsOn, agent } = splitHandsOnAndAgents(activity.takeSpans(), { start: T0, end: T0 + MINUTE_MS * 10 });
    assert.equal(durationMs(handsOn), 60_005 + 30_000);
    assert.equal(durationMs(agent), 0);
    const [bucket] = activity.takeCharacters();
    assert.deepEqual(bucket?.counts, { typed: 61, pasted: 0, aiCompletion: 0, agent: 7 * 13 });
  });

  it('counts nothing while paused or unfocused', () => {
    const { clock, activity } = setup();
    activity.pause();
    activity.textChanged(facts({ insertedChars: 5, inActiveEditor: false }));
    activity.resume();
    activity.setFocused(false);
    clock.advance(1000);
    activity.textChanged(facts({ insertedChars: 5, inActiveEditor: false }));
    clock.advance(5000);
    assert.deepEqual(activity.takeSpans(), []);
    assert.deepEqual(activity.takeCharacters(), []);
  });

  it('hands out character counts cumulatively per quarter hour, so a repeated record adds nothing', () => {
    const { clock, activity } = setup();
    activity.textChanged(facts({ insertedChars: 5, inActiveEditor: false }));
    assert.deepEqual(activity.takeCharacters()[0]?.counts.agent, 5);
    assert.deepEqual(activity.takeCharacters(), [], 'nothing changed');
    clock.advance(1000);
    activity.textChanged(facts({ insertedChars: 3, inActiveEditor: false }));
    assert.deepEqual(activity.takeCharacters()[0]?.counts.agent, 8);
    clock.advance(15 * MINUTE_MS);
    activity.textChanged(facts({ insertedChars: 2, inActiveEditor: false }));
    const next = activity.takeCharacters();
    assert.equal(next.length, 1);
    assert.equal(next[0]!.counts.agent, 2);
    assert.equal(next[0]!.start, T0 + 15 * MINUTE_MS);
  });
});

describe('reloads from disk and saves (issue 15)', () => {
  it('a change the host found equal to the file on disk is the disk agent’s time and characters, in a bucket of its own', () => {
    const clock = new FakeClock(T0);
    const activity = new AttributedActivity({ clock });
    for (let s = 0; s <= 60; s += 5) {
      clock.set(T0 + s * 1000);
      const id = activity.textChanged(facts({ insertedChars: 26, atCursor: false, clean: true }));
      clock.set(T0 + s * 1000 + 3);
      activity.reloaded(id);
      activity.tick();
    }
    clock.set(T0 + 2 * MINUTE_MS);
    const spans = activity.takeSpans();
    assert.ok(spans.every((span) => span.agent === 'disk'), JSON.stringify(spans));
    const { handsOn, agent } = splitHandsOnAndAgents(spans, { start: T0, end: T0 + MINUTE_MS * 10 });
    assert.equal(durationMs(handsOn), 0);
    assert.equal(durationMs(agent), 60_000 + 30_000);
    assert.deepEqual(activity.takeCharacters(), [{ start: T0, counts: { typed: 0, pasted: 0, aiCompletion: 0, agent: 13 * 26 }, agent: 'disk' }]);
  });

  it('a reload of a document that is not the active one waits for the disk check too; without it, it is VS Code’s agent edit', () => {
    const { rules, out } = attributor();
    const agents: string[] = [];
    const named = new EditAttributor({ human: () => undefined, agent: (_time, name) => agents.push(name), characters: () => undefined });
    named.reloaded(named.textChanged(facts({ inActiveEditor: false, clean: true }), T0), T0 + 5);
    named.textChanged(facts({ inActiveEditor: false, clean: true }), T0 + 10);
    named.settle(T0 + 10 + LATE_SIGNAL_WINDOW_MS + 1);
    assert.deepEqual(agents, ['disk', 'vscode']);
    rules.textChanged(facts({ inActiveEditor: false, clean: true }), T0);
    assert.deepEqual(out.agent, [], 'it waits');
  });

  it('the first key after a save arrives clean, and its keyboard cursor move makes it typed, not a reload', () => {
    const { rules, out } = attributor();
    const id = rules.textChanged(facts({ clean: true }), T0);
    rules.humanInput(T0 + 2);
    rules.reloaded(id, T0 + 5);
    assert.deepEqual(out, { human: [T0], agent: [], characters: [{ kind: 'typed', count: 1, time: T0 }] });
  });

  it('undo back to the saved state is still yours', () => {
    const { rules, out } = attributor();
    rules.textChanged(facts({ undoRedo: true, clean: false, insertedChars: 3 }), T0);
    assert.deepEqual(out, { human: [T0], agent: [], characters: [{ kind: 'typed', count: 3, time: T0 }] });
  });

  it('format on save after a manual save is typed by you', () => {
    const { rules, out } = attributor();
    rules.saving(T0, T0 + 10_000);
    rules.textChanged(facts({ insertedChars: 27, atCursor: false, clean: false }), T0 + 100);
    rules.saved();
    assert.deepEqual(out.characters, [{ kind: 'typed', count: 27, time: T0 + 100 }]);
  });
});
