// End-to-end: package the .vsix, install it into code-server, and check what a user sees in Chromium.
// Arguments go to mocha (e.g. --grep @smoke); HANDS_ON_CODE_SERVER picks the code-server.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('npm', ['run', '--silent', 'package']);
run('npx', ['tsc', '-p', 'tsconfig.test.json']);
run('npx', ['mocha', '--config', '.mocharc.e2e.json', ...process.argv.slice(2)]);
