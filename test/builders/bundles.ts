import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, from a compiled test under out/test/…. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Builds the bundles exactly as esbuild.config.mjs does for `npm run package` (or, with `--test-hooks`, for the
 * integration tests), into a new temporary folder the caller removes; returns that folder.
 */
export function buildBundles(...flags: string[]): string {
  const outdir = mkdtempSync(join(tmpdir(), 'hands-on-bundles-'));
  execFileSync('node', ['esbuild.config.mjs', ...flags], { cwd: REPO_ROOT, env: { ...process.env, HANDS_ON_OUTDIR: outdir }, stdio: 'pipe' });
  return outdir;
}
