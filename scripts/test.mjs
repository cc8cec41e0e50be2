// npm test: type check, lint, then every test layer (unit, a real Syncthing pair, integration in a real extension host,
// end-to-end in a real browser) in the oldest code-server the engines accept, and the smoke subset in the newest,
// with a count per layer and one closing line for CI. --matrix (npm run test:matrix) runs everything in both.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { minimum, newest } = JSON.parse(readFileSync(resolve(root, 'test/harness/codeServerVersions.json'), 'utf8'));

function run(label, cmd, args, env) {
  return new Promise((resolveRun) => {
    console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    const forward = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => resolveRun({ code: code ?? 1, output }));
  });
}

const countOf = (output, word) => [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);

const inCodeServer = (target) => {
  const env = { HANDS_ON_CODE_SERVER: target.codeServer };
  return [
    [`integration ${target.codeServer}`, 'node', ['scripts/run-integration.mjs'], env],
    [`e2e ${target.codeServer}`, 'node', ['scripts/run-e2e.mjs'], env],
  ];
};

const steps = [
  ['build', 'node', ['esbuild.config.mjs']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
  // Two real Syncthing instances on loopback (issue 17); the unit step compiled the tests into out/.
  ['sync', 'npx', ['mocha', '--no-config', '--forbid-only', '--timeout', '180000', 'out/test/sync/**/*.test.js']],
  // Real bash, zsh and fish in tmux, typed into as a person would (issue 16); needs dist/cli.js from the build step.
  ['terminal', 'npx', ['mocha', '--no-config', '--forbid-only', '--timeout', '300000', 'out/test/terminal/**/*.test.js']],
  // Debian's Neovim 0.7 in tmux: the Lua plugin's rules with a fake clock, and a person's scenarios (issue 16).
  ['neovim', 'npx', ['mocha', '--no-config', '--forbid-only', '--timeout', '300000', 'out/test/neovim/**/*.test.js']],
  ...inCodeServer(minimum),
  ...(process.argv.includes('--matrix')
    ? inCodeServer(newest)
    : [[`smoke ${newest.codeServer}`, 'node', ['scripts/run-smoke.mjs'], { HANDS_ON_CODE_SERVER: newest.codeServer }]]),
];

// Every other step runs tests, and one that ran none (a --grep matching nothing) fails.
const CHECKS = new Set(['build', 'typecheck', 'lint']);

/**
 * A failed step's report, repeated at the end since CI may keep only the output's tail: mocha's failures (from
 * "N failing" on), or the step's last lines when it broke without a test failing.
 */
function failureReport(label, output) {
  const at = output.search(/^\s*\d+ failing/m);
  const lines = (at < 0 ? output.trimEnd().split('\n').slice(-40) : output.slice(at).trimEnd().split('\n')).filter((line) => line.trim() !== '');
  const shown = lines.slice(0, 200);
  return [`--- ${label}`, ...shown, ...(lines.length > shown.length ? [`(and ${lines.length - shown.length} more lines, in the step's output above)`] : [])];
}

const summary = [];
const failures = [];
let passed = 0;
let failed = 0;
let broken = false;
for (const [label, cmd, args, env = {}] of steps) {
  const started = Date.now();
  const { code, output } = await run(label, cmd, args, env);
  const layerPassed = countOf(output, 'passing');
  const layerFailed = countOf(output, 'failing');
  passed += layerPassed;
  failed += layerFailed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = layerPassed || layerFailed ? `, ${layerPassed} passed, ${layerFailed} failed` : '';
  summary.push(`${label.padEnd(20)} ${code === 0 ? 'ok  ' : 'FAIL'} ${seconds}s${counts}`);
  if (code !== 0) failures.push(...failureReport(label, output));
  if (code === 0 && !CHECKS.has(label) && layerPassed + layerFailed === 0) {
    broken = true;
    failed += 1;
    summary.push(`${' '.repeat(20)} ran no test`);
  } else if (code !== 0) {
    broken = true;
    if (layerFailed === 0) failed += 1; // a step that broke without a test failing still fails the run
  }
}

if (failures.length > 0) console.log(`\n=== failures\n${failures.join('\n')}`);
console.log(`\n=== summary\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
