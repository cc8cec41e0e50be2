import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, dashboardHtml, escapeAttribute, newNonce, ROOT_ID } from '../../../src/dashboard/html';

const input = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/dashboard.css', nonce: 'abc123' };

describe('dashboard page', () => {
  it('has a strict CSP: nothing by default, scripts only with the nonce', () => {
    assert.equal(
      contentSecurityPolicy(input.cspSource, 'abc123'),
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123'; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
    const html = dashboardHtml(input);
    assert.ok(html.includes(`content="default-src &#39;none&#39;; img-src`));
    assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
  });

  it('loads one script, with the nonce, from dist, and no inline script, style or handler', () => {
    const html = dashboardHtml(input);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://x/dist/webview.js">']);
    assert.ok(html.includes('</script>'));
    assert.ok(!/<style/i.test(html));
    assert.ok(!/\sstyle=/i.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html));
    assert.ok(html.includes(`id="${ROOT_ID}"`));
    assert.ok(html.includes('<link rel="stylesheet" href="https://x/media/dashboard.css">'));
  });

  it('makes a fresh nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  });

  it('escapes attribute values', () => {
    assert.equal(escapeAttribute(`"><script>'&`), '&quot;&gt;&lt;script&gt;&#39;&amp;');
  });
});
