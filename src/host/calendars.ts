import * as vscode from 'vscode';
import { keptCalendarWindow } from '../core/calendar/calendarWindow';
import { meetingRulesOf } from '../core/calendar/meetingRules';
import { contentHash } from '../node/calendar/contentHash';
import { CalendarCache, type CacheEntry } from '../node/calendar/calendarCache';
import type { FetchOptions } from '../node/calendar/fetchFeed';
import type { CalendarText } from '../node/calendar/fileSource';
import { feedSource, loadSourceTexts, pathSource, refreshSourceTexts, sourceErrorText, type CalendarSource } from '../node/calendar/calendarSource';
import { parseInWorker, type ParseLimits } from '../node/calendar/parseInWorker';
import { CalendarParseError } from '../node/calendar/parseError';
import type { CalendarVerdicts, MeetingRules } from '../core/calendar/types';
import type { SourceStatus } from '../core/balance/balanceInputs';
import type { Settings } from '../core/settings/settings';
import { DAY_MS, type Clock } from '../core/time/clock';
import type { FeedStore } from './feedStore';
import { Disposable } from './dispose';

const LOAD_WAIT_MS = 10_000;
const SECRETS_WAIT_MS = 5_000;

interface CachedVerdicts {
  /** What the parse depended on besides the text: the rules and the window (by day). */
  key: string;
  verdicts: CalendarVerdicts;
}

interface SourceState {
  source: CalendarSource;
  cached?: CacheEntry<CachedVerdicts>;
  verdicts?: CalendarVerdicts;
  lastRefreshed?: number;
  error?: string;
}

export interface CalendarsOptions {
  clock: Clock;
  zone: () => string;
  settings: () => Settings;
  feeds: FeedStore;
  cacheDirectory: string;
  workerFile: string;
  /** Time and memory one parse may take before its worker is stopped; the defaults unless a test needs less. */
  parseLimits?: ParseLimits;
  fetchOptions: FetchOptions;
  log: vscode.LogOutputChannel;
}

/**
 * Keeps every connected calendar read and judged: on start from the last good result on disk, then refreshed
 * every `handsOn.calendar.refreshMinutes`. A failed refresh keeps the last good meetings and records the error.
 */
export class Calendars extends Disposable {
  private states = new Map<string, SourceState>();
  private readonly cache: CalendarCache<CachedVerdicts>;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /**
   * What a probe read, by spec (a new feed has no id yet), used instead of reading again by the refreshes that adding a calendar sets off (the command's
   * own, the settings or secrets change) until `endProbe`, while rules, zone and day still match.
   */
  private readonly probed = new Map<string, { key: string; texts: CalendarText[]; verdicts: CalendarVerdicts }>();
  private again: Promise<void> | undefined;
  /** Why the saved feed list could not be read, while it cannot. */
  private feedsError: string | undefined;
  private markLoaded!: () => void;
  /**
   * Resolves once every calendar has something to show (its last good result from disk, or its first answer),
   * or after LOAD_WAIT_MS: a feed that takes its full timeout must not hold every view for as long.
   */
  private readonly loaded = within(new Promise<void>((resolve) => (this.markLoaded = resolve)), LOAD_WAIT_MS);

  constructor(private readonly options: CalendarsOptions) {
    super();
    this.cache = new CalendarCache(options.cacheDirectory);
    this.register({ dispose: () => clearInterval(this.timer) });
  }

