import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workDir } from './support';

export interface TestMeeting {
  start: number;
  end: number;
  title: string;
}

function stamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** An iCalendar text as Outlook publishes it (no attendee data, so every busy event is a meeting). */
export function icsText(meetings: readonly TestMeeting[]): string {
  const events = meetings.map((m, i) =>
    ['BEGIN:VEVENT', `UID:test-${i}-${m.start}@hands-on.test`, `DTSTAMP:${stamp(Date.now())}`, `DTSTART:${stamp(m.start)}`, `DTEND:${stamp(m.end)}`, `SUMMARY:${m.title}`, 'END:VEVENT'].join('\r\n'),
  );
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hands-On//Tests//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

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
