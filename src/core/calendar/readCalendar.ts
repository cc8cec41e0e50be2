import type { CalendarVerdicts, ExpandOptions, MeetingRules } from './types';
import { DEFAULT_RULES } from './types';
import { expandCalendar } from './expandCalendar';
import { judgeCalendar } from './meetingTime';

export interface ReadOptions extends ExpandOptions {
  rules?: MeetingRules;
  /** A label for the occurrences (a redacted URL or a file name), never the secret URL itself. */
  source?: string;
}

/** Text of one calendar → judged occurrences in [from, to), days off and warnings. Pure: no I/O. */
export function readCalendar(text: string, options: ReadOptions): CalendarVerdicts {
  return judgeCalendar(expandCalendar(text, options), options.rules ?? DEFAULT_RULES, options.zone, { start: options.from, end: options.to }, options.source);
}
