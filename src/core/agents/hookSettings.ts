import type { HookAgent } from './hookEvents';

/**
 * The hooks `hands-on setup` adds to an agent's user settings, and how they are merged in and taken out again.
 * Claude Code, Gemini CLI, Codex (hooks.json) and VS Code's agent hooks share one shape:
 *
 *   { "hooks": { "<Event>": [ { "hooks": [ { "type": "command", "command": "…", "timeout": n } ] } ] } }
 *
 * Our entries are recognised by their command (`… hook <agent> …` of the Hands-On launcher), so the user's own hooks
 * and every other setting stay as they are, and setting up twice changes nothing.
 */

export interface HookPlan {
  /** The events our hook is added for, each for every occurrence (every tool: a tool use is progress, an edit tool's also characters). */
  readonly events: readonly string[];
  /** The hook's timeout, in the unit this agent reads (seconds, or milliseconds for Gemini CLI). */
  readonly timeout: number;
}

/** Which events each agent's hooks are added for. */
export const HOOK_PLANS: Readonly<Record<HookAgent, HookPlan>> = {
  'claude-code': { events: ['UserPromptSubmit', 'PostToolUse', 'Stop', 'SubagentStop', 'SessionEnd'], timeout: 10 },
  codex: { events: ['UserPromptSubmit', 'PostToolUse', 'Stop'], timeout: 10 },
  'gemini-cli': { events: ['BeforeAgent', 'AfterTool', 'AfterAgent'], timeout: 10_000 },
  'vscode-agent': { events: ['UserPromptSubmit', 'PostToolUse', 'Stop'], timeout: 10 },
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

/**
 * Throws SettingsShapeError when the settings cannot take our hooks without guessing: `hooks` that is not an object,
 * or (when adding) one of our events that is not a list. Checked before any edit, so a file we cannot read right is
 * left as it is.
 */
export function checkHooksShape(settings: Json, agent: HookAgent, adding: boolean): void {
  if (settings.hooks === undefined) return;
  if (!isObject(settings.hooks)) throw new SettingsShapeError('"hooks" is not an object');
  if (!adding) return;
  for (const event of HOOK_PLANS[agent].events) {
    const existing = settings.hooks[event];
    if (existing !== undefined && !Array.isArray(existing)) throw new SettingsShapeError(`"hooks.${event}" is not a list`);
  }
}

/** Whether the settings hold our hooks for `agent` (for `hands-on setup --status`). */
export function hasOurHooks(settings: Json, agent: HookAgent): boolean {
  if (!isObject(settings.hooks)) return false;
  return Object.values(settings.hooks).some((groups) => Array.isArray(groups) && groups.some((group: unknown) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((hook: unknown) => isOurs(hook, agent))));
}
