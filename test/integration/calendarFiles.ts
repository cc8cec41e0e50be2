import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icsText, type TestMeeting } from '../builders/icsBuilder';
import { workDir } from './support';

export function writeCalendarFile(name: string, meetings: readonly TestMeeting[]): string {
  const file = join(workDir(), name);
  writeFileSync(file, icsText(meetings));
  return file;
}

/** 14:00 local time on a Wednesday `weeksAhead` weeks from now: a working moment in an otherwise empty week. */
export function wednesdayAfternoon(weeksAhead: number): number {
  const date = new Date();
  date.setDate(date.getDate() + ((3 - date.getDay() + 7) % 7) + 7 * weeksAhead);
  date.setHours(14, 0, 0, 0);
  return date.getTime();
}
