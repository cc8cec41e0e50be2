import { agentTimeCounts } from '../../settings/settings';
// The Overview tab: coding, agent time and meetings per day of the range, who wrote the characters, and the weekly share.
import { agentLabel } from '../../activity/handsAndAgents';
import { CHARACTER_KINDS, type CharacterKind } from '../../activity/attribution';
import { totalCharacters } from '../../activity/characterCounts';
import { agentFigures, type AgentFigures } from '../../balance/agentFigures';
import { weeksRange } from '../../balance/periods';
import { dailySeries, weeklySeries, type DayFigures } from '../../balance/series';
import { formatDuration, formatPercent } from '../../report/formatDuration';
import { formatInZone } from '../../report/zoned';
import { spanOf } from '../../time/interval';
import { startOfLocalDate } from '../../time/localDays';
import type { FiguresModel } from '../model';
import { nullable } from '../parts';
import type { DashboardTabBuilder } from './tab';

export interface DayModel extends FiguresModel {
  /** Agent time of the day; part of `codingMinutes` only when `agent.agentCounts` is true. */
  agentMinutes: number;
  agentText: string;
  /** Who the agent time was, e.g. `Claude Code 45m, VS Code edits 15m`; empty without agent time. */
  agentsText: string;
  /** Coding by your own hands: `codingMinutes` without agent time. */
  handsOnMinutes: number;
  handsOnCodingText: string;
  date: string;
  /** e.g. `Mon 23 Mar`. */
  label: string;
  /** The coding minutes that the day's total (coding + meetings) would need to meet the target share; the chart's target mark. */
  targetCodingMinutes: number;
}

export interface WeekModel extends FiguresModel {
  weekStart: string;
  /** e.g. `23 Mar`. */
  label: string;
  current: boolean;
}

/** One kind of character in the split: typed, pasted, AI completion, agent. */
export interface CharacterShareModel {
  kind: CharacterKind;
  label: string;
  count: number;
  countText: string;
  percent: number;
  percentText: string;
}

/** One agent's time and writing in the range. */
export interface AgentRowModel {
  name: string;
  label: string;
  minutesText: string;
  charactersText: string;
  linesText: string;
}

export interface AgentModel {
  /** `handsOn.agentTime` is "hands-on": agent time is in the coding figures. */
  agentCounts: boolean;
  agentMinutes: number;
  agentText: string;
  /** e.g. `You typed 38% of the 12,400 characters that landed.`, or a sentence saying none did. */
  summaryText: string;
  characters: CharacterShareModel[];
  /** Each agent of the range, most minutes first. */
  agents: AgentRowModel[];
}

export interface OverviewModel {
  daily: DayModel[];
  /** The last 12 weeks, oldest first: the current week is the last one. */
  weekly: WeekModel[];
  /** Agent time and the character split over the range. */
  agent: AgentModel;
}

const CHARACTER_LABELS: Readonly<Record<CharacterKind, string>> = { typed: 'Typed by you', pasted: 'Pasted by you', aiCompletion: 'AI completions you accepted', agent: 'Agent edits' };

function agentModel(figures: AgentFigures): AgentModel {
  const total = totalCharacters(figures.characters);
  const characters = CHARACTER_KINDS.map((kind) => {
    const count = figures.characters[kind];
    const percent = total > 0 ? (count / total) * 100 : 0;
    return { kind, label: CHARACTER_LABELS[kind], count, countText: count.toLocaleString('en-US'), percent, percentText: total > 0 ? formatPercent(percent) : '—' };
  });
  const summaryText =
    figures.typedPercent === undefined
      ? 'No characters landed in this range.'
      : `You typed ${formatPercent(figures.typedPercent)} of the ${total.toLocaleString('en-US')} characters that landed.`;
  const agents = figures.byAgent.map((a) => ({
    name: a.name,
    label: a.label,
    minutesText: formatDuration(a.minutes),
    charactersText: a.characters.toLocaleString('en-US'),
    linesText: a.lines > 0 ? a.lines.toLocaleString('en-US') : '—',
  }));
  return { agentCounts: agentTimeCounts(figures.agentTime), agentMinutes: figures.agentMinutes, agentText: formatDuration(figures.agentMinutes), summaryText, characters, agents };
}

function dayModel(day: DayFigures, zone: string, targetPercent: number, agentCounts: boolean): DayModel {
  const handsOnMinutes = agentCounts ? Math.max(0, day.codingMinutes - day.agentMinutes) : day.codingMinutes;
  return {
    agentMinutes: day.agentMinutes,
    agentText: formatDuration(day.agentMinutes),
    agentsText: Object.entries(day.agents)
      .sort(([, a], [, b]) => b - a)
      .map(([name, minutes]) => `${agentLabel(name)} ${formatDuration(minutes)}`)
      .join(', '),
    handsOnMinutes,
    handsOnCodingText: formatDuration(handsOnMinutes),
    date: day.date,
    label: formatInZone(startOfLocalDate(day.date, zone), zone, 'EEE d MMM'),
    codingMinutes: day.codingMinutes,
    meetingMinutes: day.meetingMinutes,
    overlapMinutes: day.overlapMinutes,
    handsOnPercent: nullable(day.handsOnPercent),
    handsOnText: formatPercent(day.handsOnPercent),
    targetCodingMinutes: ((day.codingMinutes + day.meetingMinutes) * targetPercent) / 100,
    codingText: formatDuration(day.codingMinutes),
    meetingText: formatDuration(day.meetingMinutes),
  };
}

/** The weekly chart shows this many weeks, whatever the range. */
const WEEKS = 12;

export const overviewTab: DashboardTabBuilder<OverviewModel> = {
  loadRange: ({ interval, now, zone, weekStartsOn }) => spanOf([interval, weeksRange(now, zone, weekStartsOn, WEEKS)]),
  build({ inputs, interval, meetings }) {
    const { now, zone, settings } = inputs;
    const series = { coding: inputs.coding, agent: inputs.agent ?? [], agentByName: inputs.agentByName ?? {}, meetings, now, zone };
    const agent = agentFigures(inputs, interval);
    const weekly = weeklySeries(series, settings.weekStartsOn, WEEKS).map((week, i, weeks) => ({
      weekStart: week.weekStart,
      label: formatInZone(week.start, zone, 'd MMM'),
      codingMinutes: week.codingMinutes,
      meetingMinutes: week.meetingMinutes,
      overlapMinutes: week.overlapMinutes,
      handsOnPercent: nullable(week.handsOnPercent),
      handsOnText: formatPercent(week.handsOnPercent),
      codingText: formatDuration(week.codingMinutes),
      meetingText: formatDuration(week.meetingMinutes),
      current: i === weeks.length - 1,
    }));
    return {
      daily: dailySeries(series, interval).map((day) => dayModel(day, zone, settings.targetPercent, agentTimeCounts(agent.agentTime))),
      weekly,
      agent: agentModel(agent),
    };
  },
};
