import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, fuzzCases } from '../../fuzz/icsMutations';
import { runFuzz } from '../../fuzz/runFuzz';

// A fixed seed keeps CI reproducible; HANDS_ON_FUZZ_SEED replays or explores another run (npm run fuzz goes further).
const SEED = Number(process.env.HANDS_ON_FUZZ_SEED) || 20_261_202;
const CASES = 400;
// What one case may take before it counts as a hang: far above the slowest real case, far below a hang.
const BOUND_MS = 10_000;

describe('calendar fuzzing: mutated corpus files', function () {
  this.timeout(10 * 60_000);

  before(function () {
    if (fs.existsSync(CORPUS)) return;
    if (process.env.CI) throw new Error(`the ics corpus is missing at ${CORPUS}`);
    this.skip();
  });

  it(`gives each of ${CASES} mutated calendars a result within the bound, with finite times and no raw errors (seed ${SEED})`, async () => {
    const run = await runFuzz(SEED, CASES, BOUND_MS);
    if (run.stuck) {
      const stuck = fuzzCases(SEED, run.stuck.index + 1)[run.stuck.index]!;
      assert.fail(`seed ${SEED}, case ${stuck.index} (${stuck.mutations.join(' + ')} of ${stuck.file}) gave no result within ${BOUND_MS} ms`);
    }
    assert.equal(run.reports.length, CASES);
    for (const report of run.reports) assert.equal(report.problem, undefined, `seed ${SEED}, case ${report.index} (${report.mutations.join(' + ')} of ${report.file})`);
  });

  it('really mutates: the cases differ from their files and from each other, and replay from the seed', () => {
    const cases = fuzzCases(SEED, 50);
    const original = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');
    assert.ok(cases.filter((c) => c.text !== original(c.file)).length >= 45);
    assert.ok(new Set(cases.map((c) => c.text)).size >= 45);
    assert.deepEqual(fuzzCases(SEED, 5), fuzzCases(SEED, 5));
  });
});
