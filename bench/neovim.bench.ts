/**
 * The Neovim plugin's cost per keystroke (issue 16: at most 50 µs), in Debian's real Neovim, headless: the autocommands
 * a key typed by hand fires, and keys inserted from typeahead, with and without the plugin (bench/neovimKeys.lua).
 * The plugin's part is the difference.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

interface Micros {
  key: number;
  typeahead: number;
}

if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log('neovim skipped: no nvim on PATH');
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-nvim-bench-'));
  const out = path.join(dir, 'out.json');
  const init = path.join(dir, 'init.lua');
  fs.writeFileSync(init, `vim.opt.runtimepath:prepend(${JSON.stringify(path.join(repoRoot, 'nvim'))})\n`);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir, HANDS_ON_BENCH_OUT: out, HANDS_ON_BENCH_LIVE: path.join(dir, 'live') };
  const script = path.join(repoRoot, 'bench', 'neovimKeys.lua');
  const result = spawnSync('nvim', ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', init, '-c', `luafile ${script}`, '-c', 'qa!'], { cwd: dir, env, encoding: 'utf8' });
  if (!fs.existsSync(out)) throw new Error(`the Neovim bench did not run: ${result.stdout}${result.stderr}`);
  const { without, with: withPlugin } = JSON.parse(fs.readFileSync(out, 'utf8')) as { without: Micros; with: Micros };
  console.log(`neovim.typed_key_events_without_plugin_us ${without.key.toFixed(2)}`);
  console.log(`neovim.typed_key_events_with_plugin_us ${withPlugin.key.toFixed(2)}`);
  console.log(`neovim.plugin_per_typed_key_us ${(withPlugin.key - without.key).toFixed(2)}`);
  console.log(`neovim.plugin_per_typeahead_key_us ${(withPlugin.typeahead - without.typeahead).toFixed(2)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
