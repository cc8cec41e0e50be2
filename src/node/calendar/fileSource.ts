import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { looksLikeCalendar } from '../../core/calendar/expandCalendar';

export interface CalendarText {
  /** A label safe to show: the file name, or a feed's host. */
  name: string;
  text: string;
  /** A feed's validators, for a conditional request next time. */
  etag?: string;
  lastModified?: string;
}

/** Reads one .ics file; a missing file or one that is not iCalendar is an Error with one clear line. */
export async function readCalendarFile(file: string): Promise<CalendarText> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'error'})`);
  }
  if (!looksLikeCalendar(text)) throw new Error(`not an iCalendar file: ${file}`);
  return { name: path.basename(file), text };
}

/**
 * Every .ics file in a folder and its direct subfolders (vdirsyncer and khal keep one event per file,
 * one folder per calendar). Other files are ignored; a folder without any .ics file is an error.
 */
export async function readCalendarFolder(folder: string): Promise<CalendarText[]> {
  const files: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isFile() && /\.ics$/i.test(entry.name)) files.push(full);
    else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      for (const inner of await fs.readdir(full, { withFileTypes: true })) {
        if (inner.isFile() && /\.ics$/i.test(inner.name)) files.push(path.join(full, inner.name));
      }
    }
  }
  if (files.length === 0) throw new Error(`no .ics files in ${folder}`);
  files.sort();
  const texts: CalendarText[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8');
    if (looksLikeCalendar(text)) texts.push({ name: path.relative(folder, file), text });
  }
  return texts;
}
