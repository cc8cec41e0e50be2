import { DEFAULT_SETTINGS } from '../settings/settings';
import type { LocalDate } from '../time/localDays';

/** Why an occurrence does or does not count as meeting time; `counted` is the only one that does. */
export type Reason =
  | 'counted'
  | 'declined'
  | 'cancelled'
  | 'free'
  | 'out-of-office'
  | 'all-day'
  | 'too-long'
  | 'no-other-attendees'
  | 'excluded-keyword'
  /** Busy, not a meeting, and the title matches a break keyword (lunch, out of office): neither meeting nor free time. */
  | 'break';

export interface Attendee {
  /** Lower-case address without `mailto:`; empty when the feed gave none. */
  email: string;
  partstat: string;
  cutype: string;
}

/** The properties of one VEVENT (a master or an override) that the meeting rules look at. */
export interface EventFacts {
  title: string;
  status: string;
  transparent: boolean;
  /** X-MICROSOFT-CDO-BUSYSTATUS upper-cased, or '' when absent. */
  busyStatus: string;
  attendees: Attendee[];
  organizer: string;
}

/** One expanded instance, before the rules ran. */
export interface RawOccurrence {
  start: number;
  end: number;
  uid: string;
  allDay: boolean;
  facts: EventFacts;
  seriesCancelled: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
  title: string;
  uid: string;
  allDay: boolean;
  counted: boolean;
  reason: Reason;
  source?: string;
}

export interface ExpandOptions {
  /** Window [from, to) in epoch ms: only occurrences that overlap it are returned. */
  from: number;
  to: number;
  /** The user's zone: floating times, all-day dates and unresolvable TZIDs (with a warning) use it. */
  zone: string;
  /** Iterations allowed per recurrence rule before expansion stops with a warning. */
  maxIterations?: number;
}

/** The result of parsing and expanding one calendar text for a window. */
export interface ExpandedCalendar {
  occurrences: RawOccurrence[];
  /** Whether any VEVENT of the feed carries ATTENDEE data (Outlook's published calendars carry none). */
  hasAttendeeData: boolean;
  /** X-WR-CALNAME, used to spot holiday calendars. */
  calendarName: string;
  warnings: string[];
}

export interface MeetingRules {
  myEmails: readonly string[];
  countTentative: boolean;
  excludeKeywords: readonly string[];
  /** Titles of breaks (lunch, out of office): busy, but neither meetings nor free time. */
  breakKeywords: readonly string[];
}

export const DEFAULT_EXCLUDE_KEYWORDS: readonly string[] = DEFAULT_SETTINGS.calendar.excludeKeywords;

/** The rules the default settings give. */
export const DEFAULT_RULES: MeetingRules = {
  myEmails: DEFAULT_SETTINGS.calendar.myEmails,
  countTentative: DEFAULT_SETTINGS.calendar.countTentative,
  excludeKeywords: DEFAULT_EXCLUDE_KEYWORDS,
  breakKeywords: DEFAULT_SETTINGS.calendar.breakKeywords,
};

export interface CalendarVerdicts {
  occurrences: Occurrence[];
  daysOff: LocalDate[];
  warnings: string[];
}