  /** Starts the refresh cycle with the current settings; call again when they change. */
  restart(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), this.options.settings().calendar.refreshMinutes * 60_000);
    void this.refresh();
  }

  async sources(): Promise<CalendarSource[]> {
    const paths = this.options.settings().calendar.files.map(pathSource);
    let feeds: Awaited<ReturnType<FeedStore['list']>> | undefined;
    try {
      feeds = await within(this.options.feeds.list(), SECRETS_WAIT_MS);
      this.feedsError = undefined;
    } catch (error) {
      this.reportFeedsError(sourceErrorText(error));
    }
    if (feeds) return [...paths, ...feeds.map(feedSource)];
    // Keep the feeds already known (and their meetings) rather than dropping them for a slow keychain or an unreadable list.
    if (!this.feedsError) this.options.log.warn('VS Code secret storage did not answer in time; calendar feeds are read again on the next refresh.');
    return [...paths, ...[...this.states.values()].map((state) => state.source).filter((source) => source.kind === 'url')];
  }

  /** An unreadable feed list is shown with the calendars' status, logged and said once, until it reads again. */
  private reportFeedsError(message: string): void {
    if (this.feedsError === message) return;
    this.feedsError = message;
    this.options.log.error(`Calendar feeds: ${message}`);
    void vscode.window.showErrorMessage(`Hands-On: ${message}`);
  }

  /**
   * Reads every source. A call while a run is under way is never lost: one more run follows it (however many
   * calls came meanwhile), so a calendar added or removed during a slow fetch is read at once, not next cycle.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again ??= this.running.then(() => {
        this.again = undefined;
        return this.refresh();
      });
      return this.again;
    }
    this.running = this.refreshAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Until the calendars are loaded a share would ignore the meetings (a misleading 100 %), so the balance waits for it. */
  async whenLoaded(): Promise<void> {
    await this.loaded;
  }

  status(): SourceStatus[] {
    const sources: SourceStatus[] = [...this.states.values()].map(({ source, lastRefreshed, error, verdicts }) => ({
      label: source.label,
      kind: source.kind,
      lastRefreshed,
      error,
      warnings: verdicts?.warnings ?? [],
    }));
    return this.feedsError ? [...sources, { label: 'Saved calendar feeds', kind: 'url', error: this.feedsError, warnings: [] }] : sources;
  }

  /** What every source that has been read holds, over the whole window it is kept for (see `keptCalendarWindow`). */
  verdicts(): CalendarVerdicts[] {
    return [...this.states.values()].flatMap(({ verdicts }) => (verdicts ? [verdicts] : []));
  }

  /**
   * Reads one source now: what "Add Calendar…" uses to validate before saving. The result stands in for reading it
   * again until `endProbe`, so adding a calendar reads it once, not twice.
   */
  async probe(source: CalendarSource): Promise<CalendarVerdicts> {
    const key = this.parseKey();
    const texts = await loadSourceTexts(source, this.options.fetchOptions);
    const verdicts = await this.parse(texts);
    this.probed.set(source.spec, { key, texts, verdicts });
    return verdicts;
  }

  /** The calendar probed for adding is saved and shown: from now on refreshes read it again. */
  endProbe(source: CalendarSource): void {
    this.probed.delete(source.spec);
  }

  /** Forgets a removed calendar's cached meetings, so nothing of it stays on disk, not even from a read under way. */
  async forget(source: CalendarSource): Promise<void> {
    this.states.delete(source.id);
    this.probed.delete(source.spec);
    await this.cache.remove(source.id);
  }

  private async refreshAll(): Promise<void> {
    try {
      const sources = await this.sources();
      const next = new Map<string, SourceState>();
      for (const source of sources) next.set(source.id, this.states.get(source.id) ?? { source });
      this.states = next;
      const runs = [...next.values()].map((state) => {
        const restored = this.restoreCached(state);
        return { restored, done: restored.then(() => this.refreshOne(state)) };
      });
      void Promise.all(runs.map(async ({ restored, done }) => (await restored) || done)).then(() => this.markLoaded());
      await Promise.all(runs.map(({ done }) => done));
    } catch (error) {
      this.options.log.error(`Could not read the calendar list: ${sourceErrorText(error)}`);
    } finally {
      this.markLoaded();
      this.changed.fire();
    }
  }

  /** Shows the last good result from disk while the source is read again; true when there was one. */
  private async restoreCached(state: SourceState): Promise<boolean> {
    state.cached = await this.cache.load(state.source.id);
    if (!state.verdicts && state.cached) {
      state.verdicts = state.cached.result.verdicts;
      state.lastRefreshed = state.cached.refreshedAt;
    }
    return state.verdicts !== undefined;
  }

  private async refreshOne(state: SourceState): Promise<void> {
    const { source, cached } = state;
    const key = this.parseKey();
    // The parsed result only stands while rules, zone and window are the same; otherwise the text is needed again.
    const reusable = cached && cached.result.key === key ? cached : undefined;
    const probed = this.probed.get(source.spec);
    try {
      const now = this.options.clock.now();
      const fresh = probed?.key === key ? probed : undefined;
      const answer = fresh?.texts ?? (await refreshSourceTexts(source, { ...this.options.fetchOptions, etag: reusable?.etag, lastModified: reusable?.lastModified }));
      let hash: string;
      let validators: Pick<CalendarText, 'etag' | 'lastModified'>;
      if (answer === 'unchanged' && reusable) {
        ({ hash } = reusable);
        validators = reusable;
        state.verdicts = reusable.result.verdicts;
      } else {
        // "Not modified" with nothing to reuse (an odd server or proxy): read it again without validators, as loadCalendar does.
        const texts = answer === 'unchanged' ? await loadSourceTexts(source, this.options.fetchOptions) : answer;
        hash = contentHash(texts.map((t) => `${t.name}\n${t.text}`).join('\n'));
        validators = texts[0] ?? {};
        if (reusable && hash === reusable.hash) {
          state.verdicts = reusable.result.verdicts;
        } else {
          state.verdicts = fresh?.verdicts ?? (await this.parse(texts));
          for (const warning of state.verdicts.warnings) this.options.log.warn(`${source.label}: ${warning}`);
        }
      }
      state.lastRefreshed = now;
      state.error = undefined;
      if (this.states.get(source.id) !== state) return;
      await this.cache.save(source.id, { hash, etag: validators.etag, lastModified: validators.lastModified, refreshedAt: now, result: { key, verdicts: state.verdicts } });
    } catch (error) {
      const why = sourceErrorText(error);
      const message = error instanceof CalendarParseError && state.verdicts ? `${why}. The last good meetings are kept; it is read again on the next refresh.` : why;
      if (state.error !== message) this.options.log.error(`Calendar ${source.label}: ${message}`);
      state.error = message;
    }
  }

  private parse(texts: readonly CalendarText[]): Promise<CalendarVerdicts> {
    const window = keptCalendarWindow(this.options.clock.now());
    return parseInWorker(texts, { from: window.start, to: window.end, zone: this.options.zone(), rules: this.rules() }, this.options.workerFile, this.options.parseLimits);
  }

  private rules(): MeetingRules {
    return meetingRulesOf(this.options.settings().calendar);
  }

  /** Parsed results stay valid while the rules, the zone and the day (hence the window) are the same. */
  private parseKey(): string {
    const day = Math.floor(this.options.clock.now() / DAY_MS);
    return JSON.stringify([this.rules(), this.options.zone(), day]);
  }
}

/** `promise`'s value, or undefined once `ms` have passed without one. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
