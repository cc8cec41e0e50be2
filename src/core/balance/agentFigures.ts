import { charactersPer, emptyCounts, totalCharacters, type CharacterCounts } from '../activity/characterCounts';
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
}

export function agentFigures(inputs: Pick<BalanceInputs, 'agent' | 'characters' | 'now' | 'settings'>, period: Interval): AgentFigures {
  const counted = { start: period.start, end: Math.min(period.end, inputs.now) };
  const agentMinutes = counted.end > counted.start ? durationMs(clip(inputs.agent ?? [], counted)) / MINUTE_MS : 0;
  const characters = charactersPer(inputs.characters ?? [], [period])[0] ?? emptyCounts();
  const total = totalCharacters(characters);
  return { agentMinutes, agentTime: inputs.settings.agentTime, characters, typedPercent: total > 0 ? (characters.typed / total) * 100 : undefined };
}
