import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { HookAgent } from '../../core/agents/hookEvents';
import { checkHooksShape, hasOurHooks, HOOK_PLANS, isOurCommand, SettingsShapeError } from '../../core/agents/hookSettings';

/**
 * Connecting an agent: its user settings file gains the Hands-On hooks (or loses them), merged with jsonc-parser's
 * edits so that the user's comments, formatting, other hooks and other settings stay exactly as they are. A file
 * that does not parse is an error and is never written; before any write the old file is copied to
 * `<file>.hands-on-backup`.
 */

/** Where each agent reads its user-level hooks. */
export function agentSettingsFile(agent: HookAgent, env: NodeJS.ProcessEnv, homedir: string): string {
  switch (agent) {
    case 'claude-code':
      return path.join(env.CLAUDE_CONFIG_DIR || path.join(homedir, '.claude'), 'settings.json');
    case 'codex':
      return path.join(env.CODEX_HOME || path.join(homedir, '.codex'), 'hooks.json');
    case 'gemini-cli':
      return path.join(homedir, '.gemini', 'settings.json');
    case 'vscode-agent':
      return path.join(homedir, '.copilot', 'hooks', 'hands-on.json');
  }
}

export class AgentSettingsError extends Error {}

interface SettingsText {
  readonly text: string;
  readonly exists: boolean;
  readonly value: Record<string, unknown>;
}

function readSettings(file: string): SettingsText {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', exists: false, value: {} };
    throw new AgentSettingsError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was changed`);
  }
  if (text.trim().length === 0) return { text, exists: true, value: {} };
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new AgentSettingsError(`${file} is not valid JSON (${printParseErrorCode(first.error)} on line ${line}); fix it and run again. Nothing was changed.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AgentSettingsError(`${file} does not hold a settings object; nothing was changed`);
  return { text, exists: true, value: value as Record<string, unknown> };
}

export interface PlannedChange {
  readonly file: string;
  /** The file's text after the change. */
  readonly text: string;
  /** Whether it differs from what is there now (false: already so, nothing to write). */
  readonly changes: boolean;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One edit that takes out one of our hooks for `agent` (a whole group when it holds only ours, an event list or
 * `hooks` itself when they empty), or undefined when none is left. Edits go one at a time, each on the text the last
 * left, so only our entries move and the user's comments and formatting around them stay.
 */
function nextRemoval(text: string, agent: HookAgent): string | undefined {
  const value = parse(text, [], { allowTrailingComma: true }) as unknown;
  if (!isObject(value) || !isObject(value.hooks)) return undefined;
  const hooks = value.hooks;
  const ours = (hook: unknown) => isObject(hook) && isOurCommand(hook.command, agent);
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    for (const [g, group] of groups.entries()) {
      if (!isObject(group) || !Array.isArray(group.hooks)) continue;
      const mine = group.hooks.findIndex(ours);
      if (mine < 0) continue;
      const path = group.hooks.every(ours) ? (groups.length === 1 ? (Object.keys(hooks).length === 1 ? ['hooks'] : ['hooks', event]) : ['hooks', event, g]) : ['hooks', event, g, 'hooks', mine];
      return applyEdits(text, modify(text, path, undefined, FORMAT));
    }
  }
  return undefined;
}

/** The settings file as it would be with (`install`) or without our hooks; throws AgentSettingsError, writes nothing. */
export function planConnection(agent: HookAgent, file: string, command: string | undefined): PlannedChange {
  const current = readSettings(file);
  try {
    checkHooksShape(current.value, agent, command !== undefined);
  } catch (error) {
    if (error instanceof SettingsShapeError) throw new AgentSettingsError(`${file}: ${error.message}; fix it and run again. Nothing was changed.`);
    throw error;
  }
  let text = current.text.trim().length === 0 ? '{}\n' : current.text;
  for (let next = nextRemoval(text, agent); next !== undefined; next = nextRemoval(text, agent)) text = next;
  if (command !== undefined) {
    const plan = HOOK_PLANS[agent];
    for (const event of plan.events) {
      const value = parse(text, [], { allowTrailingComma: true }) as Record<string, unknown>;
      const group = { hooks: [{ type: 'command', command, timeout: plan.timeout }] };
      const existing = isObject(value.hooks) ? value.hooks[event] : undefined;
      const edits = Array.isArray(existing)
        ? modify(text, ['hooks', event, existing.length], group, { ...FORMAT, isArrayInsertion: true })
        : modify(text, isObject(value.hooks) ? ['hooks', event] : ['hooks'], isObject(value.hooks) ? [group] : { [event]: [group] }, FORMAT);
      text = applyEdits(text, edits);
    }
  }
  // Setting up what is already there, or removing what is not, leaves the file as it is, byte for byte.
  const same = JSON.stringify(parse(text, [], { allowTrailingComma: true })) === JSON.stringify(current.value);
  if (same && current.exists) text = current.text;
  const changes = current.exists ? text !== current.text : command !== undefined;
  return { file, text, changes };
}

/** Writes a planned change: a backup of the old file first, then the new text by rename, so a crash leaves one or the other. */
export function applyConnection(change: PlannedChange): void {
  if (!change.changes) return;
  fs.mkdirSync(path.dirname(change.file), { recursive: true });
  if (fs.existsSync(change.file)) fs.copyFileSync(change.file, `${change.file}.hands-on-backup`);
  const temp = `${change.file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, change.text);
  fs.renameSync(temp, change.file);
}

/** Whether the agent's settings hold our hooks; undefined when the file cannot be read or parsed. */
export function isConnected(agent: HookAgent, file: string): boolean | undefined {
  try {
    return hasOurHooks(readSettings(file).value, agent);
  } catch {
    return undefined;
  }
}
