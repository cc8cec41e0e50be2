import * as path from 'node:path';

export const EXTENSION_ID = 'hands-on-dev.hands-on';

/**
 * Where VS Code puts the extension's globalStorageUri on this machine, so the CLI reads the same store the
 * extension writes by default. Mirrors VS Code's own rules: VSCODE_PORTABLE, then VSCODE_APPDATA, then the
 * platform's application data folder (XDG_CONFIG_HOME on Linux).
 */
export function defaultDataDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homedir: string): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.VSCODE_PORTABLE) return p.join(env.VSCODE_PORTABLE, 'user-data', 'User', 'globalStorage', EXTENSION_ID);
  const appData =
    env.VSCODE_APPDATA ||
    (platform === 'win32'
      ? env.APPDATA || p.join(env.USERPROFILE || homedir, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? p.join(homedir, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || p.join(homedir, '.config'));
  return p.join(appData, 'Code', 'User', 'globalStorage', EXTENSION_ID);
}
