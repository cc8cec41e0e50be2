// End-to-end: package the .vsix, install it into code-server, and check what a user sees in Chromium.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('npm', ['run', '--silent', 'package']);
run('npx', ['tsc', '-p', 'tsconfig.test.json']);
run('npx', ['mocha', '--config', '.mocharc.e2e.json']);
