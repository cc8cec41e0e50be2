/**
 * What a coding agent's hook tells us, reduced to what Hands-On keeps: when a prompt was submitted, when the agent
 * used an edit tool (with the characters and lines it wrote), when it stopped. Prompts, file contents, paths and tool
 * output are read only to count, and never leave this function.
 *
 * The agents and their events:
 * - Claude Code: UserPromptSubmit, PostToolUse (Edit, Write, MultiEdit, NotebookEdit; other tools are progress),
 *   Stop, SubagentStop (progress: the main agent goes on), SessionEnd. Snake-case fields.
 * - Gemini CLI: BeforeAgent, AfterTool (write_file, replace, edit), AfterAgent. Snake-case fields.
 * - Codex CLI: its `notify` program gets `{"type":"agent-turn-complete", "thread-id", "turn-id", "cwd", …}`; its
 *   hooks, where enabled, send Claude Code's shape (UserPromptSubmit, PostToolUse with apply_patch, Stop).
 * - VS Code's agent hooks (Copilot agent mode) send Claude Code's event names and also run the hooks of
 *   ~/.claude/settings.json, so a hook installed for Claude Code may be called by VS Code: `isVsCodePayload` tells
 *   them apart by what only VS Code sends, and such events are recorded as `vscode-agent`.
 */

export type HookAgent = 'claude-code' | 'codex' | 'gemini-cli' | 'vscode-agent';
export const HOOK_AGENTS: readonly HookAgent[] = ['claude-code', 'codex', 'gemini-cli', 'vscode-agent'];

export function isHookAgent(value: string): value is HookAgent {
  return (HOOK_AGENTS as readonly string[]).includes(value);
}

/** What an agent wrote with one tool use: counts only. */
export interface WrittenText {
  readonly characters: number;
  readonly lines: number;
}

export type HookEventKind = 'prompt' | 'progress' | 'stop' | 'end';

export interface HookEvent {
  /** prompt: a prompt was submitted; progress: the agent is working (a tool ran); stop: the turn ended; end: the session ended. */
  readonly kind: HookEventKind;
  /** Whose event it is: the payload decides, not only the command line (VS Code runs Claude Code's hooks). */
  readonly agent: HookAgent;
  /** The agent's session (or thread) id; events of one session form its spans. */
  readonly session: string;
  /** The working folder, for its last segment only (the workspace name), when the setting allows. */
  readonly cwd?: string;
  /** For an edit tool: what it wrote. */
  readonly written?: WrittenText;
  /** Identifies one tool use, so the same edit reported twice (two hooks, a retry) counts once. */
  readonly toolUseId?: string;
}

type Payload = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function countLines(value: string): number {
  if (value.length === 0) return 0;
  let lines = 1;
  for (let i = value.indexOf('\n'); i >= 0 && i < value.length - 1; i = value.indexOf('\n', i + 1)) lines++;
  return lines;
}

function written(...texts: (string | undefined)[]): WrittenText | undefined {
  const present = texts.filter((t): t is string => t !== undefined);
  if (present.length === 0) return undefined;
  return { characters: present.reduce((sum, t) => sum + t.length, 0), lines: present.reduce((sum, t) => sum + countLines(t), 0) };
}

/**
 * The lines an apply_patch (Codex, VS Code) adds: `+` lines of its hunks and added files, without the `+`. That
 * grammar has no `+++` file headers, so an added `++i;` is a line like any other; only a unified diff's `+++ ` right
 * after its `--- ` header is skipped.
 */
export function patchAdditions(patch: string): WrittenText {
  let characters = 0;
  let lines = 0;
  let previous = '';
  for (const line of patch.split('\n')) {
    const header = line.startsWith('+++ ') && previous.startsWith('--- ');
    if (line.startsWith('+') && !header) {
      characters += line.length; // the `+` stands for the newline each added line ends with
      lines++;
    }
    previous = line;
  }
  return { characters, lines };
}

/** How many times an Edit with `replace_all` replaced its text: counted in the file before the edit when the response has it. */
function replacements(input: Payload, response: unknown): number {
  if (input.replace_all !== true || typeof input.old_string !== 'string' || input.old_string.length === 0) return 1;
  const original = typeof response === 'object' && response !== null ? (response as Payload).originalFile : undefined;
  return typeof original === 'string' ? Math.max(1, original.split(input.old_string).length - 1) : 1;
}

function times(value: WrittenText | undefined, n: number): WrittenText | undefined {
  return value === undefined || n === 1 ? value : { characters: value.characters * n, lines: value.lines * n };
}

