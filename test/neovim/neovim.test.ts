import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRecordLine, type JournalRecord } from '../../src/node/journal/records';
import { eventually } from '../builders/polling';
import { isolatedEnv, PLUGIN_DIR, ROOT } from './headlessNeovim';
import { TmuxNeovim } from './tmuxNeovim';

/*
 * Issue 16: the Neovim plugin in Debian's real Neovim, set up by `hands-on init neovim` as a user would, typed into
 * through tmux. The scenarios run at the same time (each in its own Neovim, data folder and home) and each test
 * checks one of them, read back with the journal reader and `hands-on activity` / `hands-on skills`.
 */

const SECOND = 1000;
const CREDIT = 30 * SECOND;
const SOCKET = `hands-on-nvim-${process.pid}`;
const CLI = path.join(ROOT, 'dist', 'cli.js');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (time: number): Promise<void> => sleep(Math.max(0, time - Date.now()));
const utcDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

interface Place {
  home: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  initFile: string;
}

/** A home with the user's VS Code settings (idle timeout 1 minute) and init.lua from `hands-on init neovim`. */
function place(root: string, name: string, dataDir: string, cli = CLI): Place {
  const home = path.join(root, name, 'home');
  const env = isolatedEnv(home);
  const settings = path.join(home, 'config', 'Code', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, '{ "handsOn.idleTimeoutMinutes": 1 }\n');
  const init = execFileSync('node', [cli, 'init', 'neovim', '--data-dir', dataDir], { env, encoding: 'utf8' });
  assert.match(init, /idle_timeout_minutes = 1,/);
  const initFile = path.join(home, 'config', 'nvim', 'init.lua');
  fs.mkdirSync(path.dirname(initFile), { recursive: true });
  fs.writeFileSync(initFile, init);
  return { home, env, dataDir, initFile };
}

/** A project folder in git (the workspace name comes from its root) with `file` in `sub`. */
function project(root: string, name: string, sub: string, file: string, text: string): { cwd: string; file: string } {
  const cwd = path.join(root, name, sub);
  fs.mkdirSync(path.join(root, name, '.git'), { recursive: true });
  fs.mkdirSync(cwd, { recursive: true });
  fs.writeFileSync(path.join(cwd, file), text);
  return { cwd, file: path.join(cwd, file) };
}

function journalRecords(dataDir: string): JournalRecord[] {
  const live = path.join(dataDir, 'journal', 'live');
  if (!fs.existsSync(live)) return [];
  return fs
    .readdirSync(live)
    .flatMap((name) => fs.readFileSync(path.join(live, name), 'utf8').split('\n'))
    .filter((line) => line.length > 0)
    .map((line) => {
      const record = parseRecordLine(line);
      assert.ok(record, `a valid record: ${line}`);
      return record;
    });
}

const spansOf = (records: JournalRecord[], agent?: string) =>
  records.flatMap((record) => (record.kind === 'activity' && record.span.agent === agent ? [record.span] : [])).sort((a, b) => a.start - b.start);

interface ActivityJson {
  days: { codingMinutes: number; agentMinutes: number; agents: Record<string, number>; characters: { typed: number } }[];
}

function activity(dataDir: string, from: number): ActivityJson['days'][number] {
  const json = execFileSync('node', [CLI, 'activity', '--json', '--tz', 'UTC', '--data-dir', dataDir, '--from', utcDate(from), '--to', utcDate(Date.now())], { encoding: 'utf8' });
  const days = (JSON.parse(json) as ActivityJson).days;
  return days.reduce((sum, day) => ({
    codingMinutes: sum.codingMinutes + day.codingMinutes,
    agentMinutes: sum.agentMinutes + day.agentMinutes,
    agents: { ...sum.agents, ...day.agents },
    characters: { typed: sum.characters.typed + day.characters.typed },
  }));
}

async function started(nvim: TmuxNeovim, expected: string): Promise<void> {
  await eventually(() => nvim.screen().includes(expected), 20_000, `Neovim shows ${expected}`);
}

async function exited(nvim: TmuxNeovim, timeoutMs = 10_000): Promise<void> {
  await eventually(() => !nvim.running(), timeoutMs, `${nvim.name} exited`);
}

