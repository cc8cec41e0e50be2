// npm run sandbox: a real VS Code (code-server on 127.0.0.1) with the freshly packaged extension and demo data
// in a throwaway folder (.sandbox/). It never touches a real user's data.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('npm', ['run', '--silent', 'package']);
run('npx', ['tsc', '-p', 'tsconfig.test.json']);
const { startSandbox } = createRequire(import.meta.url)(resolve(root, 'out/test/harness/sandbox.js'));
await startSandbox(root, Number(process.env.HANDS_ON_SANDBOX_PORT || 8080));
