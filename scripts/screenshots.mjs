// npm run screenshots: packages the extension and refreshes the README's screenshots under media/screenshots/
// (status bar with tooltip, every dashboard tab, dark and light) from the sandbox's demo data.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('npm', ['run', '--silent', 'package']);
run('npx', ['tsc', '-p', 'tsconfig.test.json']);
const { takeScreenshots } = createRequire(import.meta.url)(resolve(root, 'out/test/harness/screenshots.js'));
for (const file of await takeScreenshots()) console.log(file);