/** A user's Neovim (session `name`) on a file of a git project, set up by `hands-on init neovim` into a fresh data folder. */
async function openFile(root: string, name: string, file: { project: string; sub: string; name: string; text: string; shows: string }, cli = CLI, dataDirName = 'data') {
  const where = place(root, name, path.join(root, name, dataDirName), cli);
  fs.mkdirSync(where.dataDir);
  const code = project(root, file.project, file.sub, file.name, file.text);
  const launched = Date.now();
  const nvim = TmuxNeovim.start(SOCKET, name, code.cwd, where.env, where.initFile, code.file);
  await started(nvim, file.shows);
  return { where, code, launched, nvim };
}

/** (a) A minute of typing Python in insert mode, with pauses, then away from the keyboard and :q. */
async function typingMinute(root: string) {
  const { where, code, launched, nvim } = await openFile(root, 'typing', { project: 'shop', sub: 'src', name: 'main.py', text: '', shows: 'main.py' });
  const ready = Date.now();
  const lines = ['def area(width, height):', 'return width * height', '', 'def perimeter(width, height):', 'return 2 * (width + height)', '', 'print(area(3, 4), perimeter(3, 4))'];
  let typed = 0;
  nvim.keys('i');
  while (Date.now() - ready < 60 * SECOND) {
    for (const line of lines) {
      for (const word of line.split(/(?<= )/)) {
        nvim.type(word);
        typed += word.length;
        await sleep(250);
      }
      nvim.keys('Enter');
      await sleep(line === '' ? 5 * SECOND : 400);
      if (Date.now() - ready >= 60 * SECOND) break;
    }
  }
  nvim.keys('Escape');
  await sleep(300);
  nvim.keys(':w', 'Enter');
  const lastEvent = Date.now();
  // Away for longer than the credit: quitting then ends the span at its credit, not at the quit.
  await sleep(CREDIT + 3 * SECOND);
  nvim.keys(':q', 'Enter');
  await exited(nvim);
  return { where, launched, ready, lastEvent, typed, saved: fs.readFileSync(code.file, 'utf8') };
}

/** (b) An agent rewrites the open file on disk; Neovim reloads it (:checktime, as autoread does on focus). */
async function diskReload(root: string) {
  const { where, code, launched, nvim } = await openFile(root, 'disk', { project: 'api', sub: '.', name: 'server.ts', text: 'export const port = 8080;\n', shows: 'port = 8080' });
  // Past the startup's own credit, so that a reload counted as the user's would show as a second stretch.
  await sleepUntil(launched + CREDIT + 8 * SECOND);
  fs.writeFileSync(code.file, 'export const port = 9090;\nexport const host = "127.0.0.1";\nexport const retries = 3;\n');
  const reloaded = Date.now();
  nvim.keys(':checktime', 'Enter');
  await eventually(() => nvim.screen().includes('retries = 3'), 10_000, 'the buffer shows the file as the agent left it');
  await sleep(12 * SECOND);
  nvim.keys(':q', 'Enter');
  await exited(nvim);
  return { where, launched, reloaded };
}

/** (c) Data folders that cannot take a line: missing, and read-only (as root, a file where the folder should be). */
async function brokenFolders(root: string) {
  const missing = place(root, 'missing', path.join(root, 'missing', 'not-mounted', 'data'));
  const blocked = place(root, 'blocked', path.join(root, 'blocked', 'data'));
  const live = path.join(blocked.dataDir, 'journal', 'live');
  fs.mkdirSync(path.dirname(live), { recursive: true });
  fs.writeFileSync(live, '');
  const code = project(root, 'broken', '.', 'notes.txt', '');
  const launched = Date.now();
  const sessions = [TmuxNeovim.start(SOCKET, 'missing', code.cwd, missing.env, missing.initFile, path.join(code.cwd, 'a.txt')), TmuxNeovim.start(SOCKET, 'blocked', code.cwd, blocked.env, blocked.initFile, path.join(code.cwd, 'b.txt'))];
  for (const nvim of sessions) {
    await started(nvim, nvim === sessions[0] ? 'a.txt' : 'b.txt');
    nvim.keys('i');
    nvim.type('first words');
    nvim.keys('Escape');
  }
  // Three flushes (every 30 s) that fail.
  await sleepUntil(launched + 95 * SECOND);
  const screens: string[] = [];
  const messages: string[] = [];
  for (const nvim of sessions) {
    nvim.keys('o');
    nvim.type('still typing');
    nvim.keys('Escape', ':w', 'Enter');
    await sleep(500);
    screens.push(nvim.screen());
    nvim.keys(':messages', 'Enter');
    await sleep(500);
    messages.push(nvim.screen());
    nvim.keys('Enter');
  }
  // The folder works again: what waited in memory is written, by the latest on quitting.
  fs.rmSync(live);
  fs.mkdirSync(live);
  const quitting = Date.now();
  for (const nvim of sessions) nvim.keys(':q', 'Enter');
  for (const nvim of sessions) await exited(nvim);
  return { missing, blocked, launched, quitting, quitTookMs: Date.now() - quitting, screens, messages, saved: [fs.readFileSync(path.join(code.cwd, 'a.txt'), 'utf8'), fs.readFileSync(path.join(code.cwd, 'b.txt'), 'utf8')] };
}

