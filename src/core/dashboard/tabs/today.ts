// The Today tab: today's timeline (coding, meetings, free focus blocks) and the free blocks left this week.
import { focusBlocksRestOfWeek, focusBlocksToday } from '../../balance/focusBlocks';
import { focusBlockInput, focusBlocksLoadRange } from '../../balance/focusBlocksAhead';
import { workingIntervalOfDate } from '../../balance/workingTime';
import { formatInZone } from '../../report/zoned';
import { HOUR_MS, MINUTE_MS } from '../../time/clock';
import { byStartThenEnd, clip, spanOf, union, type Interval } from '../../time/interval';
import { localDateOf, localDayInterval } from '../../time/localDays';
import type { TimeSpanModel } from '../model';
import { reasonText, timeSpan } from '../parts';
import type { DashboardTabBuilder } from './tab';

export interface TimelineItemModel extends TimeSpanModel {
  /** Minutes from the local midnight that starts the day (a DST day has 1380 or 1500 minutes). */
  fromMinute: number;
  toMinute: number;
}

export interface TimelineMeetingModel extends TimelineItemModel {
  title: string;
  counted: boolean;
  reasonText: string;
}

/** Today's timeline. */
export interface TodayModel {
  date: string;
  label: string;
  dayMinutes: number;
  nowMinute: number;
  workStartMinute: number | null;
  workEndMinute: number | null;
  /** The part of the day the timeline shows: working hours and anything outside them, whole hours. */
  viewStartMinute: number;
  viewEndMinute: number;
  /** Every local full hour of the day, with its wall-clock label (correct on DST days). */
  ticks: { minute: number; label: string }[];
  nowText: string;
  coding: TimelineItemModel[];
  meetings: TimelineMeetingModel[];
  focusBlocks: TimelineItemModel[];
}

export interface TodayTabModel {
  timeline: TodayModel;
  /** Free blocks of at least `focusBlockMinutes` from now to the end of the week. */
  focusBlocksAhead: TimeSpanModel[];
  focusBlockMinutes: number;
}

function timelineItem(span: Interval, dayStart: number, zone: string): TimelineItemModel {
  return { ...timeSpan(span, zone), fromMinute: (span.start - dayStart) / MINUTE_MS, toMinute: (span.end - dayStart) / MINUTE_MS };
}

export const todayTab: DashboardTabBuilder<TodayTabModel> = {
  loadRange: ({ now, zone, weekStartsOn }) => spanOf([localDayInterval(localDateOf(now, zone), zone), focusBlocksLoadRange(now, zone, weekStartsOn)]),
  build({ inputs, meetings }) {
    const { now, zone, settings } = inputs;
    const blockInput = focusBlockInput(inputs, meetings);
    const todayDate = localDateOf(now, zone);
    const todayInterval = localDayInterval(todayDate, zone);
    const dayStart = todayInterval.start;
    const working = workingIntervalOfDate(todayDate, zone, { workDays: settings.workDays, workHours: settings.workHours, daysOff: inputs.daysOff });
    const dayMinutes = (todayInterval.end - dayStart) / MINUTE_MS;
    const ticks: TodayModel['ticks'] = [];
    for (let t = dayStart; t <= todayInterval.end; t += HOUR_MS) ticks.push({ minute: (t - dayStart) / MINUTE_MS, label: t === todayInterval.end ? '24:00' : formatInZone(t, zone, 'HH:mm') });
    const timeline: TodayModel = {
      date: todayDate,
      label: formatInZone(dayStart, zone, 'EEEE d MMMM'),
      dayMinutes,
      nowMinute: (now - dayStart) / MINUTE_MS,
      workStartMinute: working ? (working.start - dayStart) / MINUTE_MS : null,
      workEndMinute: working ? (working.end - dayStart) / MINUTE_MS : null,
      coding: union(clip(inputs.coding, { start: dayStart, end: Math.min(now, todayInterval.end) })).map((s) => timelineItem(s, dayStart, zone)),
      meetings: inputs.occurrences
        .filter((o) => o.counted && !o.allDay && o.end > dayStart && o.start < todayInterval.end)
        .sort(byStartThenEnd)
        .flatMap((o) => clip([o], todayInterval).map((part) => ({ ...timelineItem(part, dayStart, zone), title: o.title, counted: true, reasonText: reasonText(o.reason, o.end > now) }))),
      focusBlocks: focusBlocksToday(now, blockInput).map((s) => timelineItem(s, dayStart, zone)),
      viewStartMinute: 0,
      viewEndMinute: dayMinutes,
      ticks,
      nowText: formatInZone(now, zone, 'HH:mm'),
    };
    // Show the working day (or 08:00–18:00 on a day off) widened to whatever happened outside it, in whole hours.
    const items = [...timeline.coding, ...timeline.meetings, ...timeline.focusBlocks];
    const from = Math.min(timeline.workStartMinute ?? 8 * 60, ...items.map((i) => i.fromMinute), timeline.nowMinute);
    const to = Math.max(timeline.workEndMinute ?? 18 * 60, ...items.map((i) => i.toMinute), timeline.nowMinute);
    timeline.viewStartMinute = Math.max(0, Math.floor(from / 60) * 60 - 60);
    timeline.viewEndMinute = Math.min(dayMinutes, Math.ceil(to / 60) * 60 + 60);
    return {
      timeline,
      focusBlocksAhead: focusBlocksRestOfWeek(now, blockInput).map((s) => timeSpan(s, zone)),
      focusBlockMinutes: settings.focusBlockMinutes,
    };
  },
};
