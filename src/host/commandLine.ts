import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import { cliLauncherText, installLauncher, LauncherTakenError, launcherFile, launcherFolder, uninstallLauncher, usableNode, type Runtimes } from '../node/commandLine/cliInstall';
import { isStaleScript } from '../node/hooks/launcher';

/**
 * *Hands-On: Install Command Line* and *Uninstall Command Line*: the `hands-on` command for the terminal snippet, the
 * Neovim plugin and agent hooks, without npm. Installed in the user's own bin folder, never a system one.
 */
export class CommandLine {
  private readonly cli: string;
  private readonly file: string;
  private readonly folder: { folder: string; onPath: boolean };

  constructor(
    extensionPath: string,
    private readonly home: { readonly dir: string; readonly env: NodeJS.ProcessEnv },
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.cli = `${extensionPath}/dist/cli.js`;
    this.folder = launcherFolder(home.env, process.platform, home.dir);
    this.file = launcherFile(this.folder.folder, process.platform);
  }

  private async runtimes(): Promise<{ runtimes: Runtimes; described: string }> {
    const node = await usableNode(this.home.env, process.platform);
    return node
      ? { runtimes: { node: node.path, vscode: process.execPath }, described: `your Node ${node.version} (${node.path})` }
      : { runtimes: { vscode: process.execPath }, described: "VS Code's own runtime (no Node 20.19 or newer on your PATH)" };
  }

  async install(): Promise<void> {
    const { runtimes, described } = await this.runtimes();
    try {
      installLauncher(this.file, cliLauncherText(runtimes, this.cli, process.platform));
    } catch (error) {
      const message = error instanceof LauncherTakenError ? error.message : `could not write ${this.file}: ${errorText(error)}`;
      this.log.error(`Install Command Line: ${message}`);
      void vscode.window.showErrorMessage(`Hands-On: ${message}`);
      return;
    }
    this.log.info(`Installed ${this.file}; it runs ${this.cli} with ${described}.`);
    if (this.folder.onPath) {
      void vscode.window.showInformationMessage(`Hands-On: the hands-on command is installed in ${this.folder.folder} and runs with ${described}. Open a new terminal and run "hands-on --help".`);
      return;
    }
    const line = process.platform === 'win32' ? `setx PATH "%PATH%;${this.folder.folder}"` : `export PATH="${this.folder.folder}:$PATH"`;
    const copy = 'Copy Line';
    const answer = await vscode.window.showWarningMessage(
      `Hands-On: the hands-on command is installed in ${this.folder.folder}, which is not on your PATH. Add this line to your shell's startup file (~/.bashrc, ~/.zshrc, …), then open a new terminal: ${line}`,
      copy,
    );
    if (answer === copy) await vscode.env.clipboard.writeText(line);
  }

  uninstall(): void {
    try {
      const removed = uninstallLauncher(this.file);
      void vscode.window.showInformationMessage(removed ? `Hands-On: removed ${this.file}.` : `Hands-On: there is no hands-on command of Hands-On's in ${this.folder.folder}.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Hands-On: could not remove ${this.file}: ${errorText(error)}`);
    }
  }

  /** After an update moved the extension, the installed command runs this one (as the agent hook launcher does). */
  async refresh(): Promise<void> {
    try {
      if (!isStaleScript(this.file)) return;
      const { runtimes } = await this.runtimes();
      installLauncher(this.file, cliLauncherText(runtimes, this.cli, process.platform));
      this.log.info(`The hands-on command in ${this.folder.folder} now runs ${this.cli}.`);
    } catch (error) {
      this.log.warn(`Could not update the hands-on command ${this.file}: ${errorText(error)}`);
    }
  }
}
