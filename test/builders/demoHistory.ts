import { writeFileSync } from 'node:fs';
import { JournalWriter } from '../../src/node/journal/journalWriter';
import type { ActivitySpan } from '../../src/core/activity/activitySpan';
import { bucketStartOf, type CharacterBucket } from '../../src/core/activity/characterCounts';
import { MINUTE_MS } from '../../src/core/time/clock';
import { FakeClock } from './fakeClock';

/** The address the demo calendar knows as "me": the sandbox puts it in handsOn.calendar.myEmails. */
export const DEMO_EMAIL = 'me@example.com';

/** A small deterministic generator, so every sandbox shows the same story. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function stamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function localTime(day: Date, hour: number, minute = 0): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute).getTime();
}

interface DemoEvent {
  uid: string;
  start: number;
  end: number;
  title: string;
  extra?: string[];
  /** Other people invited; none makes it a personal block. */
  people?: string[];
  myStatus?: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  allDay?: boolean;
}

function vevent(event: DemoEvent): string {
  const attendees = event.people
    ? [`ORGANIZER;CN=Dana Lead:mailto:dana@example.com`, `ATTENDEE;CN=Me;PARTSTAT=${event.myStatus ?? 'ACCEPTED'}:mailto:${DEMO_EMAIL}`, ...event.people.map((p) => `ATTENDEE;CN=${p};PARTSTAT=ACCEPTED:mailto:${p.toLowerCase().replace(/\s+/g, '.')}@example.com`)]
    : [];
  const localDate = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  };
  const times = event.allDay
    ? [`DTSTART;VALUE=DATE:${localDate(event.start)}`, `DTEND;VALUE=DATE:${localDate(event.end)}`]
    : [`DTSTART:${stamp(event.start)}`, `DTEND:${stamp(event.end)}`];
  return ['BEGIN:VEVENT', `UID:${event.uid}@demo.hands-on`, `DTSTAMP:${stamp(event.start)}`, ...times, `SUMMARY:${event.title}`, ...attendees, ...(event.extra ?? []), 'END:VEVENT'].join('\r\n');
}

const DAY = 24 * 60 * MINUTE_MS;

/**
 * The year before the four weeks, for the Skills tab: TypeScript and Go all year; Rust much used in the spring and
 * then dropped (fading); Python written by hand until the summer and since then mostly by Claude Code (delegated);
 * a little SQL. Weekdays only, 09:00–12:00 local in one or two languages, agent sessions in the late afternoon.
 */
function yearOfLanguages(first: Date, next: () => number): ActivitySpan[] {
  const spans: ActivitySpan[] = [];
  const start = new Date(first.getFullYear() - 1, first.getMonth(), first.getDate());
  for (const day = new Date(start); day < first; day.setDate(day.getDate() + 1)) {
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    const daysBefore = Math.round((first.getTime() - day.getTime()) / DAY);
    const languages = ['typescript', 'go'];
    if (daysBefore > 200 && daysBefore < 330) languages.unshift('rust');
    if (daysBefore > 150 && day.getDay() === 3) languages.push('python');
    if (daysBefore < 90 && day.getDate() === 1) languages.push('python');
    if (day.getDay() === 5 && next() < 0.3) languages.push('sql');
    let minute = 9 * 60 + Math.floor(next() * 20);
    for (const language of languages.slice(0, 3)) {
      const length = 40 + Math.floor(next() * 50);
      spans.push({ start: localTime(day, 0, minute), end: localTime(day, 0, minute + length), workspace: language === 'go' ? 'payments-api' : 'hands-on', language });
      minute += length + 5;
    }
    if (daysBefore < 150 && day.getDay() !== 5) {
      spans.push({ start: localTime(day, 16), end: localTime(day, 16, 30 + Math.floor(next() * 40)), workspace: 'ml-tools', language: 'python', agent: 'claude-code', source: 'hook' });
    }
  }
  return spans;
}

