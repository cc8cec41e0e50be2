import type { Settings } from '../settings/settings';
import type { EventFacts, MeetingRules, RawOccurrence, Reason } from './types';
import { normalizeEmail } from './eventFacts';
import { DAY_MS } from '../time/clock';

const NOT_PEOPLE = new Set(['ROOM', 'RESOURCE']);

export interface FeedTraits {
  /** Any ATTENDEE in the feed: without attendee data (Outlook's published calendars) busy events count as meetings. */
  hasAttendeeData: boolean;
}

function myAttendee(facts: EventFacts, me: ReadonlySet<string>) {
  return facts.attendees.find((a) => me.has(a.email));
}

/** Other humans on the event. Without the user's addresses, the owner is one of them, so it takes two. */
function hasOtherPeople(facts: EventFacts, me: ReadonlySet<string>): boolean {
  const humans = new Set<string>();
  for (const a of facts.attendees) if (!NOT_PEOPLE.has(a.cutype)) humans.add(a.email || `#${humans.size}`);
  if (facts.attendees.length > 0 && facts.organizer) humans.add(facts.organizer);
  if (me.size === 0) return humans.size >= 2;
  for (const human of humans) if (!me.has(human)) return true;
  return false;
}

/** The rules in the form every occurrence is checked against, made once per calendar rather than per occurrence. */
export interface PreparedRules {
  /** The user's addresses, normalized. */
  me: ReadonlySet<string>;
  countTentative: boolean;
  /** Excluded keywords, trimmed and lower-cased, empty ones dropped. */
  keywords: readonly string[];
  /** Break keywords, the same way. */
  breakKeywords: readonly string[];
}

function lowerKeywords(keywords: readonly string[]): string[] {
  return keywords.map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
}

/** The meeting rules the settings give (the CLI and the extension read them the same way). */
export function meetingRulesOf(calendar: Settings['calendar']): MeetingRules {
  const { myEmails, countTentative, excludeKeywords, breakKeywords } = calendar;
  return { myEmails, countTentative, excludeKeywords, breakKeywords };
}

export function prepareRules(rules: MeetingRules): PreparedRules {
  return {
    me: new Set(rules.myEmails.map(normalizeEmail).filter(Boolean)),
    countTentative: rules.countTentative,
    keywords: lowerKeywords(rules.excludeKeywords),
    breakKeywords: lowerKeywords(rules.breakKeywords),
  };
}

function isTentative(facts: EventFacts, me: ReadonlySet<string>): boolean {
  return facts.busyStatus === 'TENTATIVE' || facts.status === 'TENTATIVE' || myAttendee(facts, me)?.partstat === 'TENTATIVE';
}

/**
 * The verdict for one occurrence, first failing rule wins: cancelled, all-day, declined, out-of-office, 24 hours or
 * longer, free (TRANSP or CDO busy status; tentative too when the user said so), break keyword, excluded keyword, no
 * other people. A break is checked first among the keywords: busy and not a meeting, it is not free time either.
 */
export function classify(occurrence: RawOccurrence, rules: PreparedRules, feed: FeedTraits): Reason {
  const { facts } = occurrence;
  const { me } = rules;
  if (occurrence.seriesCancelled || facts.status === 'CANCELLED') return 'cancelled';
  if (occurrence.allDay) return 'all-day';
  if (myAttendee(facts, me)?.partstat === 'DECLINED') return 'declined';
  if (facts.busyStatus === 'OOF') return 'out-of-office';
  // A timed block of a day or more is an offsite or a reminder, not a meeting (Viva Insights' rule too).
  if (occurrence.end - occurrence.start >= DAY_MS) return 'too-long';
  if (facts.busyStatus) {
    // Where Exchange says how the time shows, that decides, whatever TRANSP says.
    if (facts.busyStatus !== 'BUSY' && facts.busyStatus !== 'TENTATIVE') return 'free';
  } else if (facts.transparent) {
    return 'free';
  }
  if (!rules.countTentative && isTentative(facts, me)) return 'free';
  const title = facts.title.toLowerCase();
  if (rules.breakKeywords.some((keyword) => title.includes(keyword))) return 'break';
  if (rules.keywords.some((keyword) => title.includes(keyword))) return 'excluded-keyword';
  if (feed.hasAttendeeData && !hasOtherPeople(facts, me)) return 'no-other-attendees';
  return 'counted';
}

const HOLIDAY_WORDS = /\b(?:holiday|holidays|vacation|ooo|out of office|pto|leave|urlaub|feiertag|feiertage|congé|congés|vacaciones|ferie)\b/i;

/**
 * An all-day occurrence is a day off when it blocks the day for the user: out-of-office in Exchange,
 * a busy all-day event (Google marks birthdays and holiday subscriptions free), or a title or calendar
 * name that says holiday / vacation / out of office. Cancelled and declined ones never are.
 */
export function isDayOff(occurrence: RawOccurrence, rules: PreparedRules, calendarName: string): boolean {
  if (!occurrence.allDay) return false;
  const { facts } = occurrence;
  const { me } = rules;
  if (occurrence.seriesCancelled || facts.status === 'CANCELLED') return false;
  if (myAttendee(facts, me)?.partstat === 'DECLINED') return false;
  if (facts.busyStatus === 'OOF') return true;
  if (HOLIDAY_WORDS.test(facts.title) || HOLIDAY_WORDS.test(calendarName)) return true;
  const busy = facts.busyStatus ? facts.busyStatus === 'BUSY' : !facts.transparent;
  return busy && facts.attendees.length === 0;
}
