import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_ONLY_NAMES, testOnlyNamesIn } from '../hooks/testOnlyNames';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Builds the bundles as `npm run package` (or the integration tests, with `--test-hooks`) does, into a temporary folder. */
function buildExtension(...flags: string[]): string {
  const outdir = mkdtempSync(join(tmpdir(), 'hands-on-bundle-'));
  try {
    execFileSync('node', ['esbuild.config.mjs', ...flags], { cwd: ROOT, env: { ...process.env, HANDS_ON_OUTDIR: outdir }, stdio: 'pipe' });
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
