import { join } from 'node:path';
import type { ParseTexts } from '../node/calendar/loadCalendar';
import { parseInWorker } from '../node/calendar/parseInWorker';

/** The calendar worker bundled next to the CLI (dist/calendarWorker.js); without it, parsing runs in-process. */
const WORKER_FILE = join(__dirname, 'calendarWorker.js');

/** Parses in the bounded worker, as the extension does: one hostile event can cost a calendar, never hang the command. */
export const parseBounded: ParseTexts = (texts, options) => parseInWorker(texts, options, WORKER_FILE);
