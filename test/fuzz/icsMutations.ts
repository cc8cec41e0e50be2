/**
 * Seeded mutations of real calendar files: what a feed written by other people's software, or an invitation
 * written by an attacker, can look like. The same seed always gives the same cases, so a failure can be replayed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../../shared/ics-corpus');

/** Mulberry32: small, fast and good enough to pick mutations. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Property lines no calendar should have, each aimed at one way a parser can hang, blow up or give up. */
export const HOSTILE_LINES = [
  'RRULE:FREQ=WEEKLY;INTERVAL=999999999',
  'RRULE:FREQ=DAILY;INTERVAL=2147483647',
  'RRULE:FREQ=MONTHLY;INTERVAL=99999999999;BYDAY=-1FR',
  'RRULE:FREQ=YEARLY;INTERVAL=999999999;BYMONTH=2;BYMONTHDAY=30',
  'RRULE:FREQ=SECONDLY',
  'RRULE:FREQ=MINUTELY;COUNT=99999999',
  'RRULE:FREQ=YEARLY;BYWEEKNO=60;BYDAY=MO',
  'RRULE:FREQ=MONTHLY;BYSETPOS=999;BYDAY=MO',
  'RRULE:FREQ=WEEKLY;UNTIL=99991231T000000Z',
  'RRULE:FREQ=DAILY;COUNT=-5',
  'RRULE:FREQ=BOGUS;INTERVAL=0',
  'RRULE:',
  'DURATION:P9999999999999999999D',
  'DURATION:P99999999W',
  'DURATION:-P1D',
  'DURATION:PT',
  'DTSTART:00000101T000000Z',
  'DTSTART:99991231T235959Z',
  'DTSTART;VALUE=DATE:20231120',
  'DTSTART:2023-11-20T::',
  'DTSTART;TZID=Nowhere/Never:20231120T090000',
  'DTSTART;TZID="quoted:20231120T090000"',
  'DTEND;VALUE=DATE:99991231',
  'DTEND:19000101T000000Z',
  'EXDATE:20200116',
  'EXDATE:garbage',
  'EXDATE;TZID=Europe/Berlin:20231120T090000,bad',
  'RDATE:20231123T090000Z',
  'RDATE;VALUE=PERIOD:20231123T090000Z/P99999999W',
  'RDATE;VALUE=PERIOD:20231123T090000Z/20231122T090000Z',
  'RDATE:99999999T999999',
  'RECURRENCE-ID:2023-11-20T::',
  'RECURRENCE-ID;RANGE=THISANDFUTURE:19700101T000000Z',
  'TZID:',
  'ATTENDEE;PARTSTAT=DECLINED:',
  'SEQUENCE:99999999999999999999',
];

export type Mutation = 'truncate' | 'delete-lines' | 'duplicate-lines' | 'garbage-bytes' | 'break-folding' | 'hostile-property';
const MUTATIONS: readonly Mutation[] = ['truncate', 'delete-lines', 'duplicate-lines', 'garbage-bytes', 'break-folding', 'hostile-property'];

export interface FuzzCase {
  index: number;
  file: string;
  mutations: Mutation[];
  text: string;
  /** A month from the file's first DTSTART, so that expansion has something to do. */
  window: { from: number; to: number };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function mutate(text: string, mutation: Mutation, next: () => number): string {
  const lines = text.split(/\r?\n/);
  const at = () => Math.floor(next() * lines.length);
  switch (mutation) {
    case 'truncate':
      return text.slice(0, Math.floor(next() * text.length));
    case 'delete-lines': {
      const count = 1 + Math.floor(next() * 5);
      for (let i = 0; i < count; i++) lines.splice(at(), 1);
      return lines.join('\r\n');
    }
    case 'duplicate-lines': {
      const count = 1 + Math.floor(next() * 5);
      for (let i = 0; i < count; i++) {
        const line = at();
        lines.splice(line, 0, ...Array.from({ length: 1 + Math.floor(next() * 3) }, () => lines[line] ?? ''));
      }
      return lines.join('\r\n');
    }
    case 'garbage-bytes': {
      const position = Math.floor(next() * text.length);
      const garbage = Array.from({ length: 1 + Math.floor(next() * 20) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join('');
      return text.slice(0, position) + garbage + text.slice(position);
    }
    case 'break-folding': {
      // Either a fold where none belongs, or a continuation line that lost its leading space.
      const line = at();
      const value = lines[line] ?? '';
      if (next() < 0.5) lines[line] = `${value.slice(0, Math.floor(value.length / 2))}\r\n ${value.slice(Math.floor(value.length / 2))}`;
      else lines.splice(line + 1, 0, `continued:${value.slice(0, 10)}`);
      return lines.join('\r\n');
    }
    case 'hostile-property': {
      const events = lines.flatMap((line, i) => (/^BEGIN:VEVENT/i.test(line) ? [i] : []));
      const target = events.length > 0 ? pick(next, events) : at();
      const hostile = pick(next, HOSTILE_LINES);
      const name = hostile.slice(0, hostile.search(/[;:]/));
      // Replace the event's own line of that property when it has one, else add it.
      let end = target + 1;
      while (end < lines.length && !/^END:VEVENT/i.test(lines[end]!)) end++;
      const existing = lines.slice(target + 1, end).findIndex((line) => line.toUpperCase().startsWith(name.toUpperCase()));
      if (existing >= 0) lines[target + 1 + existing] = hostile;
      else lines.splice(target + 1, 0, hostile);
      return lines.join('\r\n');
    }
  }
}

function windowOf(text: string): { from: number; to: number } {
  const match = /DTSTART[^:\r\n]*:(\d{4})(\d{2})/.exec(text);
  const year = match ? Number(match[1]) : 2023;
  const month = match ? Number(match[2]) : 11;
  const from = Date.UTC(year >= 1970 && year <= 2100 ? year : 2023, month >= 1 && month <= 12 ? month - 1 : 10, 1);
  return { from, to: from + 35 * 86_400_000 };
}

/** The corpus files small enough to mutate many times (the large ones are covered by the conformance tests). */
export function corpusFiles(maxBytes = 60_000): { name: string; text: string }[] {
  return fs
    .readdirSync(CORPUS)
    .filter((name) => name.endsWith('.ics') && fs.statSync(path.join(CORPUS, name)).size <= maxBytes)
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(CORPUS, name), 'utf8') }));
}

/** `count` cases from `seed`: each a corpus file with one to three mutations. */
export function fuzzCases(seed: number, count: number, files = corpusFiles()): FuzzCase[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const file = pick(next, files);
    const mutations = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, MUTATIONS));
    const text = mutations.reduce((current, mutation) => mutate(current, mutation, next), file.text);
    return { index, file: file.name, mutations, text, window: windowOf(file.text) };
  });
}

/** JavaScript's own error words: none of them may reach a user in a warning. */
export const RAW_ERROR = /Invalid time value|TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|undefined|\bNaN\b/;
