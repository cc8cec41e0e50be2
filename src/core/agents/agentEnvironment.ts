import type { AgentName } from '../activity/activitySpan';

/**
 * Coding agents mark the shells and processes they start with environment variables: VS Code's agent mode
 * (`AI_AGENT=github_copilot_vscode_agent` and `COPILOT_AGENT=1` on its terminals), Claude Code (`CLAUDECODE=1`, and
 * `AI_AGENT`), Gemini CLI (`GEMINI_CLI=1`), Codex (`CODEX_SANDBOX`, `CODEX_THREAD_ID`), Cursor (`CURSOR_AGENT`).
 * A terminal such an agent drives is the agent's work, never the user's hands.
 */
type Environment = Readonly<Record<string, string | null | undefined>>;

/**
 * `AI_AGENT` values (the cross-vendor convention: a lowercase name, maybe `@version`) of the agents Hands-On names,
 * with underscores read as hyphens.
 */
const AI_AGENT_VALUES: Readonly<Record<string, AgentName>> = {
  'github-copilot-vscode-agent': 'vscode-agent',
  claude: 'claude-code',
  'claude-code': 'claude-code',
  codex: 'codex',
  gemini: 'gemini-cli',
  'gemini-cli': 'gemini-cli',
};

/** Agent-specific markers, for agents older than the convention; exact names, never a prefix users also set. */
const MARKERS: readonly (readonly [variable: string, agent: string])[] = [
  ['COPILOT_AGENT', 'vscode-agent'],
  ['CLAUDECODE', 'claude-code'],
  ['GEMINI_CLI', 'gemini-cli'],
  ['CODEX_SANDBOX', 'codex'],
  ['CODEX_THREAD_ID', 'codex'],
  ['CODEX_SANDBOX_NETWORK_DISABLED', 'codex'],
  ['CURSOR_AGENT', 'cursor'],
];

/** Longest agent name kept from an `AI_AGENT` value this version does not know. */
const MAX_NAME = 40;

/**
 * The agent whose environment this is, or undefined for the user's own. An unknown `AI_AGENT` value is kept as the
 * agent's name, reduced to lowercase letters, digits and hyphens (it goes into journal lines and shell code).
 */
export function agentOfEnvironment(env: Environment): string | undefined {
  const declared = (env.AI_AGENT ?? '').toLowerCase().split('@')[0]!.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (declared) return Object.hasOwn(AI_AGENT_VALUES, declared) ? AI_AGENT_VALUES[declared] : declared.slice(0, MAX_NAME);
  return MARKERS.find(([variable]) => (env[variable] ?? '') !== '')?.[1];
}

/**
 * Whether a terminal is an agent's rather than the user's: one hidden from the user (nobody types there; VS Code's
 * agent mode runs its commands in such terminals) or started with an agent's environment.
 */
export function isAgentTerminal(options: { readonly hideFromUser?: boolean; readonly env?: Environment }): boolean {
  return options.hideFromUser === true || (options.env !== undefined && agentOfEnvironment(options.env) !== undefined);
}
