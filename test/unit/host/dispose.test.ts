import * as assert from 'node:assert/strict';
import { Disposable, disposeAll } from '../../../src/host/dispose';

class Owner extends Disposable {
  add(dispose: () => void): void {
    this.register({ dispose });
  }
}

describe('disposables', () => {
  it('disposes every child in reverse order even when some throw, then throws them together', () => {
    const owner = new Owner();
    const order: string[] = [];
    owner.add(() => order.push('first'));
    owner.add(() => {
      order.push('second');
      throw new Error('second failed');
    });
    owner.add(() => {
      order.push('third');
      throw new Error('third failed');
    });
    assert.throws(
      () => owner.dispose(),
      (error: unknown) => error instanceof AggregateError && error.errors.map((e: Error) => e.message).join(',') === 'third failed,second failed',
    );
    assert.deepEqual(order, ['third', 'second', 'first']);
    owner.dispose();
    assert.deepEqual(order, ['third', 'second', 'first'], 'disposed once only');
  });

  it('rethrows a single failure as it is, and disposes what is registered after disposal at once', () => {
    const failure = new Error('only one');
    assert.throws(() => disposeAll([{ dispose: () => undefined }, { dispose: () => { throw failure; } }]), (error) => error === failure);
    const owner = new Owner();
    owner.dispose();
    let late = false;
    owner.add(() => (late = true));
    assert.ok(late);
  });
});
