import type { Clock } from '../../src/core/time/clock';

/**
 * The one clock tests move: frozen at a moment (`new FakeClock(t)`, `set`, `advance`), following real time
 * (`new FakeClock()`, `set(undefined)`), or running from a moment faster than real time (`run`), so that a
 * browser-driven scenario of minutes takes seconds while keystrokes keep their order and spacing.
 */
export class FakeClock implements Clock {
  private frozen: number | undefined;
  private offset = 0;
  private fast: { from: number; realFrom: number; rate: number } | undefined;

  constructor(frozenAt?: number) {
    this.frozen = frozenAt;
  }

  now(): number {
    if (this.frozen !== undefined) return this.frozen;
    if (this.fast) return this.fast.from + (Date.now() - this.fast.realFrom) * this.fast.rate + this.offset;
    return Date.now() + this.offset;
  }

  /** Freezes time at `epochMs`; undefined goes back to real time. */
  set(epochMs: number | undefined): void {
    this.frozen = epochMs;
    this.fast = undefined;
    this.offset = 0;
  }

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
