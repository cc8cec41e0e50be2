import * as vscode from 'vscode';
import type { BalanceInputs } from '../core/balance/balanceInputs';
import { gatherBalanceInputs, meetingTimeIn } from '../core/balance/gatherInputs';
import { readHistory, readSkillsHistory } from '../node/journal/activityHistory';
import type { UnreadableFile } from '../node/journal/journalReader';
import { DecodedFiles } from '../node/journal/decodedFiles';
import type { Settings } from '../core/settings/settings';
import type { Clock } from '../core/time/clock';
import type { Interval } from '../core/time/interval';
import type { ActivityRecorder } from './activityRecorder';
import type { Calendars } from './calendars';
import type { Config } from './config';
import { Disposable } from './dispose';
import type { MeetingNow } from './meetingNow';

/**
 * Reads what every view computes from: coding time from the journal, meetings from the calendars and the user's own
 * log, the settings; `gatherBalanceInputs` puts them together as it does for `hands-on report`, so both show the same
 * figures. It fires `onDidChange` whenever any of them changed.
 */
export class BalanceData extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private reportedCorruptLines = 0;
  private reportedUnreadableFiles = 0;
  /** What the tooltip says while history files cannot be read; undefined when all could be. */
  historyProblem: string | undefined;
  private readonly reportedUnknownFiles = new Set<string>();
  private readonly decodedFiles = new DecodedFiles();

  constructor(
    private readonly clock: Clock,
    private readonly zone: () => string,
    private readonly config: Config,
    private readonly recorder: ActivityRecorder,
    private readonly calendars: Calendars,
    private readonly meetingNow: MeetingNow,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    const fire = () => this.changed.fire();
    this.register(recorder.onDidChange(fire));
    this.register(calendars.onDidChange(fire));
    this.register(config.onDidChange(fire));
    this.register(meetingNow.onDidChange(fire));
  }

  context(): { now: number; zone: string; settings: Settings } {
    return { now: this.clock.now(), zone: this.zone(), settings: this.config.current };
  }

  /**
   * One read of the journal for `range`, of the files that changed since the last read only; coding by workspace
   * and language covers `breakdownRange` (a part of it), and is left out without one (only the dashboard shows it).
   */
  async load(range: Interval, breakdownRange?: Interval, skillsRange?: Interval): Promise<BalanceInputs> {
    await this.calendars.whenLoaded();
    const root = this.recorder.dataDirectory;
    const [history, skills] = await Promise.all([readHistory(root, range, breakdownRange ?? null, this.decodedFiles), skillsRange ? readSkillsHistory(root, skillsRange) : undefined]);
    this.reportDamage(history.corruptLines, history.unreadableFiles, history.unknownFiles);
    const now = this.clock.now();
    const zone = this.zone();
    const calendars = this.calendars.verdicts();
    const ongoing = this.meetingNow.ongoing(now);
    const inputs = gatherBalanceInputs({
      now,
      zone,
      settings: this.config.current,
      range,
      breakdownRange,
      journal: history,
      calendars,
      sources: this.calendars.status(),
      ongoing,
    });
    // Only the Skills tab (and the summary) asks for it: spans with their language, typed characters by language and
    // the meeting time of its monthly share, over a year.
    if (skills && skillsRange) inputs.skills = { spans: skills.spans, characters: skills.characters, meetings: meetingTimeIn(calendars, skills.loggedMeetings, skillsRange, zone, ongoing) };
    return inputs;
  }

  /**
   * Said once per new count, or per new file: damaged lines are skipped and kept on disk; unreadable files (with why:
   * permissions, an I/O error, a sync tool's placeholder not downloaded yet) are left as they are; files in the journal
   * folders that are neither history nor a sync tool's own are named once.
   */
  private reportDamage(corruptLines: number, unreadableFiles: readonly UnreadableFile[], unknownFiles: readonly string[]): void {
    if (corruptLines > this.reportedCorruptLines) {
      this.log.warn(`Skipped ${corruptLines} damaged lines in the history files (a crash or a sync conflict); every intact record was kept.`);
      this.reportedCorruptLines = corruptLines;
    }
    const [first] = unreadableFiles;
    this.historyProblem =
      first === undefined
        ? undefined
        : `${unreadableFiles.length === 1 ? 'A history file' : `${unreadableFiles.length} history files`} could not be read (${first.path}: ${first.reason}); their time is missing from these figures. Make them readable, or let your sync tool download them.`;
    if (unreadableFiles.length > this.reportedUnreadableFiles) {
      const which = unreadableFiles.map((file) => `${file.path} (${file.reason})`).join(', ');
      this.log.error(`${unreadableFiles.length} history files could not be read: ${which}. Their time is missing from the figures until they can be (make them readable, or let your sync tool download them).`);
      this.reportedUnreadableFiles = unreadableFiles.length;
    }
    const unknown = unknownFiles.filter((file) => !this.reportedUnknownFiles.has(file));
    if (unknown.length > 0) {
      this.log.info(`Not history, left alone in the journal folders: ${unknown.join(', ')}`);
      for (const file of unknown) this.reportedUnknownFiles.add(file);
    }
  }
}