/** (d) A few seconds of Lua and :wq, shorter than any flush: only quitting can write it. The package lives in a folder with a comma, quotes and ü. */
async function quickQuit(root: string) {
  const pkg = path.join(root, 'quick', 'pkg, "q" ü');
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  fs.copyFileSync(CLI, path.join(pkg, 'dist', 'cli.js'));
  fs.cpSync(PLUGIN_DIR, path.join(pkg, 'nvim'), { recursive: true });
  const { where, launched, nvim } = await openFile(root, 'quick', { project: 'dotfiles', sub: 'lua', name: 'keys.lua', text: '', shows: 'keys.lua' }, path.join(pkg, 'dist', 'cli.js'), 'data, "d" ü');
  nvim.keys('i');
  nvim.type('local leader = " "');
  nvim.keys('Escape');
  await sleep(1000);
  nvim.keys(':wq', 'Enter');
  const quit = Date.now();
  await exited(nvim);
  return { where, launched, quit, typed: 'local leader = " "'.length };
}

/** (e) A program printing in a :terminal buffer while the user watches: its output is not the user's hands. */
async function terminalOutput(root: string) {
  const { where, launched, nvim } = await openFile(root, 'terminal', { project: 'build', sub: '.', name: 'Makefile', text: 'all:\n', shows: 'all:' });
  nvim.keys(':terminal while true; do date; sleep 0.3; done', 'Enter');
  const lastKey = Date.now();
  await sleep(CREDIT + 15 * SECOND);
  assert.match(nvim.screen(), /UTC 20\d\d/, 'the program prints');
  nvim.keys(':qa!', 'Enter');
  await exited(nvim);
  return { where, launched, lastKey };
}

