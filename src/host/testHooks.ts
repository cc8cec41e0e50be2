import type * as vscode from 'vscode';
import type { Clock } from '../core/time/clock';

/** A clock that follows real time until a test moves it; only the integration-test build uses it. */
export class TestClock implements Clock {
  private offset = 0;
  private frozen: number | undefined;
  private fast: { from: number; realFrom: number; rate: number } | undefined;

  now(): number {
    if (this.frozen !== undefined) return this.frozen;
    if (this.fast) return this.fast.from + (Date.now() - this.fast.realFrom) * this.fast.rate + this.offset;
    return Date.now() + this.offset;
  }

  /** Freezes time at `epochMs`; undefined goes back to real time. */
  set(epochMs: number | undefined): void {
    this.frozen = epochMs;
    this.fast = undefined;
  }

  /**
   * Lets time run from `epochMs`, `rate` times faster than real time, so a browser-driven scenario of minutes
   * takes seconds while keystrokes keep their order and spacing.
   */
  run(epochMs: number, rate: number): void {
    this.frozen = undefined;
    this.offset = 0;
    this.fast = { from: epochMs, realFrom: Date.now(), rate };
  }

  advance(ms: number): void {
    if (this.frozen !== undefined) this.frozen += ms;
    else this.offset += ms;
  }
}

/** Remembers every line written to the log, so tests can check that no secret ever reaches it. */
export function recordingLog(log: vscode.LogOutputChannel, lines: string[]): vscode.LogOutputChannel {
  const levels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine', 'append']);
  return new Proxy(log, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property === 'string' && levels.has(property) && typeof value === 'function') {
        return (...args: unknown[]) => {
          lines.push(args.map(String).join(' '));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
