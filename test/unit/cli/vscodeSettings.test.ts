import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeCliIO } from '../../builders/cliIO';
import { loadSettings } from '../../../src/cli/options';
import { parseJsonc, readUserSettings } from '../../../src/cli/vscodeSettings';

describe('cli: VS Code settings.json', () => {
  let home: string;
  let file: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-settings-'));
    file = path.join(home, '.config', 'Code', 'User', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
  });

  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('reads JSONC as VS Code writes it: comments, trailing commas, a byte order mark, flat and nested keys', () => {
    fs.writeFileSync(file, '\uFEFF{\n  // mine\n  "handsOn.targetPercent": 55, /* a , } */\n  "handsOn": { "calendar": { "myEmails": ["me@x.com",], }, },\n}\n');
    const settings = readUserSettings({}, 'linux', home);
    assert.equal(settings?.file, file);
    assert.equal(settings?.get('targetPercent'), 55);
    assert.deepEqual(settings?.get('calendar.myEmails'), ['me@x.com']);
    assert.equal(settings?.get('workHours'), undefined);
  });

  it('an empty file is no settings; a missing one is none at all', () => {
    fs.writeFileSync(file, '  \n');
    assert.equal(readUserSettings({}, 'linux', home)?.get('targetPercent'), undefined);
    fs.rmSync(file);
    assert.equal(readUserSettings({}, 'linux', home), undefined);
  });

  it('says where and what is wrong in a broken file, line and column from 1', () => {
    const cases: [string, RegExp][] = [
      ['{\n  "handsOn.targetPercent": 50\n  "handsOn.period": "day"\n}', /^line 3, column 3: expected a comma$/],
      ['{ "a": 1 } }', /^line 1, column 12: expected the end of the file after the settings object$/],
      ['{ "a": 1 } x', /^line 1, column 12: unexpected character$/],
      ['{\r\n  "a": [1, 2\r\n}', /^line 3, column 1: expected a comma \(and 3 more problems\)$/],
      ['{ "a": "never closed }', /^line 1, column 8: a string is never closed \(and 1 more problem\)$/],
      ['{ "a": 1 /* never closed', /^line 1, column 10: a \/\* comment is never closed/],
      ["{ 'a': 1 }", /^line 1, column 3: .*\(and \d+ more problems?\)$/],
    ];
    for (const [text, message] of cases) assert.throws(() => parseJsonc(text), (e: unknown) => e instanceof Error && message.test(e.message), text);
    assert.deepEqual(parseJsonc('[1, 2]'), [1, 2]);
  });

  it('a broken file is one warning that names the file, the place and the problem; the defaults are used', () => {
    fs.writeFileSync(file, '{\n  "handsOn.targetPercent": 50,\n  "handsOn.period" "day"\n}');
    assert.throws(() => readUserSettings({}, 'linux', home), (e: unknown) => e instanceof Error && e.message === `cannot parse ${file}: line 3, column 20: expected a colon`);
    const io = fakeCliIO({ env: { HOME: home } });
    const err = io.stderr;
    const loaded = loadSettings(io, 'linux', 'report');
    assert.equal(loaded.user, undefined);
    assert.equal(loaded.settings.targetPercent, 40);
    assert.deepEqual(err, [`hands-on report: warning: cannot parse ${file}: line 3, column 20: expected a colon; using the default settings`]);
  });

  it('a file that holds no object is refused as before', () => {
    fs.writeFileSync(file, '[1, 2]');
    assert.throws(() => readUserSettings({}, 'linux', home), (e: unknown) => e instanceof Error && e.message === `${file} does not hold a settings object`);
  });
});
