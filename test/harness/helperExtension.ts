// The test helper extension (test/helperExtension), bundled and packaged as its own .vsix under out/ to install
// into the test's code-server (a browser window loads only one development extension: the one under test).
// The product's .vsix is built from dist/ and its .vscodeignore lets nothing of test/ or out/ in.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the helper and returns the path of its .vsix. */
export function buildHelperExtension(root: string): string {
  const dir = join(root, 'out', 'helper-ext');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'test', 'helperExtension', 'package.json'), join(dir, 'package.json'));
  execFileSync(
    'npx',
    ['esbuild', join(root, 'test', 'helperExtension', 'extension.ts'), '--bundle', '--platform=node', '--format=cjs', '--target=node20', '--external:vscode', `--outfile=${join(dir, 'extension.js')}`, '--log-level=warning'],
    { cwd: root, stdio: 'inherit' },
  );
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  writeFileSync(join(dir, '.vscodeignore'), '*.vsix\n');
  const vsix = join(dir, 'hands-on-test-helper.vsix');
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: 'pipe' });
  return vsix;
}
