import * as assert from 'node:assert/strict';
import { jsonFields, jsonFieldsHelp, jsonMinutes, jsonMinutesByKey, printJson } from '../../../src/cli/output';
import { USAGE } from '../../../src/cli/reportCommand';
import { REPORT_JSON_EXAMPLE } from '../../../src/core/report/reportJson';
import { fakeCliIO } from '../../builders/cliIO';

describe('cli: output', () => {
  it('prints every JSON the same way, with minutes to one decimal', () => {
    const io = fakeCliIO();
    printJson(io, { minutes: jsonMinutes(90.04), byAgent: jsonMinutesByKey({ codex: 12.349, vscode: 0.05 }) });
    assert.deepEqual(io.stdout, ['{\n  "minutes": 90,\n  "byAgent": {\n    "codex": 12.3,\n    "vscode": 0.1\n  }\n}']);
  });

  it('lists the field names of a JSON value for the help', () => {
    assert.equal(jsonFields({ a: 1, b: { c: '' }, d: [{ e: true }], f: {}, g: [] }), '{"a", "b": {"c"}, "d": [{"e"}], "f", "g": []}');
    assert.deepEqual(jsonFieldsHelp({ first: 1, second: 2, third: 3 }, 20), ['{"first", "second",', ' "third"}']);
  });

  it("names every field of hands-on report --json in the report's help", () => {
    const help = USAGE.replace(/\s+/g, ' ');
    const names = (value: unknown): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([name, inner]) => [name, ...names(Array.isArray(inner) ? inner[0] : inner)]) : [];
    for (const name of names(REPORT_JSON_EXAMPLE)) assert.ok(help.includes(`"${name}"`), name);
    assert.ok(help.includes(jsonFields(REPORT_JSON_EXAMPLE).replace(/\s+/g, ' ')));
  });
});
