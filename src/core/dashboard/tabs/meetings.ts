// The Meetings & calendars tab: each calendar source and how it is doing, and every event of the range with its verdict.
import type { SourceStatus } from '../../balance/balanceInputs';
import type { SourceKind } from '../../calendar/sourceKind';
import type { Reason } from '../../calendar/types';
import { formatInZone, spanLabel } from '../../report/zoned';
import { byStartThenEnd } from '../../time/interval';
import { reasonText } from '../parts';
import type { DashboardTabBuilder } from './tab';

/** The meeting list is capped so a year of calendar never makes a huge message; the UI says how many were left out. */
export const MAX_MEETINGS = 500;

export interface SourceModel {
  label: string;
  kind: SourceKind;
  lastRefreshedText: string;
  error: string | null;
  warnings: string[];
}

export interface MeetingModel {
  /** Calendar text: the UI must insert it as text, never as HTML. */
  title: string;
  source: string | null;
  whenText: string;
  start: number;
  end: number;
  allDay: boolean;
  counted: boolean;
  /** Counted but still ahead: shown, not counted yet. */
  upcoming: boolean;
  reason: Reason;
  reasonText: string;
}

export interface MeetingsTabModel {
  sources: SourceModel[];
  meetings: MeetingModel[];
  /** Meetings of the period left out of `meetings` to keep the message small. */
  meetingsOmitted: number;
}

function sourceModel(source: SourceStatus, zone: string): SourceModel {
  return {
    label: source.label,
    kind: source.kind,
    lastRefreshedText: source.lastRefreshed === undefined ? 'not read yet' : formatInZone(source.lastRefreshed, zone, 'EEE d MMM HH:mm'),
    error: source.error ?? null,
    warnings: [...source.warnings],
  };
}

export const meetingsTab: DashboardTabBuilder<MeetingsTabModel> = {
  build({ inputs, interval }) {
    const { now, zone } = inputs;
    const listed = inputs.occurrences
      .filter((o) => o.end > interval.start && o.start < interval.end)
      .sort((a, b) => byStartThenEnd(a, b) || a.title.localeCompare(b.title));
    const meetings: MeetingModel[] = listed.slice(0, MAX_MEETINGS).map((o) => ({
      title: o.title,
      source: o.source ?? null,
      whenText: o.allDay ? `${formatInZone(o.start, zone, 'EEE d MMM')} (all day)` : spanLabel(o, zone),
      start: o.start,
      end: o.end,
      allDay: o.allDay,
      counted: o.counted,
      upcoming: o.counted && o.end > now,
      reason: o.reason,
      reasonText: reasonText(o.reason, o.end > now),
    }));
    return { sources: inputs.sources.map((s) => sourceModel(s, zone)), meetings, meetingsOmitted: Math.max(0, listed.length - MAX_MEETINGS) };
  },
};
