import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerCacheDir, ensureCodeServer } from '../harness/codeServer';
import type { ShellName } from './tmuxShell';

/**
 * VS Code's own shell integration scripts, from the code-server the other suites run (installed once, cached; call
 * it before any scenario starts timing: the install is synchronous).
 */
export function shellIntegrationScripts(): string {
  ensureCodeServer();
  return path.join(codeServerCacheDir(), 'node_modules/code-server/lib/vscode/out/vs/workbench/contrib/terminal/common/scripts');
}

/**
 * A shell started as VS Code's integrated terminal starts it, with its shell integration injected
 * (terminalEnvironment.ts's getShellIntegrationInjection): bash with `--init-file`, zsh through a ZDOTDIR of VS Code's
 * rc files that then load the user's, fish with `--init-command`; TERM_PROGRAM=vscode as in every VS Code terminal.
 */
export function integratedTerminal(scripts: string, shell: ShellName, env: NodeJS.ProcessEnv, vscodeZdotdir: string): { env: NodeJS.ProcessEnv; args: string[] } {
  const vscodeEnv = { ...env, TERM_PROGRAM: 'vscode', VSCODE_INJECTION: '1' };
  if (shell === 'bash') return { env: vscodeEnv, args: ['--init-file', path.join(scripts, 'shellIntegration-bash.sh'), '-i'] };
  if (shell === 'fish') return { env: vscodeEnv, args: ['--init-command', `source ${JSON.stringify(path.join(scripts, 'shellIntegration.fish'))}`, '-i'] };
  fs.mkdirSync(vscodeZdotdir, { recursive: true });
  for (const [file, name] of [['shellIntegration-rc.zsh', '.zshrc'], ['shellIntegration-profile.zsh', '.zprofile'], ['shellIntegration-env.zsh', '.zshenv'], ['shellIntegration-login.zsh', '.zlogin']]) {
    fs.copyFileSync(path.join(scripts, file!), path.join(vscodeZdotdir, name!));
  }
  return { env: { ...vscodeEnv, ZDOTDIR: vscodeZdotdir, USER_ZDOTDIR: env.ZDOTDIR }, args: ['-i'] };
}
