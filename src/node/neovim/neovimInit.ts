import * as path from 'node:path';
import type { WriterSetup } from '../../cli/writerSetup';

/** The Neovim plugin's folder (`nvim/`, holding `lua/hands-on/`) in the package, beside the CLI's `dist/`. */
export function shippedPluginDir(cliDir: string): string {
  return path.resolve(cliDir, '..', 'nvim');
}

/**
 * A Lua string literal of `value`: quoted, with backslash, quote and control characters escaped as decimal escapes
 * (Lua 5.1 and LuaJIT know no \u), and every other byte as it is (Lua strings are bytes; init.lua is UTF-8).
 */
export function luaString(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => (char === '\\' || char === '"' ? `\\${char}` : `\\${char.charCodeAt(0).toString().padStart(3, '0')}`))}"`;
}

/** A folder as one entry of 'runtimepath', a comma-separated list in which a comma of a name is written `\,`. */
const runtimePathEntry = (dir: string): string => dir.replace(/\\/g, '\\\\').replace(/,/g, '\\,');

/**
 * The lines `hands-on init neovim` prints for init.lua: the shipped plugin on 'runtimepath', then setup() with where
 * to append, under which writer id, and the extension's idle rule and project-name choice.
 */
export function neovimInitText(setup: WriterSetup, pluginDir: string): string {
  return [
    '-- Hands-On: your hands-on time in Neovim, into the same history as VS Code (printed by `hands-on init neovim`).',
    `vim.opt.runtimepath:prepend(${luaString(runtimePathEntry(pluginDir))})`,
    `require('hands-on').setup({`,
    `  live_dir = ${luaString(setup.liveDir)},`,
    `  writer_id = ${luaString(setup.writerId)},`,
    `  idle_timeout_minutes = ${setup.idleTimeoutMinutes},`,
    `  record_project_names = ${setup.recordProjectNames},`,
    '})',
  ].join('\n');
}
