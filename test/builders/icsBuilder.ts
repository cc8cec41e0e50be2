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
