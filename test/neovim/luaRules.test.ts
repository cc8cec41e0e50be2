import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActivityTracker } from '../../src/core/activity/activityTracker';
import type { ActivitySpan } from '../../src/core/activity/activitySpan';
import { CHARACTER_BUCKET_MS } from '../../src/core/activity/characterCounts';
import { MINUTE_MS } from '../../src/core/time/clock';
import { parseRecordLine } from '../../src/node/journal/records';
import { FakeClock } from '../builders/fakeClock';
import { useTempDir } from '../builders/tempDir';
import { random } from '../fuzz/icsMutations';
import { PLUGIN_DIR, ROOT, runHeadless } from './headlessNeovim';

/*
 * The plugin's pure rules run in a real Neovim with a fake clock (every call takes the time): the idle rule must give
 * the very spans the extension's ActivityTracker gives for the same events, and its journal lines must be records the
 * reader accepts as written.
 */

type Op =
  | { op: 'record' | 'typed' | 'tick' | 'take' | 'finish'; t: number }
  | { op: 'focus'; t: number; on: boolean }
  | { op: 'context'; t: number; l?: string; w?: string };

interface LuaSpan {
  s: number;
  e: number;
  l?: string;
  w?: string;
}

interface RulesOutput {
  takes: LuaSpan[][];
  lines: string[];
  buckets: { s: number; l?: string; y: number }[];
}

const SECOND_MS = 1000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const PROCESS_ID = 'host-neovim.4242.1772441000000';

const list = <T>(value: T[] | Record<string, never>): T[] => (Array.isArray(value) ? value : []);

function runLua(home: string, ops: Op[], timeoutMinutes: number): RulesOutput {
  const input = path.join(home, 'ops.json');
  const output = path.join(home, 'out.json');
  fs.writeFileSync(input, JSON.stringify({ timeout_ms: timeoutMinutes * MINUTE_MS, id: PROCESS_ID, ops }));
  const init = `vim.opt.runtimepath:prepend(${JSON.stringify(PLUGIN_DIR)})\n`;
  const printed = runHeadless(home, init, [`luafile ${path.join(ROOT, 'test', 'neovim', 'ruleDriver.lua')}`], { HANDS_ON_RULES_IN: input, HANDS_ON_RULES_OUT: output });
  assert.ok(fs.existsSync(output), `the driver ran: ${printed}`);
  const raw = JSON.parse(fs.readFileSync(output, 'utf8')) as { takes: (LuaSpan[] | Record<string, never>)[]; lines: string[] | Record<string, never>; buckets: RulesOutput['buckets'] | Record<string, never> };
  return { takes: list(raw.takes).map(list), lines: list(raw.lines), buckets: list(raw.buckets) };
}

/** The extension's tracker on the same operations: what the Lua tracker must match. */
function runTypeScript(ops: Op[], timeoutMinutes: number): LuaSpan[][] {
  const clock = new FakeClock(T0);
  const tracker = new ActivityTracker({ clock, idleTimeoutMinutes: timeoutMinutes });
  const takes: LuaSpan[][] = [];
  const asLua = (span: ActivitySpan): LuaSpan => ({ s: span.start, e: span.end, ...(span.language !== undefined && { l: span.language }), ...(span.workspace !== undefined && { w: span.workspace }) });
  for (const op of ops) {
    clock.set(op.t);
    if (op.op === 'record' || op.op === 'typed') tracker.record();
    else if (op.op === 'tick') tracker.tick();
    else if (op.op === 'focus') tracker.setFocused(op.on);
    else if (op.op === 'context') tracker.setContext({ language: op.l, workspace: op.w });
    else takes.push((op.op === 'take' ? tracker.takeSpans() : tracker.dispose()).map(asLua));
  }
  return takes;
}