/** The text an edit tool wrote, from its input (and its response, for how often an Edit replaced); undefined for tools that write nothing. */
export function writtenByTool(toolName: string, input: unknown, response?: unknown): WrittenText | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const i = input as Payload;
  switch (toolName) {
    // Claude Code
    case 'Write':
      return written(text(i.content));
    case 'Edit':
      return times(written(text(i.new_string)), replacements(i, response));
    case 'MultiEdit':
      return Array.isArray(i.edits) ? written(...i.edits.map((e) => (typeof e === 'object' && e !== null ? text((e as Payload).new_string) : undefined))) : undefined;
    case 'NotebookEdit':
      return i.edit_mode === 'delete' ? { characters: 0, lines: 0 } : written(text(i.new_source));
    // Gemini CLI
    case 'write_file':
      return written(text(i.content));
    case 'replace':
    case 'edit':
      return written(text(i.new_string));
    // Codex
    case 'apply_patch': {
      const patch = text(i.input) ?? text(i.patch) ?? text(i.command);
      return patch === undefined ? undefined : patchAdditions(patch);
    }
    // VS Code's agent tools
    case 'create_file':
    case 'createFile':
      return written(text(i.content));
    case 'replace_string_in_file':
    case 'replaceString':
      return written(text(i.newString) ?? text(i.new_string));
    case 'multi_replace_string_in_file':
      return Array.isArray(i.replacements) ? written(...i.replacements.map((r) => (typeof r === 'object' && r !== null ? text((r as Payload).newString) : undefined))) : undefined;
    case 'insert_edit_into_file':
    case 'editFiles':
      return written(text(i.code));
    default:
      return undefined;
  }
}

/**
 * VS Code's agent hooks send Claude Code's event names, with camel-case fields (`hookEventName`, `sessionId`: VS
 * Code's own runner) or an ISO `timestamp` and no `permission_mode` beside snake-case ones (Copilot Chat's runner).
 * Claude Code sends `permission_mode` and never a `timestamp`, so the payload names its caller; the environment
 * cannot (VS Code removes its own variables, and Claude Code's may leak into it).
 */
export function isVsCodePayload(payload: Payload): boolean {
  if (typeof payload.hookEventName === 'string' || typeof payload.sessionId === 'string') return true;
  return typeof payload.timestamp === 'string' && payload.permission_mode === undefined;
}

function field(payload: Payload, snake: string, camel: string): string | undefined {
  return text(payload[snake]) ?? text(payload[camel]);
}

/** The session (or Codex thread) a payload names, in any of the agents' spellings; undefined when it names none. */
export function payloadSession(payload: Payload): string | undefined {
  const session = field(payload, 'session_id', 'sessionId') ?? text(payload['thread-id']);
  return session !== undefined && session.length > 0 ? session : undefined;
}

const CLAUDE_SHAPED_EVENTS: Readonly<Record<string, HookEventKind>> = {
  UserPromptSubmit: 'prompt',
  PostToolUse: 'progress',
  SubagentStop: 'progress',
  Stop: 'stop',
  SessionEnd: 'end',
  // Gemini CLI's names for the same moments.
  BeforeAgent: 'prompt',
  AfterTool: 'progress',
  AfterAgent: 'stop',
};

/**
 * The event in a hook's payload, or undefined for one that is not an object, names no session, or is an event
 * Hands-On does not record. `agent` is the agent the hook was installed for.
 */
export function parseHookEvent(agent: HookAgent, payload: unknown): HookEvent | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const p = payload as Payload;
  if (agent === 'codex' && p.type === 'agent-turn-complete') {
    const session = text(p['thread-id']) ?? text(p['turn-id']);
    const cwd = text(p.cwd);
    return session === undefined ? undefined : { kind: 'stop', agent, session, ...(cwd !== undefined && { cwd }) };
  }
  const eventName = field(p, 'hook_event_name', 'hookEventName');
  const session = field(p, 'session_id', 'sessionId');
  const kind = eventName === undefined ? undefined : CLAUDE_SHAPED_EVENTS[eventName];
  if (kind === undefined || session === undefined || session.length === 0) return undefined;
  const caller: HookAgent = agent === 'claude-code' && isVsCodePayload(p) ? 'vscode-agent' : agent;
  const cwd = text(p.cwd);
  const toolName = field(p, 'tool_name', 'toolName');
  const toolInput = p.tool_input ?? p.toolInput;
  const edit = kind === 'progress' && toolName !== undefined ? writtenByTool(toolName, toolInput, p.tool_response ?? p.toolResponse) : undefined;
  const toolUseId = field(p, 'tool_use_id', 'toolUseId');
  return {
    kind,
    agent: caller,
    session,
    ...(cwd !== undefined && { cwd }),
    ...(edit !== undefined && { written: edit }),
    ...(toolUseId !== undefined && { toolUseId }),
  };
}
