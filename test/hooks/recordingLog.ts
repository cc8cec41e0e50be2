import type * as vscode from 'vscode';

/** Remembers every line written to the log, so tests can check that no secret ever reaches it. */
export function recordingLog(log: vscode.LogOutputChannel, lines: string[]): vscode.LogOutputChannel {
  const levels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine', 'append']);
  return new Proxy(log, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property === 'string' && levels.has(property) && typeof value === 'function') {
        return (...args: unknown[]) => {
          lines.push(args.map(String).join(' '));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
