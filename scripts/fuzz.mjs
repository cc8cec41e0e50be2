// npm run fuzz [-- CASES [SEED]]: the long fuzz run of mutated corpus calendars (the unit suite runs 400 of them).
// Prints the seed, the slowest case and the process's peak memory; exits 1 naming any case that failed or hung.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { runFuzz } = require(resolve(root, 'out/test/fuzz/runFuzz.js'));
const { fuzzCases } = require(resolve(root, 'out/test/fuzz/icsMutations.js'));

const count = Number(process.argv[2]) || 5000;
const seed = Number(process.argv[3]) || Math.floor(Math.random() * 2 ** 31);
const boundMs = 2000;
console.log(`fuzz.seed ${seed}`);
const run = await runFuzz(seed, count, boundMs);
const slowest = run.reports.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
const describe = (r) => `case ${r.index}: ${r.mutations.join(' + ')} of ${r.file}`;
console.log(`fuzz.cases ${run.reports.length}`);
if (slowest) console.log(`fuzz.slowest_case_ms ${slowest.ms.toFixed(1)} (${describe(slowest)})`);
console.log(`fuzz.peak_heap_used_mib ${(Math.max(...run.reports.map((r) => r.heapUsedBytes)) / 2 ** 20).toFixed(1)}`);
console.log(`fuzz.process_peak_rss_mib ${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`);
const failed = run.reports.filter((r) => r.problem);
for (const r of failed) console.log(`FAIL ${describe(r)}: ${r.problem}`);
if (run.stuck) console.log(`FAIL ${describe(fuzzCases(seed, run.stuck.index + 1)[run.stuck.index])}: no result within ${boundMs} ms`);
process.exit(failed.length > 0 || run.stuck ? 1 : 0);
