import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh real folder per test, removed afterwards. */
export function useTempDir(prefix = 'hands-on-test-'): { readonly path: string } {
  const holder = { path: '' };
  beforeEach(() => {
    holder.path = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    fs.chmodSync(holder.path, 0o755);
    fs.rmSync(holder.path, { recursive: true, force: true });
  });
  return holder;
}

export function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}
