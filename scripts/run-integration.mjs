// Runs the integration suite (test/integration) inside a real VS Code extension host: the one code-server ships,
// opened in Debian's Chromium by playwright-core. The extension under test is a build with test hooks.
// --build-only prepares out/ext-under-test and out/test for test:electron without running anything.
// --grep PATTERN runs only the tests whose titles match (e.g. @smoke); HANDS_ON_CODE_SERVER picks the code-server.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { 'build-only': { type: 'boolean' }, grep: { type: 'string' } } });
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
const { buildExtensionUnderTest, runIntegration } = createRequire(import.meta.url)(resolve(root, 'out/test/harness/integration.js'));
if (values['build-only']) buildExtensionUnderTest(root);
else process.exit(await runIntegration(root, values.grep));