/**
 * The meetings of the year before the four weeks, for the monthly hands-on share on the Skills tab: a weekly team sync
 * all year, and a fortnightly roadmap review in the last six months, so the share falls as the year goes on.
 */
function yearOfMeetings(first: Date): DemoEvent[] {
  const yearAgo = new Date(first.getFullYear(), first.getMonth(), first.getDate() - 52 * 7 + 1);
  const halfYearAgo = new Date(first.getFullYear(), first.getMonth(), first.getDate() - 26 * 7 + 3);
  return [
    { uid: 'team-sync', start: localTime(yearAgo, 14), end: localTime(yearAgo, 15), title: 'Team sync', people: ['Ana', 'Ben', 'Chloe'], extra: ['RRULE:FREQ=WEEKLY;COUNT=52'] },
    { uid: 'roadmap', start: localTime(halfYearAgo, 14), end: localTime(halfYearAgo, 15, 30), title: 'Roadmap review', people: ['Product', 'Ben'], extra: ['RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=13'] },
  ];
}

/** Typed characters for the user's spans, about 30 a minute, per quarter hour and language. */
function typedCharacters(spans: readonly ActivitySpan[]): CharacterBucket[] {
  const buckets = new Map<string, { start: number; language: string; typed: number }>();
  for (const span of spans) {
    for (let t = span.start; t < span.end; t += MINUTE_MS) {
      const start = bucketStartOf(t);
      const key = `${start}/${span.language!}`;
      const bucket = buckets.get(key) ?? { start, language: span.language!, typed: 0 };
      bucket.typed += 30;
      buckets.set(key, bucket);
    }
  }
  return [...buckets.values()].map((b) => ({ start: b.start, counts: { typed: b.typed, pasted: 0, aiCompletion: 0, agent: 0 }, language: b.language }));
}

/**
 * Four weeks (by default) of a tech lead's life (in VS Code, at the terminal and in Neovim), after a year of languages and meetings (for the Skills tab): a daily standup series, 1:1s, planning, ad-hoc calls, a declined
 * meeting, a holiday, lunch breaks and focus events that are not meetings, and coding that drifts down week by week.
 * The current week shows every part of the Focus tab: focus blocks used and unused, fragmented time, lunch breaks,
 * re-entry after meetings, and meeting series that cost focus time (the standup first).
 * Writes the calendar to `calendarFile` and the coding history into `dataDir` as another machine would have.
 */
