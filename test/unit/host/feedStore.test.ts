import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { FeedStore, UNREADABLE_FEEDS_SECRET, UnreadableFeedsError } from '../../../src/host/feedStore';

const FEEDS = 'handsOn.calendar.feeds';

/** SecretStorage in memory: what VS Code's keychain-backed store does, minus the keychain. */
function memorySecrets(initial: Record<string, string> = {}): vscode.SecretStorage & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (key) => Promise.resolve(values.get(key)),
    store: (key, value) => Promise.resolve(void values.set(key, value)),
    delete: (key) => Promise.resolve(void values.delete(key)),
    onDidChange: () => ({ dispose: () => undefined }),
  };
}

describe('FeedStore', () => {
  it('adds and removes feeds, keeping the others', async () => {
    const secrets = memorySecrets();
    const store = new FeedStore(secrets);
    const a = await store.add('https://a.example/a.ics');
    const b = await store.add('https://b.example/b.ics');
    assert.deepEqual(await store.list(), [a, b]);
    await store.remove(a.id);
    assert.deepEqual(await store.list(), [b]);
  });

  for (const [what, raw] of [
    ['text that is not JSON', '[{"id":"1","url":"https://a.example/a.ics"'],
    ['JSON that is not a list', '{"id":"1","url":"https://a.example/a.ics"}'],
    ['a list with an entry it does not understand', '[{"id":"1","url":"https://a.example/a.ics"},{"id":2}]'],
  ] as const) {
    it(`never writes over a stored list that is ${what}: list, add and remove fail and a copy is kept`, async () => {
      const secrets = memorySecrets({ [FEEDS]: raw });
      const store = new FeedStore(secrets);
      await assert.rejects(store.list(), UnreadableFeedsError);
      await assert.rejects(store.add('https://c.example/c.ics'), UnreadableFeedsError);
      await assert.rejects(store.remove('1'), UnreadableFeedsError);
      assert.equal(secrets.values.get(FEEDS), raw, 'the stored list is untouched');
      assert.equal(secrets.values.get(UNREADABLE_FEEDS_SECRET), raw, 'its raw value is copied aside');
    });
  }

  it('says what happened without the addresses it could not read', async () => {
    const store = new FeedStore(memorySecrets({ [FEEDS]: 'not json https://secret.example/private-token/basic.ics' }));
    await assert.rejects(store.list(), (error: Error) => {
      assert.equal(error.message, `the saved calendar feeds cannot be read; they are left as they are (a copy is kept in secret storage as ${UNREADABLE_FEEDS_SECRET}), and feeds cannot be added or removed until this is fixed`);
      return true;
    });
  });
});
