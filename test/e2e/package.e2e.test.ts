import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testOnlyNamesIn } from '../hooks/testOnlyNames';
import { ROOT } from './workbench';

describe('The packaged .vsix @smoke', () => {
  it('holds only what users need: the bundles, the Neovim plugin, media, README, CHANGELOG, LICENSE and package.json', () => {
    const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const allowed = /^(dist\/(extension|balance|cli|hook|webview|calendarWorker)\.js|nvim\/lua\/hands-on\/\w+\.lua|media\/[\w./-]+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
    // Screenshots are for the README and reviews, not for users' disks.
    assert.deepEqual(files.filter((file) => file.startsWith('media/screenshots/')), []);
    for (const needed of ['dist/extension.js', 'dist/balance.js', 'dist/webview.js', 'dist/cli.js', 'dist/hook.js', 'dist/calendarWorker.js', 'nvim/lua/hands-on/init.lua', 'media/icon.png', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
  });

  it('ships an extension.js and a balance.js with no test code in them', () => {
    // The files vsce just packed (npm run package builds dist/ and packs it as it is).
    for (const bundle of ['extension.js', 'balance.js']) assert.deepEqual(testOnlyNamesIn(readFileSync(join(ROOT, 'dist', bundle), 'utf8')), [], bundle);
  });
});
