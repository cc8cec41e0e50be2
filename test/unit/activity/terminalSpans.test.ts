import * as assert from 'node:assert/strict';
import { EVENT_CREDIT_MS } from '../../../src/core/activity/activityTracker';
import { isSelfTrackingCommand, terminalSpans, type TerminalEvent } from '../../../src/core/activity/terminalSpans';
import { durationMs, union } from '../../../src/core/time/interval';
import { MINUTE_MS } from '../../../src/core/time/clock';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const IDLE = 5 * MINUTE_MS;
const at = (seconds: number) => T0 + seconds * 1000;
const prompt = (seconds: number): TerminalEvent => ({ kind: 'prompt', time: at(seconds) });
const enter = (seconds: number, command = 'ls'): TerminalEvent => ({ kind: 'enter', time: at(seconds), command });
const seconds = (events: TerminalEvent[], exitAt?: number) => durationMs(union(terminalSpans(events, IDLE, exitAt))) / 1000;

describe('terminal spans: the idle rule of the shell snippets', () => {
  it('composing and running commands for a minute counts the minute and the credit after the last event', () => {
    const events = [prompt(0), enter(10), prompt(11), enter(30), prompt(31), enter(60), prompt(60)];
    assert.deepEqual(terminalSpans(events, IDLE), [{ start: at(0), end: at(60) + EVENT_CREDIT_MS }]);
  });

  it('a gap longer than the idle timeout at the prompt ends the span with the credit', () => {
    assert.deepEqual(terminalSpans([prompt(0), enter(5), prompt(6), enter(6 + 301)], IDLE), [
      { start: at(0), end: at(6) + EVENT_CREDIT_MS },
      { start: at(307), end: at(307) + IDLE },
    ]);
  });

  it('a gap of exactly the idle timeout still joins', () => {
    assert.equal(seconds([prompt(0), enter(300)], at(300)), 330);
  });

  it('a command that runs longer than the idle timeout counts up to the idle timeout after its Enter', () => {
    const events = [prompt(0), enter(2, 'make test'), prompt(2 + 900)];
    assert.deepEqual(terminalSpans(events, IDLE), [
      { start: at(0), end: at(2) + IDLE },
      { start: at(902), end: at(902) + EVENT_CREDIT_MS },
    ]);
  });

  it('a command that ends within the idle timeout counts its whole run', () => {
    assert.equal(seconds([prompt(0), enter(2, 'make'), prompt(242)]), 242 + 30);
  });

  it('a command still running when the shell ends counts up to then, at most the idle timeout', () => {
    assert.equal(seconds([prompt(0), enter(2, 'sleep 1000')], at(100)), 100);
    assert.equal(seconds([prompt(0), enter(2, 'sleep 1000')], at(1000)), 302);
    assert.equal(seconds([prompt(0), enter(2, 'exit')], at(2)), 32, 'an Enter keeps its credit');
  });

  it("Neovim's time is left to its plugin: its run counts nothing and the prompt after it starts a new span", () => {
    assert.deepEqual(terminalSpans([prompt(0), enter(3, 'nvim notes.md'), prompt(200), enter(205, 'exit')], IDLE, at(205)), [
      { start: at(0), end: at(3) + EVENT_CREDIT_MS },
      { start: at(200), end: at(205) + EVENT_CREDIT_MS },
    ]);
  });

  it('a clock that went back ends the span at its last event with the credit', () => {
    assert.deepEqual(terminalSpans([prompt(100), enter(50)], IDLE, at(50)), [
      { start: at(100), end: at(100) + EVENT_CREDIT_MS },
      { start: at(50), end: at(50) + EVENT_CREDIT_MS },
    ]);
  });

  it('no events, no spans', () => {
    assert.deepEqual(terminalSpans([], IDLE, at(0)), []);
  });

  it('recognises Neovim behind the prefixes people type, and nothing else', () => {
    for (const line of ['nvim', 'nvim .', '  nvim -u NONE x', '/usr/bin/nvim x', 'sudo nvim /etc/hosts', 'command nvim', 'env TERM=xterm nvim', 'NVIM_APPNAME=lazy nvim', 'exec nvim']) {
      assert.ok(isSelfTrackingCommand(line), line);
    }
    for (const line of ['vim x', 'nvimdiff a b', 'echo nvim', 'git commit', 'mynvim', 'nvim-qt x', '']) assert.ok(!isSelfTrackingCommand(line), line);
  });
});
