import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBundles } from '../../builders/bundles';

describe('cli: the bundled command line', () => {
  let temp: string;

  beforeEach(function () {
    this.timeout(60_000);
    temp = buildBundles('--production');
  });

  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  // The unit tests run the compiled files with node_modules beside them; dist/cli.js has only what esbuild put in it.
  // jsonc-parser's CommonJS build cannot be bundled (its UMD wrapper hides its requires), so this runs the bundle.
  it('reads settings.json with the bundled jsonc-parser', function () {
    this.timeout(30_000);
    const cli = path.join(temp, 'cli.js');
    const user = path.join(temp, '.config', 'Code', 'User');
    fs.mkdirSync(user, { recursive: true });
    const env = { PATH: process.env.PATH, HOME: temp, TZ: 'UTC' };
    // Without --data-dir, activity takes the data folder from settings.json.
    const args = [cli, 'activity', '--from', '2026-03-02', '--to', '2026-03-02', '--json'];

    fs.writeFileSync(path.join(user, 'settings.json'), `{\n  // JSONC\n  "handsOn.dataDirectory": ${JSON.stringify(temp)}, /* here */\n}\n`);
    const good = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    assert.equal(good.stderr, '');
    assert.equal(JSON.parse(good.stdout).totalCodingMinutes, 0);

    fs.writeFileSync(path.join(user, 'settings.json'), '{\n  "handsOn.targetPercent": 50\n  "handsOn.period": "day"\n}\n');
    const broken = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    assert.equal(broken.status, 2, broken.stderr);
    const [warning, error] = broken.stderr.split('\n');
    assert.equal(warning, `hands-on activity: warning: cannot parse ${path.join(user, 'settings.json')}: line 3, column 3: expected a comma; using the default settings`);
    assert.match(error!, /^hands-on activity: no Hands-On data folder at /);
  });
});
