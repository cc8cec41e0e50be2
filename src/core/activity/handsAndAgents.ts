import { MINUTE_MS } from '../time/clock';
import { clip, durationMs, gaps, intersect, union, type Interval } from '../time/interval';
import { GUESSED_AGENTS, labelIn, type ActivitySpan, type AgentName } from './activitySpan';

/**
 * The one place the journal's spans become hands-on time and agent time. A moment with the user's own activity is
 * hands-on, whoever else worked in it. Agent time is what is left of every agent's spans; it is split by agent so
 * that each minute has one owner: an agent's own report (its hooks) first, then VS Code's guess from its editor events
 * (`vscode` edits, then `disk` reloads), so the same work seen by a hook and as reloads counts once, as the hook's.
 */
export interface HandsAndAgents {
  /** Hands-on time: sorted, disjoint. */
  readonly handsOn: Interval[];
  /** Agent time, never overlapping `handsOn`: the union of `byAgent`. */
  readonly agent: Interval[];
  /** Each agent's share of `agent`, disjoint between agents. */
  readonly byAgent: Readonly<Record<string, Interval[]>>;
  /** The user's own spans as recorded (unclipped, with their workspace, language and source), for breakdowns. */
  readonly userSpans: readonly ActivitySpan[];
}

/** Exact reports first (by name, for a stable order), then VS Code's guesses in the order of GUESSED_AGENTS. */
function precedence(names: Iterable<string>): string[] {
  const guessed = [...GUESSED_AGENTS];
  return [...names].sort((a, b) => {
    const ga = guessed.indexOf(a);
    const gb = guessed.indexOf(b);
    if (ga !== gb) return ga === -1 ? -1 : gb === -1 ? 1 : ga - gb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function splitHandsOnAndAgents(spans: readonly ActivitySpan[], range: Interval): HandsAndAgents {
  const userSpans = spans.filter((s) => s.agent === undefined);
  const handsOn = clip(union(userSpans), range);
  const spansOf = new Map<string, ActivitySpan[]>();
  for (const span of spans) {
    if (span.agent === undefined) continue;
    const list = spansOf.get(span.agent);
    if (list) list.push(span);
    else spansOf.set(span.agent, [span]);
  }
  const byAgent: Record<string, Interval[]> = {};
  let taken = handsOn;
  for (const name of precedence(spansOf.keys())) {
    const own = intersect(clip(union(spansOf.get(name)!), range), gaps(taken, range));
    if (own.length === 0) continue;
    byAgent[name] = own;
    taken = union([...taken, ...own]);
  }
  const agent = union(Object.values(byAgent).flat());
  return { handsOn, agent, byAgent, userSpans };
}

/** Each key's own union; spans without a key are left out. */
export function unionsByKey(spans: readonly Interval[], keys: readonly (string | undefined)[]): Record<string, Interval[]> {
  const groups = new Map<string, Interval[]>();
  spans.forEach((span, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  });
  const unions: Record<string, Interval[]> = {};
  for (const [key, group] of groups) unions[key] = union(group);
  return unions;
}

/** Each key's own union, in minutes, over `range`; spans without a key are left out. */
export function minutesByKey(spans: readonly Interval[], keys: readonly (string | undefined)[], range: Interval): Record<string, number> {
  return minutesIn(unionsByKey(spans, keys), range);
}

/** Minutes of each name's disjoint intervals inside `range`, for those with any. */
export function minutesIn(byName: Readonly<Record<string, readonly Interval[]>>, range: Interval): Record<string, number> {
  const minutes: Record<string, number> = {};
  for (const [name, intervals] of Object.entries(byName)) {
    const inRange = durationMs(clip(intervals, range)) / MINUTE_MS;
    if (inRange > 0) minutes[name] = inRange;
  }
  return minutes;
}

const AGENT_LABELS: Readonly<Record<AgentName, string>> = {
  'claude-code': 'Claude Code',
  codex: 'Codex',
  'gemini-cli': 'Gemini CLI',
  'vscode-agent': 'VS Code agent mode',
  vscode: 'VS Code edits',
  disk: 'Files changed on disk',
};

/** How an agent's name reads in the tooltip, the dashboard and the summary (an unknown agent by its own name). */
export function agentLabel(name: string): string {
  return labelIn(AGENT_LABELS, name);
}
