import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles } from '../builders/bundles';
import { TEST_ONLY_NAMES, testOnlyNamesIn } from '../hooks/testOnlyNames';

function buildExtension(...flags: string[]): string {
  const outdir = buildBundles(...flags);
  try {
    return readFileSync(join(outdir, 'extension.js'), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('The packaged bundle', function () {
  this.timeout(60_000);

  it('holds none of the test entry: no TestApi, fake clock or answered nudges', () => {
    assert.deepEqual(testOnlyNamesIn(buildExtension('--production')), []);
  });

  it('is told apart from the integration-test build, which holds every test-only name', () => {
    assert.deepEqual(testOnlyNamesIn(buildExtension('--production', '--test-hooks')), [...TEST_ONLY_NAMES]);
  });
});
