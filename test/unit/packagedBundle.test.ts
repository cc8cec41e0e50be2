import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles } from '../builders/bundles';
import { TEST_ONLY_NAMES, testOnlyNamesIn } from '../hooks/testOnlyNames';

/** The two bundles the extension host runs: extension.js at activation, balance.js right after. */
function buildExtensionBundles(...flags: string[]): { extension: string; balance: string } {
  const outdir = buildBundles(...flags);
  try {
    const read = (name: string) => readFileSync(join(outdir, name), 'utf8');
    return { extension: read('extension.js'), balance: read('balance.js') };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('The packaged bundles', function () {
  this.timeout(60_000);

  it('hold none of the test entry: no TestApi, fake clock or answered nudges', () => {
    const { extension, balance } = buildExtensionBundles('--production');
    assert.deepEqual(testOnlyNamesIn(extension), [], 'extension.js');
    assert.deepEqual(testOnlyNamesIn(balance), [], 'balance.js');
  });

  it('are told apart from the integration-test build, whose extension.js holds every test-only name', () => {
    assert.deepEqual(testOnlyNamesIn(buildExtensionBundles('--production', '--test-hooks').extension), [...TEST_ONLY_NAMES]);
  });

  it('load at activation only what records activity: no calendar parser, no dashboard', () => {
    const { extension, balance } = buildExtensionBundles('--production');
    // ical.js names its component class in an error message; the dashboard panel its webview title.
    for (const [name, marker] of [['ical.js', 'ICAL'], ['the dashboard', 'Hands-On Dashboard']] as const) {
      assert.ok(balance.includes(marker), `balance.js holds ${name}`);
      assert.ok(!extension.includes(marker), `extension.js holds no ${name}`);
    }
  });
});
