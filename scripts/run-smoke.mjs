// The smoke subset (tests tagged @smoke: activation, the status bar, typing, agent attribution, the dashboard, the
// packaged .vsix) of the integration and e2e suites, in the newest code-server the tests know, or in the one
// HANDS_ON_CODE_SERVER names. npm test runs everything in the oldest one, and this in the newest.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { newest } = JSON.parse(readFileSync(resolve(root, 'test/harness/codeServerVersions.json'), 'utf8'));
const env = { ...process.env, HANDS_ON_CODE_SERVER: process.env.HANDS_ON_CODE_SERVER || newest.codeServer };
console.log(`smoke tests in code-server ${env.HANDS_ON_CODE_SERVER}`);
let failed = false;
for (const script of ['scripts/run-integration.mjs', 'scripts/run-e2e.mjs']) {
  const { status } = spawnSync('node', [script, '--grep', '@smoke'], { cwd: root, stdio: 'inherit', env });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
