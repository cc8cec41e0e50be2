import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliLauncherText, installLauncher, LauncherTakenError, launcherFile, launcherFolder, uninstallLauncher, usableNode } from '../../../src/node/commandLine/cliInstall';
import { isStaleScript } from '../../../src/node/hooks/launcher';
import { useTempDir } from '../../builders/tempDir';

/** A stand-in CLI that prints what it was run with: its arguments and whether it ran as Electron-as-Node. */
function echoCli(dir: string): string {
  const cli = path.join(dir, "the user's tools", 'cli.js');
  fs.mkdirSync(path.dirname(cli), { recursive: true });
  fs.writeFileSync(cli, 'console.log(JSON.stringify({ args: process.argv.slice(2), electron: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n');
  return cli;
}

function runLauncher(file: string, args: string[]): { args: string[]; electron: string | null } {
  return JSON.parse(execFileSync(file, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })) as { args: string[]; electron: string | null };
}

describe('Install Command Line: the hands-on launcher', () => {
  const dir = useTempDir();

  it("runs the CLI with the user's Node when it has one, passing every argument as it was given", () => {
    const cli = echoCli(dir.path);
    const file = launcherFile(path.join(dir.path, 'bin'), 'linux');
    assert.equal(installLauncher(file, cliLauncherText({ node: process.execPath, vscode: '/nowhere/code' }, cli, 'linux')), true);
    assert.deepEqual(runLauncher(file, ['activity', '--json', 'two words', "it's"]), { args: ['activity', '--json', 'two words', "it's"], electron: null });
  });

  it("falls back to VS Code's runtime, run as Node, when the user's Node is gone", () => {
    const cli = echoCli(dir.path);
    const file = launcherFile(path.join(dir.path, 'bin'), 'linux');
    installLauncher(file, cliLauncherText({ node: path.join(dir.path, 'uninstalled', 'node'), vscode: process.execPath }, cli, 'linux'));
    assert.deepEqual(runLauncher(file, ['--help']), { args: ['--help'], electron: '1' });
    installLauncher(file, cliLauncherText({ vscode: process.execPath }, cli, 'linux'));
    assert.deepEqual(runLauncher(file, []), { args: [], electron: '1' });
  });

  it('is idempotent, never replaces a hands-on that is not its own, and uninstalls only its own', () => {
    const cli = echoCli(dir.path);
    const file = launcherFile(path.join(dir.path, 'bin'), 'linux');
    const text = cliLauncherText({ vscode: process.execPath }, cli, 'linux');
    assert.equal(installLauncher(file, text), true);
    assert.equal(installLauncher(file, text), false, 'the same launcher again changes nothing');
    assert.equal(uninstallLauncher(file), true);
    assert.equal(fs.existsSync(file), false);

    const npmGlobal = '#!/usr/bin/env node\nrequire("hands-on/dist/cli.js");\n';
    fs.writeFileSync(file, npmGlobal);
    assert.throws(() => installLauncher(file, text), (error: unknown) => error instanceof LauncherTakenError && error.message.includes(file));
    assert.equal(uninstallLauncher(file), false);
    assert.equal(fs.readFileSync(file, 'utf8'), npmGlobal, "the user's own command is left as it was");
  });

  it("goes into the user's own bin folder on PATH, else ~/.local/bin with PATH to change", () => {
    const home = '/home/ada';
    assert.deepEqual(launcherFolder({ PATH: '/usr/bin:/home/ada/bin:/bin' }, 'linux', home), { folder: '/home/ada/bin', onPath: true });
    assert.deepEqual(launcherFolder({ PATH: '/home/ada/.local/bin:/home/ada/bin' }, 'linux', home), { folder: '/home/ada/.local/bin', onPath: true });
    assert.deepEqual(launcherFolder({ PATH: '/usr/local/bin:/usr/bin' }, 'linux', home), { folder: '/home/ada/.local/bin', onPath: false });
    assert.deepEqual(launcherFolder({ Path: 'C:\\Windows;C:\\Users\\ada\\AppData\\Local\\hands-on\\bin', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada'), {
      folder: 'C:\\Users\\ada\\AppData\\Local\\hands-on\\bin',
      onPath: true,
    });
  });

  it("finds the user's Node on PATH with its version, and none on a PATH without one", async () => {
    const found = await usableNode({ PATH: `/nonexistent:${path.dirname(process.execPath)}` }, 'linux');
    assert.deepEqual(found, { path: path.join(path.dirname(process.execPath), 'node'), version: process.versions.node });
    assert.equal(await usableNode({ PATH: dir.path }, 'linux'), undefined);
  });

  it('knows a launcher whose CLI an update removed, and leaves one whose CLI is still there', () => {
    const cli = echoCli(dir.path);
    const file = launcherFile(path.join(dir.path, 'bin'), 'linux');
    installLauncher(file, cliLauncherText({ vscode: process.execPath }, cli, 'linux'));
    assert.equal(isStaleScript(file), false);
    fs.rmSync(cli);
    assert.equal(isStaleScript(file), true);
    assert.equal(isStaleScript(path.join(dir.path, 'missing')), false);
  });
});
