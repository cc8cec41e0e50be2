import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Makes `file` hold `text` durably: temp file, fsync, atomic rename, fsync of the folder. Readers see the
 * old state or the new one, never half a file. When `file` already exists its content is the same (names are
 * content hashes), and it is fsynced in case the process that renamed it died before doing so.
 */
export function writeFileDurably(file: string, text: string, tempSuffix: string): void {
  const dir = path.dirname(file);
  if (fs.existsSync(file)) {
    fsyncPath(file);
    return;
  }
  const temp = path.join(dir, `.tmp-${path.basename(file)}-${tempSuffix}`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDirectory(dir);
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open folders for fsync and persists renames itself. */
export function fsyncDirectory(dir: string): void {
  try {
    fsyncPath(dir);
  } catch {
    // Not supported on this platform or file system.
  }
}
