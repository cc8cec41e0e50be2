import * as assert from 'node:assert/strict';
import { TAB_BUILDERS } from '../../../src/core/dashboard/tabs/registry';
import { parseWebviewMessage, TABS } from '../../../src/shared/protocol';

describe('dashboard protocol', () => {
  it('accepts every message the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', state: { range: 'last4Weeks', tab: 'today' } }), { type: 'ready', state: { range: 'last4Weeks', tab: 'today' } });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', state: { range: 'thisWeek', tab: 'focus' } }), { type: 'ready', state: { range: 'thisWeek', tab: 'focus' } });
    assert.deepEqual(parseWebviewMessage({ type: 'setRange', range: 'lastWeek' }), { type: 'setRange', range: 'lastWeek' });
    assert.deepEqual(parseWebviewMessage({ type: 'showTab', tab: 'meetings' }), { type: 'showTab', tab: 'meetings' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportFocusBlocks' }), { type: 'exportFocusBlocks' });
    assert.deepEqual(parseWebviewMessage({ type: 'copySummary', extra: 1 }), { type: 'copySummary' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportData' }), { type: 'exportData' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', ms: 12.5, seq: 3 }), { type: 'rendered', ms: 12.5, seq: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'openSettings', query: 'handsOn.targetPercent' }), { type: 'openSettings', query: 'handsOn.targetPercent' });
  });

  it('rejects anything else', () => {
    for (const bad of [null, 'ready', 42, {}, { type: 'setRange', range: 'forever' }, { type: 'setRange' }, { type: 'showTab', tab: 'settings' }, { type: 'showTab' }, { type: 'eval', code: '1' }, { type: 'rendered', ms: 'soon', seq: 1 }, { type: 'openSettings', query: 'workbench.colorTheme' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('lists every tab of the registry in the tab bar, once', () => {
    assert.deepEqual([...TABS].sort(), Object.keys(TAB_BUILDERS).sort());
  });

  it('drops a malformed saved state but keeps the handshake', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', state: { range: 'x', tab: 'today' } }), { type: 'ready' });
  });
});
