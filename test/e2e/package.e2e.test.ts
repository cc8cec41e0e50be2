import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT } from './workbench';

describe('The packaged .vsix', () => {
  it('holds only what users need: the bundles, media, README, CHANGELOG, LICENSE and package.json', () => {
    const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const allowed = /^(dist\/(extension|cli|webview|calendarWorker)\.js|media\/[\w./-]+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
    // Screenshots are for the README and reviews, not for users' disks.
    assert.deepEqual(files.filter((file) => file.startsWith('media/screenshots/')), []);
    for (const needed of ['dist/extension.js', 'dist/webview.js', 'dist/cli.js', 'dist/calendarWorker.js', 'media/icon.png', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
  });
});
