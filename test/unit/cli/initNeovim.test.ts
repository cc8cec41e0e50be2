import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { stableWriterId } from '../../../src/node/journal/layout';
import { luaString, neovimInitText, shippedPluginDir } from '../../../src/node/neovim/neovimInit';
import { useTempDir } from '../../builders/tempDir';

/**
 * `hands-on init` as a user runs it: the bundle, in which esbuild inlined the shell snippets that the compiled test
 * files cannot load.
 */
const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
function init(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'init', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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

  it('prints the lines with the data folder given and the user’s VS Code settings', () => {
    const home = dir.path;
    const settings = path.join(home, '.config', 'Code', 'User', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, '{ "handsOn.idleTimeoutMinutes": 12, "handsOn.recordProjectNames": false }');
    const data = path.join(home, 'data');
    const { status, stdout: text, stderr } = init(['neovim', '--data-dir', data], { HOME: home });
    assert.equal(status, 0, stderr);
    assert.ok(text.includes(`live_dir = ${luaString(path.join(data, 'journal', 'live'))},`), text);
    assert.ok(text.includes(`writer_id = "${stableWriterId(os.hostname(), 'neovim')}",`));
    assert.ok(text.includes('idle_timeout_minutes = 12,'));
    assert.ok(text.includes('record_project_names = false,'));
    assert.equal(stderr, '');
  });

  it('names the programs it knows when none or another is given', () => {
    assert.deepEqual(init([]), { status: 2, stdout: '', stderr: 'hands-on init: name what to set up: one of bash, zsh, fish, neovim\n' });
    assert.deepEqual(init(['vim']), { status: 2, stdout: '', stderr: 'hands-on init: unknown target "vim" (one of bash, zsh, fish, neovim)\n' });
  });
});