/** A day of someone working: bursts of keys, pauses, a flush every 30 s, focus lost and back, clock jumps. */
function randomDay(seed: number): Op[] {
  const next = random(seed);
  const ops: Op[] = [];
  let t = T0;
  let nextFlush = T0 + 30 * SECOND_MS;
  const names = ['shop', 'api', 'a "quoted"\\ name', 'ünïcødé', '/abs/path/to/repo', '  ', 'tab\there'];
  const languages = ['typescript', 'lua', 'python', undefined];
  for (let i = 0; i < 3000; i++) {
    const roll = next();
    if (roll < 0.7) t += Math.floor(next() * 5 * SECOND_MS);
    else if (roll < 0.9) t += Math.floor(next() * 3 * MINUTE_MS);
    else if (roll < 0.95) t += Math.floor(next() * 20 * MINUTE_MS);
    else if (roll < 0.97) t -= Math.floor(next() * 10 * MINUTE_MS);
    while (nextFlush <= t) {
      ops.push({ op: 'tick', t: nextFlush }, { op: 'take', t: nextFlush });
      nextFlush += 30 * SECOND_MS;
    }
    const kind = next();
    if (kind < 0.6) ops.push({ op: 'typed', t });
    else if (kind < 0.85) ops.push({ op: 'record', t });
    else if (kind < 0.93) ops.push({ op: 'context', t, l: languages[Math.floor(next() * languages.length)], w: names[Math.floor(next() * names.length)] });
    else ops.push({ op: 'focus', t, on: next() < 0.6 });
    if (t < nextFlush - 30 * SECOND_MS) nextFlush = t + 30 * SECOND_MS;
  }
  ops.push({ op: 'finish', t: t + SECOND_MS });
  return ops;
}

describe('The Neovim plugin’s rules in a real Neovim, with a fake clock', function () {
  const home = useTempDir('hands-on-nvim-rules-');

  it('credits a minute of typing with pauses to 30 s after the last event; a gap of exactly the idle timeout joins, a longer one splits', () => {
    const ops: Op[] = [{ op: 'context', t: T0, l: 'lua', w: 'dotfiles' }];
    for (let second = 0; second <= 60; second += 3) ops.push({ op: 'typed', t: T0 + second * SECOND_MS });
    ops.push({ op: 'record', t: T0 + 120 * SECOND_MS }, { op: 'record', t: T0 + 180 * SECOND_MS + 1 }, { op: 'take', t: T0 + 400 * SECOND_MS });
    const lua = runLua(home.path, ops, 1);
    assert.deepEqual(lua.takes, [
      [
        { s: T0, e: T0 + 150 * SECOND_MS, l: 'lua', w: 'dotfiles' },
        { s: T0 + 180 * SECOND_MS + 1, e: T0 + 210 * SECOND_MS + 1, l: 'lua', w: 'dotfiles' },
      ],
    ]);
    assert.deepEqual(lua.buckets, [{ s: T0, l: 'lua', y: 21 }]);
  });

  for (const [seed, timeout] of [
    [1, 1],
    [2, 5],
    [3, 15],
  ] as const) {
    it(`gives the extension's spans for a random day of events (seed ${seed}, idle timeout ${timeout} min)`, () => {
      const ops = randomDay(seed);
      const lua = runLua(home.path, ops, timeout);
      const expected = runTypeScript(ops, timeout);
      assert.ok(expected.flat().length > 20, 'the day has spans');
      assert.deepEqual(lua.takes, expected);
    });
  }

  it('writes lines the journal reader takes as written: spans with src neovim, cumulative typed characters with the process id', () => {
    const ops = randomDay(4);
    const lua = runLua(home.path, ops, 5);
    const spans = lua.takes.flat();
    const parsed = lua.lines.map((line) => parseRecordLine(line));
    assert.equal(parsed.filter((record) => record === undefined).length, 0, 'every line is a valid record');
    const activity = parsed.flatMap((record) => (record?.kind === 'activity' ? [record.span] : []));
    assert.deepEqual(
      activity,
      spans.map((span) => ({ start: span.s, end: span.e, ...(span.w !== undefined && { workspace: span.w }), ...(span.l !== undefined && { language: span.l }), source: 'neovim' })),
    );
    const characters = parsed.flatMap((record) => (record?.kind === 'characters' ? [record] : []));
    assert.equal(characters.length, lua.buckets.length);
    assert.ok(characters.every((record) => record.id === PROCESS_ID && record.bucket.start % CHARACTER_BUCKET_MS === 0));
    // Cumulative: the last count of each quarter hour and language is every character typed in it.
    const typedPerBucket = new Map<string, number>();
    let language: string | undefined;
    for (const op of ops) {
      if (op.op === 'context') language = op.l;
      if (op.op === 'typed') {
        const key = `${op.t - (op.t % CHARACTER_BUCKET_MS)}|${language ?? ''}`;
        typedPerBucket.set(key, (typedPerBucket.get(key) ?? 0) + 1);
      }
    }
    const lastCounts = new Map(characters.map((record) => [`${record.bucket.start}|${record.bucket.language ?? ''}`, record.bucket.counts.typed]));
    assert.deepEqual(lastCounts, typedPerBucket);
  });
});
