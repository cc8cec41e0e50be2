import * as assert from 'node:assert/strict';
import { eventually } from '../../builders/polling';

describe('eventually', () => {
  it('returns once the check stops throwing or returning false', async () => {
    let calls = 0;
    await eventually(() => ++calls >= 3, 1_000, 'three calls', 1);
    assert.equal(calls, 3);
    calls = 0;
    await eventually(() => assert.ok(++calls >= 2), 1_000, 'two calls', 1);
    assert.equal(calls, 2);
  });

  it("fails after the timeout with the check's last error, or a timeout naming what it waited for", async () => {
    await assert.rejects(eventually(() => assert.fail('still wrong'), 30, 'x', 5), { message: 'still wrong' });
    await assert.rejects(eventually(() => false, 30, 'the panel is open', 5), { message: 'timed out after 30 ms waiting until the panel is open' });
  });
});
