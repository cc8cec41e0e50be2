// npm run bench: builds for production, packages, and prints every figure the issues ask for, one `name value` per line.
// `npm run bench -- skills focus` runs only the benches whose file names start with those words (after the build).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] };
execFileSync('npm', ['run', '--silent', 'package'], quiet);
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], quiet);

const size = (file) => statSync(join(root, file)).size;
console.log(`build.extension_js_bytes ${size('dist/extension.js')}`);
console.log(`build.balance_js_bytes ${size('dist/balance.js')}`);
console.log(`build.calendar_worker_js_bytes ${size('dist/calendarWorker.js')}`);
console.log(`build.cli_js_bytes ${size('dist/cli.js')}`);

const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'out', 'bench'))
  .filter((name) => name.endsWith('.bench.js') && (only.length === 0 || only.some((word) => name.startsWith(word))))
  .sort();
for (const bench of benches) {
  execFileSync('node', [join(root, 'out', 'bench', bench)], { cwd: root, stdio: 'inherit' });
}