export function seedDemoHistory(dataDir: string, calendarFile: string, now: number, weeks = 4): void {
  const next = random(42);
  const today = new Date(now);
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7 * weeks);
  while (first.getDay() !== 1) first.setDate(first.getDate() - 1);
  const events: DemoEvent[] = [
    {
      uid: 'standup',
      start: localTime(first, 9, 30),
      end: localTime(first, 9, 45),
      title: 'Team standup',
      people: ['Ana', 'Ben', 'Chloe'],
      extra: [`RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=${5 * (weeks + 2)}`],
    },
    { uid: 'planning', start: localTime(first, 14), end: localTime(first, 15), title: 'Sprint planning', people: ['Ana', 'Ben', 'Chloe', 'Product'], extra: [`RRULE:FREQ=WEEKLY;COUNT=${weeks + 2}`] },
  ];
  const spans: ActivitySpan[] = [];
  // The calendar runs to the end of the current week (the Focus tab shows what is ahead); coding stops at now.
  const lastDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ((7 - today.getDay()) % 7));
  for (const day = new Date(first); day <= lastDay; day.setDate(day.getDate() + 1)) {
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    const key = `${day.getMonth() + 1}-${day.getDate()}`;
    const weekIndex = Math.floor((day.getTime() - first.getTime()) / (7 * 24 * 3_600_000));
    if (weekIndex === 1 && weekday === 5) {
      events.push({ uid: `holiday-${key}`, start: localTime(day, 0), end: localTime(day, 24), title: 'Public holiday', allDay: true });
      continue;
    }
    events.push({ uid: `lunch-${key}`, start: localTime(day, 12), end: localTime(day, 13), title: 'Lunch' });
    if (weekday === 2) events.push({ uid: `one-on-one-${key}`, start: localTime(day, 11), end: localTime(day, 11, 30), title: '1:1 with Ana', people: ['Ana'] });
    if (weekday === 4) events.push({ uid: `arch-${key}`, start: localTime(day, 15), end: localTime(day, 16, 30), title: 'Architecture review', people: ['Ben', 'Security'] });
    if (weekday === 1) events.push({ uid: `reviews-${key}`, start: localTime(day, 16, 30), end: localTime(day, 17), title: 'Write performance reviews' });
    if (weekday === 3) events.push({ uid: `focus-${key}`, start: localTime(day, 13), end: localTime(day, 15), title: 'Focus time' });
    // Ad-hoc calls grow week by week: the drift Hands-On is for.
    const adHoc = Math.floor(next() * (1 + weekIndex));
    for (let i = 0; i < adHoc; i++) {
      const hour = 15 + Math.floor(next() * 3);
      events.push({ uid: `adhoc-${key}-${i}`, start: localTime(day, hour), end: localTime(day, hour, 30 + Math.floor(next() * 4) * 10), title: ['Incident review', 'Hiring sync', 'Roadmap chat', 'Vendor call'][i % 4]!, people: ['Ben'] });
    }
    if (weekday === 3 && weekIndex % 2 === 0) {
      events.push({ uid: `declined-${key}`, start: localTime(day, 16), end: localTime(day, 17), title: 'All-hands rehearsal', people: ['Everyone'], myStatus: 'DECLINED' });
    }
    // Mondays stay good coding days, so even the latest week has a focus block used next to ones left unused.
    const drift = Math.max(0.4, 4.5 - 0.7 * weekIndex - next() * 1.5);
    const codingHours = weekday === 1 ? Math.max(2.5, drift) : drift;
    const morning = Math.min(codingHours, 1.7);
    // Back at the keyboard a few minutes after the standup: the re-entry the Focus tab measures.
    const back = localTime(day, 9, 45 + Math.floor(next() * 15));
    spans.push({ start: back, end: back + morning * 60 * MINUTE_MS, workspace: 'payments-api', language: 'go' });
    if (codingHours > morning) spans.push({ start: localTime(day, 13), end: localTime(day, 13) + (codingHours - morning) * 60 * MINUTE_MS, workspace: 'hands-on', language: 'typescript' });
    // The shell snippet and the Neovim plugin write too ("By source" on the dashboard): a deploy at the terminal
    // late in the morning, partly while VS Code was busy, and the evening's dotfiles in Neovim twice a week.
    spans.push({ start: localTime(day, 11, 15), end: localTime(day, 11, 35 + Math.floor(next() * 10)), workspace: 'payments-api', language: 'shellscript', source: 'terminal' });
    if (weekday === 2 || weekday === 4) spans.push({ start: localTime(day, 17, 15), end: localTime(day, 17, 40), workspace: 'dotfiles', language: 'lua', source: 'neovim' });
  }
  spans.push(...yearOfLanguages(first, next));
  events.push(...yearOfMeetings(first));
  const calendar = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hands-On//Demo//EN', 'X-WR-CALNAME:Work (demo)', ...events.map(vevent), 'END:VCALENDAR', ''].join('\r\n');
  writeFileSync(calendarFile, calendar);
  const writer = new JournalWriter({ root: dataDir, clock: new FakeClock(now), writerId: 'demo-laptop-1-seed', createRoot: true, durable: false });
  writer.appendSpans(spans.filter((span) => span.end <= now));
  // The shell snippet records no characters.
  writer.appendCharacters(typedCharacters(spans.filter((span) => span.end <= now && span.agent === undefined && span.language !== undefined && span.source !== 'terminal')));
  const result = writer.flush();
  if (!result.ok) throw new Error(`could not write the demo history: ${result.problem.message}`);
}