describe('Neovim as a writer: the plugin in a real Neovim, typed into through tmux', function () {
  this.timeout(240_000);
  let root = '';
  let typing: Awaited<ReturnType<typeof typingMinute>>;
  let disk: Awaited<ReturnType<typeof diskReload>>;
  let broken: Awaited<ReturnType<typeof brokenFolders>>;
  let quick: Awaited<ReturnType<typeof quickQuit>>;
  let terminal: Awaited<ReturnType<typeof terminalOutput>>;

  before(async function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hands-on-nvim-'));
    [typing, disk, broken, quick, terminal] = await Promise.all([typingMinute(root), diskReload(root), brokenFolders(root), quickQuit(root), terminalOutput(root)]);
  });

  after(() => {
    TmuxNeovim.killServer(SOCKET);
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('(a) a minute of typing with pauses counts as hands-on time to 30 s after the last key, with the language, the git root and the typed characters', () => {
    assert.match(typing.saved, /def area\(width, height\):/);
    const records = journalRecords(typing.where.dataDir);
    const spans = spansOf(records);
    assert.ok(spans.length > 0);
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    assert.ok(first.start >= typing.launched && first.start <= typing.ready, 'the span starts when Neovim opened the file');
    assert.ok(Math.abs(last.end - (typing.lastEvent + CREDIT)) < 2 * SECOND, `the span ends 30 s after the last event (${last.end - typing.lastEvent} ms)`);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start <= spans[i - 1]!.end, 'one stretch: the pauses are shorter than the idle timeout');
    assert.ok(spans.every((span) => span.language === 'python' && span.workspace === 'shop' && span.source === 'neovim'));
    const day = activity(typing.where.dataDir, typing.launched);
    const expectedMinutes = (last.end - first.start) / 60_000;
    assert.ok(expectedMinutes > 1.4, `about 60 s + 30 s (${expectedMinutes} min)`);
    assert.ok(Math.abs(day.codingMinutes - expectedMinutes) <= 0.1, `activity --json: ${day.codingMinutes} min, the journal ${expectedMinutes}`);
    assert.equal(day.agentMinutes, 0);
    assert.equal(day.characters.typed, typing.typed);
    const skills = JSON.parse(execFileSync('node', [CLI, 'skills', '--json', '--tz', 'UTC', '--data-dir', typing.where.dataDir], { encoding: 'utf8' })) as {
      languages: { language: string; typedCharacters: number; handsOnMinutes: number }[];
    };
    const python = skills.languages.find((language) => language.language === 'python');
    assert.equal(python?.typedCharacters, typing.typed);
    assert.ok(Math.abs(python.handsOnMinutes - expectedMinutes) <= 0.1);
    console.log(`      measured: typed for ${((typing.lastEvent - typing.ready) / 1000).toFixed(1)} s → ${day.codingMinutes} min hands-on, ${day.characters.typed} typed characters (python, shop)`);
  });

  it('(b) a file changed on disk and reloaded counts as agent time (disk), not as the user’s', () => {
    const records = journalRecords(disk.where.dataDir);
    const mine = spansOf(records);
    const reloads = spansOf(records, 'disk');
    assert.equal(reloads.length > 0, true, 'a disk span');
    assert.ok(reloads.every((span) => span.source === 'neovim' && span.language === 'typescript' && span.workspace === 'api'));
    assert.ok(reloads[0]!.start >= disk.reloaded && reloads[0]!.start < disk.reloaded + 5 * SECOND, 'the disk span starts at the reload');
    assert.ok(
      mine.every((span) => span.end < disk.reloaded),
      `the reload's text change is not the user's: ${JSON.stringify(mine.map((span) => [span.start - disk.launched, span.end - disk.launched]))}`,
    );
    const day = activity(disk.where.dataDir, disk.launched);
    assert.ok(day.agents.disk !== undefined && day.agents.disk >= 0.1, `agent minutes from disk: ${JSON.stringify(day.agents)}`);
    assert.ok(day.codingMinutes <= 0.6, `only the startup is the user's: ${day.codingMinutes} min`);
    assert.equal(day.characters.typed, 0);
    console.log(`      measured: reload → disk ${day.agents.disk} min, the user's ${day.codingMinutes} min (the startup), 0 typed characters`);
  });

  it('(c) a missing or read-only data folder leaves Neovim working, says so once, and loses nothing once the folder is back', () => {
    assert.deepEqual(broken.saved, ['first words\nstill typing\n', 'first words\nstill typing\n']);
    for (const screen of broken.screens) assert.doesNotMatch(screen, /E\d{2,4}:|Error|stack traceback/);
    for (const screen of broken.messages) {
      assert.equal(screen.split('Hands-On cannot write').length - 1, 1, `one warning in :messages after three failed writes:\n${screen}`);
      assert.doesNotMatch(screen, /E\d{2,4}:|stack traceback/);
    }
    assert.ok(broken.quitTookMs < 8 * SECOND, `quitting is not held by a broken folder (${broken.quitTookMs} ms)`);
    assert.equal(fs.existsSync(broken.missing.dataDir), false, 'a missing data folder is not created');
    const spans = spansOf(journalRecords(broken.blocked.dataDir));
    assert.ok(spans.length > 0 && spans[0]!.start < broken.launched + 20 * SECOND, 'the minutes of the blocked time are written once it works');
    assert.ok(spans[spans.length - 1]!.end >= broken.quitting - 5 * SECOND);
  });

  it('(d) quitting writes what was recorded since the last flush (VimLeavePre), from a package in a folder with a comma, quotes and ü', () => {
    const records = journalRecords(quick.where.dataDir);
    const spans = spansOf(records);
    assert.equal(spans.length, 1);
    assert.ok(spans[0]!.start >= quick.launched && spans[0]!.end <= quick.quit + 5 * SECOND && spans[0]!.end > quick.quit - 2 * SECOND);
    assert.equal(spans[0]!.language, 'lua');
    assert.equal(spans[0]!.workspace, 'dotfiles');
    const typed = records.flatMap((record) => (record.kind === 'characters' ? [record] : []));
    assert.equal(typed.length, 1);
    assert.equal(typed[0]!.bucket.counts.typed, quick.typed);
    assert.match(typed[0]!.id ?? '', /-neovim\.\d+\.\d+$/);
  });

  it('(e) output of a program in a :terminal buffer is not the user’s activity', () => {
    const spans = spansOf(journalRecords(terminal.where.dataDir));
    assert.ok(spans.length > 0);
    const end = Math.max(...spans.map((span) => span.end));
    assert.ok(end <= terminal.lastKey + CREDIT + 2 * SECOND, `the user's time ends 30 s after the last key, not with the output (${end - terminal.lastKey} ms after it)`);
  });
});
