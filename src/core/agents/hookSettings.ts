import type { HookAgent } from './hookEvents';

/**
 * The hooks `hands-on setup` adds to an agent's user settings, and how they are merged in and taken out again.
 * Claude Code, Gemini CLI, Codex (hooks.json) and VS Code's agent hooks share one shape:
 *
 *   { "hooks": { "<Event>": [ { "matcher": "<tools>", "hooks": [ { "type": "command", "command": "…", "timeout": n } ] } ] } }
 *
 * Our entries are recognised by their command (`… hook <agent> …` of the Hands-On launcher), so the user's own hooks
 * and every other setting stay as they are, and setting up twice changes nothing.
 */

export interface HookPlan {
  /** Event name → the tool matcher (undefined: every occurrence). */
  readonly events: Readonly<Record<string, string | undefined>>;
  /** The hook's timeout, in the unit this agent reads (seconds, or milliseconds for Gemini CLI). */
  readonly timeout: number;
}

/** Which events each agent's hooks are added for. Progress comes from every tool use, characters from the edit tools. */
export const HOOK_PLANS: Readonly<Record<HookAgent, HookPlan>> = {
  'claude-code': {
    events: { UserPromptSubmit: undefined, PostToolUse: undefined, Stop: undefined, SubagentStop: undefined, SessionEnd: undefined },
    timeout: 10,
  },
  codex: { events: { UserPromptSubmit: undefined, PostToolUse: undefined, Stop: undefined }, timeout: 10 },
  'gemini-cli': { events: { BeforeAgent: undefined, AfterTool: undefined, AfterAgent: undefined }, timeout: 10_000 },
  'vscode-agent': { events: { UserPromptSubmit: undefined, PostToolUse: undefined, Stop: undefined }, timeout: 10 },
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A command of ours for that agent: the Hands-On launcher (`…/hands-on-hook <agent>`) or CLI (`… hook <agent>`). */
export function isOurCommand(command: unknown, agent: HookAgent): boolean {
  return typeof command === 'string' && /hands-on/i.test(command) && new RegExp(`hook['"]?\\s+['"]?${agent}(?:['"\\s]|$)`).test(command);
}

function isOurs(hook: unknown, agent: HookAgent): boolean {
  return isObject(hook) && isOurCommand(hook.command, agent);
}

export class SettingsShapeError extends Error {}

/** The settings without our hooks for `agent`; groups left empty are removed, and `hooks` itself when it empties. */
export function withoutOurHooks(settings: Json, agent: HookAgent): Json {
  if (settings.hooks === undefined) return settings;
  if (!isObject(settings.hooks)) throw new SettingsShapeError('"hooks" is not an object');
  const hooks: Json = {};
  for (const [event, groups] of Object.entries(settings.hooks)) {
    if (!Array.isArray(groups)) {
      hooks[event] = groups;
      continue;
    }
    const kept = groups.flatMap((group: unknown) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) return [group];
      const rest = group.hooks.filter((hook: unknown) => !isOurs(hook, agent));
      if (rest.length === group.hooks.length) return [group];
      return rest.length > 0 ? [{ ...group, hooks: rest }] : [];
    });
    if (kept.length > 0) hooks[event] = kept;
  }
  const result = { ...settings };
  if (Object.keys(hooks).length > 0) result.hooks = hooks;
  else delete result.hooks;
  return result;
}

/** The settings with our hooks for `agent`, calling `command`: any older entry of ours is replaced, nothing else moves. */
export function withOurHooks(settings: Json, agent: HookAgent, command: string): Json {
  const base = withoutOurHooks(settings, agent);
  const plan = HOOK_PLANS[agent];
  const hooks: Json = isObject(base.hooks) ? { ...base.hooks } : {};
  for (const [event, matcher] of Object.entries(plan.events)) {
    const existing = hooks[event];
    if (existing !== undefined && !Array.isArray(existing)) throw new SettingsShapeError(`"hooks.${event}" is not a list`);
    const group: Json = { ...(matcher !== undefined && { matcher }), hooks: [{ type: 'command', command, timeout: plan.timeout }] };
    hooks[event] = [...((existing as unknown[] | undefined) ?? []), group];
  }
  return { ...base, hooks };
}

/** Whether the settings hold our hooks for `agent` (for `hands-on setup --status`). */
export function hasOurHooks(settings: Json, agent: HookAgent): boolean {
  if (!isObject(settings.hooks)) return false;
  return Object.values(settings.hooks).some((groups) => Array.isArray(groups) && groups.some((group: unknown) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((hook: unknown) => isOurs(hook, agent))));
}
