import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActivitySpan } from '../../core/activity/activitySpan';
import type { CharacterBucket } from '../../core/activity/characterCounts';
import type { Clock } from '../../core/time/clock';
import { describeWriteError, type JournalProblem } from './journalProblem';
import { journalFileName, journalPaths, utcDateOf } from './layout';
import { encodeActivityLine, encodeCharactersLine, encodeMeetingLine, isPlausibleInterval, MAX_MEETING_MS, MAX_NOTE_LENGTH, type ManualMeeting } from './records';

export interface JournalWriterOptions {
  /** The data directory (the host's globalStorage path or handsOn.dataDirectory). */
  root: string;
  clock: Clock;
  /** Unique per extension host process; see createWriterId. */
  writerId: string;
  /** Create `root` itself when missing. True for the extension's own storage; false for a user folder that may be an unmounted share. */
  createRoot?: boolean;
  /** fsync after each write (default true). Off only for bulk writes such as the benchmark. */
  durable?: boolean;
}

export type FlushResult = { readonly ok: true; readonly written: number } | { readonly ok: false; readonly problem: JournalProblem; readonly buffered: number };

/**
 * Appends this process's records to its own journal file, one JSON line per record and one write call per
 * batch (O_APPEND), so a crash leaves whole lines and at most a torn last one. No other process ever writes
 * the file. When the folder is missing, read-only or full, records stay buffered in memory, `problem` says
 * what is wrong, and the next flush retries: since records are intervals read as a union, a batch that was
 * partly written before the failure and written again after it never counts twice.
 */
export class JournalWriter {
  private readonly root: string;
  private readonly clock: Clock;
  private readonly createRoot: boolean;
  private readonly durable: boolean;
  readonly writerId: string;
  private spans: ActivitySpan[] = [];
  private meetings: ManualMeeting[] = [];
  /** The latest counts of each bucket: cumulative, so a newer one replaces an older one of the same bucket. */
  private characters = new Map<number, CharacterBucket>();
  private currentProblem: JournalProblem | undefined;
  /** After a failed write the file may end in a torn line; the next batch starts on a fresh line. */
  private startWithNewline = false;

  constructor(options: JournalWriterOptions) {
    this.root = options.root;
    this.clock = options.clock;
    this.writerId = options.writerId;
    this.createRoot = options.createRoot ?? false;
    this.durable = options.durable ?? true;
  }

  /** Buffers spans for the next flush; adjacent spans with the same context merge so an outage costs little memory. */
  appendSpans(spans: readonly ActivitySpan[]): void {
    for (const span of spans) {
      if (!isPlausibleInterval(span.start, span.end)) continue;
      const last = this.spans[this.spans.length - 1];
      if (last && last.workspace === span.workspace && last.language === span.language && last.agent === span.agent && last.source === span.source && span.start <= last.end && span.start >= last.start) {
        if (span.end > last.end) this.spans[this.spans.length - 1] = { ...last, end: span.end };
      } else {
        this.spans.push(span);
      }
    }
  }

  /** Buffers this writer's character counts (cumulative per bucket) for the next flush. */
  appendCharacters(buckets: readonly CharacterBucket[]): void {
    for (const bucket of buckets) this.characters.set(bucket.start, bucket);
  }

  /** Stores a meeting the user logged and flushes at once: it is a deliberate action, not a keystroke. */
  appendManualMeeting(meeting: ManualMeeting): FlushResult {
    if (!isPlausibleInterval(meeting.start, meeting.end) || meeting.end - meeting.start > MAX_MEETING_MS) {
      throw new RangeError('A logged meeting must end after it starts and last at most 24 hours.');
    }
    const note = meeting.note?.trim().slice(0, MAX_NOTE_LENGTH);
    this.meetings.push(note ? { start: meeting.start, end: meeting.end, note } : { start: meeting.start, end: meeting.end });
    return this.flush();
  }

  get problem(): JournalProblem | undefined {
    return this.currentProblem;
  }

  get bufferedRecords(): number {
    return this.spans.length + this.meetings.length + this.characters.size;
  }

  /** Writes everything buffered in one append. Never throws; on failure keeps the buffer and reports why. */
  flush(): FlushResult {
    const count = this.bufferedRecords;
    if (count === 0) return { ok: true, written: 0 };
    const now = this.clock.now();
    const lines = [...this.spans.map(encodeActivityLine), ...this.meetings.map(encodeMeetingLine), ...[...this.characters.values()].map((bucket) => encodeCharactersLine(bucket))];
    const text = `${this.startWithNewline ? '\n' : ''}${lines.join('\n')}\n`;
    try {
      this.ensureFolders();
      // The file is named by the UTC date of the write: a file of a date two days old is closed for good.
      this.appendWhole(path.join(journalPaths(this.root).live, journalFileName(utcDateOf(now), this.writerId)), text);
    } catch (error) {
      this.startWithNewline = true;
      const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
      if (this.currentProblem?.code !== code) this.currentProblem = describeWriteError(error, this.root, this.currentProblem?.since ?? now);
      return { ok: false, problem: this.currentProblem, buffered: count };
    }
    this.spans = [];
    this.meetings = [];
    this.characters = new Map();
    this.startWithNewline = false;
    this.currentProblem = undefined;
    return { ok: true, written: count };
  }

  private ensureFolders(): void {
    if (this.createRoot) fs.mkdirSync(this.root, { recursive: true });
    else if (!fs.statSync(this.root).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    fs.mkdirSync(journalPaths(this.root).live, { recursive: true });
  }

  private appendWhole(file: string, text: string): void {
    const data = Buffer.from(text, 'utf8');
    const fd = fs.openSync(file, 'a');
    try {
      let offset = 0;
      // One write call in practice; the loop only matters for a short write, after which the same process continues the line.
      while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
      if (this.durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
