import { agentTimeCounts } from '../settings/settings';
import type { AgentFigures } from '../balance/agentFigures';
import type { CharacterCounts } from '../activity/characterCounts';
import type { Balance } from '../balance/computeBalance';
import type { FocusReport } from '../balance/focusReport';
import type { Interval } from '../time/interval';
import { round1 } from './formatDuration';
import { isoInZone } from './zoned';

/** The shape of `hands-on report --json`; keep it stable, scripts parse it. */
export interface ReportJson {
  period: { start: string; end: string };
  codingMinutes: number;
  meetingMinutes: number;
  overlapMinutes: number;
  handsOnPercent: number | null;
  targetPercent: number;
  belowTarget: boolean;
  /** Agent time of the period; in codingMinutes too only when agentTimeCounts. */
  agentMinutes: number;
  agentTimeCounts: boolean;
  /** `agentMinutes` by agent (claude-code, codex, gemini-cli, vscode-agent, vscode, disk), adding up to it. */
  agents: Record<string, number>;
  /** Agent characters of the period by agent (they add up to `characters.agent`), and lines where the agent counts them. */
  agentCharacters: Record<string, number>;
  agentLines: Record<string, number>;
  /** Characters that landed in the period, by whose hands. */
  characters: CharacterCounts;
  focusBlocks: { start: string; end: string }[];
  /** The focus figures of the period (`focusReport`); blocks ahead of now have no coding yet and are not used. */
  focus: {
    blockMinutes: number;
    focusMinutes: number;
    fragmentedMinutes: number;
    blocks: { start: string; end: string; codingMinutes: number; used: boolean }[];
    usedBlocks: number;
    reentry: { medianMinutes: number | null; samples: number; noReturn: number };
  };
  /** Meeting series of the period by focus cost, highest first. */
  meetingSeries: { title: string; occurrences: number; minutes: number; focusCostMinutes: number }[];
}

/** Every field of `ReportJson` (arrays with one element, records empty): what `hands-on report --help` lists. */
export const REPORT_JSON_EXAMPLE: ReportJson = {
  period: { start: '', end: '' },
  codingMinutes: 0,
  meetingMinutes: 0,
  overlapMinutes: 0,
  handsOnPercent: null,
  targetPercent: 0,
  belowTarget: false,
  agentMinutes: 0,
  agentTimeCounts: false,
  agents: {},
  agentCharacters: {},
  agentLines: {},
  characters: { typed: 0, pasted: 0, aiCompletion: 0, agent: 0 },
  focusBlocks: [{ start: '', end: '' }],
  focus: {
    blockMinutes: 0,
    focusMinutes: 0,
    fragmentedMinutes: 0,
    blocks: [{ start: '', end: '', codingMinutes: 0, used: false }],
    usedBlocks: 0,
    reentry: { medianMinutes: null, samples: 0, noReturn: 0 },
  },
  meetingSeries: [{ title: '', occurrences: 0, minutes: 0, focusCostMinutes: 0 }],
};

/** Minutes and percent rounded to one decimal so the output is readable and stable; times in the balance's zone. */
export function reportJson(balance: Balance, agent: AgentFigures, focusBlocks: readonly Interval[], focus: FocusReport): ReportJson {
  const iso = (ms: number) => isoInZone(ms, balance.zone);
  return {
    period: { start: iso(balance.period.start), end: iso(balance.period.end) },
    codingMinutes: round1(balance.codingMinutes),
    meetingMinutes: round1(balance.meetingMinutes),
    overlapMinutes: round1(balance.overlapMinutes),
    handsOnPercent: balance.handsOnPercent === undefined ? null : round1(balance.handsOnPercent),
    targetPercent: balance.targetPercent,
    belowTarget: balance.belowTarget,
    agentMinutes: round1(agent.agentMinutes),
    agentTimeCounts: agentTimeCounts(agent.agentTime),
    agents: Object.fromEntries(agent.byAgent.filter((a) => a.minutes > 0).map((a) => [a.name, round1(a.minutes)])),
    agentCharacters: Object.fromEntries(agent.byAgent.filter((a) => a.characters > 0).map((a) => [a.name, a.characters])),
    agentLines: Object.fromEntries(agent.byAgent.filter((a) => a.lines > 0).map((a) => [a.name, a.lines])),
    characters: { ...agent.characters },
    focusBlocks: focusBlocks.map((block) => ({ start: iso(block.start), end: iso(block.end) })),
    focus: {
      blockMinutes: focus.blockMinutes,
      focusMinutes: round1(focus.focusMinutes),
      fragmentedMinutes: round1(focus.fragmentedMinutes),
      blocks: focus.blocks.map((block) => ({ start: iso(block.start), end: iso(block.end), codingMinutes: round1(block.codingMinutes), used: block.used })),
      usedBlocks: focus.usedBlocks,
      reentry: {
        medianMinutes: focus.reentry.medianMinutes === undefined ? null : round1(focus.reentry.medianMinutes),
        samples: focus.reentry.samples,
        noReturn: focus.reentry.noReturn,
      },
    },
    meetingSeries: focus.series.map((series) => ({
      title: series.title,
      occurrences: series.occurrences,
      minutes: round1(series.minutes),
      focusCostMinutes: round1(series.focusCostMinutes),
    })),
  };
}
