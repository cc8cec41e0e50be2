import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/initCommand';
import { UsageError } from '../../../src/cli/io';
import { stableWriterId } from '../../../src/node/journal/layout';
import { luaString, neovimInitText, shippedPluginDir } from '../../../src/node/neovim/neovimInit';
import { fakeCliIO } from '../../builders/cliIO';
import { useTempDir } from '../../builders/tempDir';

describe('hands-on init neovim', () => {
  const dir = useTempDir('hands-on-init-neovim-');

  it('writes Lua string literals: backslash, quote and control characters escaped, other characters as they are', () => {
    assert.equal(luaString('C:\\Users\\ann "dev"'), '"C:\\\\Users\\\\ann \\"dev\\""');
    assert.equal(luaString('a\nb\tc\u0000d\u007f'), '"a\\010b\\009c\\000d\\127"');
    assert.equal(luaString('données, ü'), '"données, ü"');
  });

  it('puts the plugin folder on runtimepath (a comma in it escaped) and calls setup() with the writer setup', () => {
    const text = neovimInitText({ liveDir: '/data/journal/live', writerId: 'laptop-neovim', idleTimeoutMinutes: 7, recordProjectNames: false }, '/opt/hands, on/nvim');
    assert.equal(
      text,
      [
        '-- Hands-On: your hands-on time in Neovim, into the same history as VS Code (printed by `hands-on init neovim`).',
        'vim.opt.runtimepath:prepend("/opt/hands\\\\, on/nvim")',
        "require('hands-on').setup({",
        '  live_dir = "/data/journal/live",',
        '  writer_id = "laptop-neovim",',
        '  idle_timeout_minutes = 7,',
        '  record_project_names = false,',
        '})',
      ].join('\n'),
    );
  });

  it('finds the shipped plugin beside the CLI’s dist folder', () => {
    assert.equal(shippedPluginDir('/usr/lib/hands-on/dist'), path.resolve('/usr/lib/hands-on/nvim'));
  });

  it('prints the lines with the data folder given and the user’s VS Code settings', async () => {
    const home = dir.path;
    const settings = path.join(home, '.config', 'Code', 'User', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, '{ "handsOn.idleTimeoutMinutes": 12, "handsOn.recordProjectNames": false }');
    const io = fakeCliIO({ env: { HOME: home } });
    const data = path.join(home, 'data');
    assert.equal(await run(['neovim', '--data-dir', data], io), 0);
    const text = io.stdout.join('\n');
    assert.ok(text.includes(`live_dir = ${luaString(path.join(data, 'journal', 'live'))},`), text);
    assert.ok(text.includes(`writer_id = "${stableWriterId(os.hostname(), 'neovim')}",`));
    assert.ok(text.includes('idle_timeout_minutes = 12,'));
    assert.ok(text.includes('record_project_names = false,'));
    assert.deepEqual(io.stderr, []);
  });

  it('names the programs it knows when none or another is given', async () => {
    await assert.rejects(run([], fakeCliIO()), new UsageError('name the program: one of neovim'));
    await assert.rejects(run(['vim'], fakeCliIO()), new UsageError('unknown program "vim" (one of neovim)'));
  });
});
