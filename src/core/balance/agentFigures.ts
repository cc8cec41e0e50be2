import { agentCharactersPer, charactersPer, emptyCounts, totalCharacters, type CharacterCounts } from '../activity/characterCounts';
import { agentLabel, minutesIn } from '../activity/handsAndAgents';
import type { BalanceInputs } from './balanceInputs';
import type { AgentTimeMode } from '../settings/settings';
import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, type Interval } from '../time/interval';

/** Agent time and the character split over a period, as the tooltip, the report and the dashboard show them. */
export interface AgentFigures {
  /** Agent minutes up to now (never also hands-on minutes). */
  readonly agentMinutes: number;
  /** `handsOn.agentTime`: whether those minutes are in the coding figures. */
  readonly agentTime: AgentTimeMode;
  readonly characters: CharacterCounts;
  /** Typed characters as a share of every character that landed; undefined when none did. */
  readonly typedPercent: number | undefined;
  /** Each agent that worked or wrote in the period, most minutes first. */
  readonly byAgent: readonly AgentShare[];
}

/** One agent's part of the period: its minutes (disjoint from the other agents'), characters and lines. */
export interface AgentShare {
  readonly name: string;
  readonly label: string;
  readonly minutes: number;
  readonly characters: number;
  readonly lines: number;
}

/** Each agent's minutes in `counted` and characters in `period`, most minutes (then characters) first. */
export function agentShares(inputs: Pick<BalanceInputs, 'agentByName' | 'characters'>, counted: Interval, period: Interval): AgentShare[] {
  const minutes = counted.end > counted.start ? minutesIn(inputs.agentByName ?? {}, counted) : {};
  const writing = agentCharactersPer(inputs.characters ?? [], [period])[0] ?? {};
  const names = new Set([...Object.keys(minutes), ...Object.keys(writing)]);
  return [...names]
    .map((name) => ({ name, label: agentLabel(name), minutes: minutes[name] ?? 0, characters: writing[name]?.characters ?? 0, lines: writing[name]?.lines ?? 0 }))
    .sort((a, b) => b.minutes - a.minutes || b.characters - a.characters || (a.name < b.name ? -1 : 1));
}

export function agentFigures(inputs: Pick<BalanceInputs, 'agent' | 'agentByName' | 'characters' | 'now' | 'settings'>, period: Interval): AgentFigures {
  const counted = { start: period.start, end: Math.min(period.end, inputs.now) };
  const agentMinutes = counted.end > counted.start ? durationMs(clip(inputs.agent ?? [], counted)) / MINUTE_MS : 0;
  const characters = charactersPer(inputs.characters ?? [], [period])[0] ?? emptyCounts();
  const total = totalCharacters(characters);
  return {
    agentMinutes,
    agentTime: inputs.settings.agentTime,
    characters,
    typedPercent: total > 0 ? (characters.typed / total) * 100 : undefined,
    byAgent: agentShares(inputs, counted, period),
  };
}
