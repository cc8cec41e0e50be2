/**
 * A piece of coding time as the tracker hands it to storage: [start, end) in epoch ms.
 * Context is optional and never more than a folder name and a language id (privacy rule: no paths, no content).
 */
export interface ActivitySpan {
  readonly start: number;
  readonly end: number;
  readonly workspace?: string;
  readonly language?: string;
  /**
   * Agent time, and whose (an AgentName): edits arrived that the user did not make. Absent: the user's hands-on time.
   * Every agent record written by 0.1.x reads as `vscode`.
   */
  readonly agent?: string;
  /** The writer that recorded it (a SourceName). Absent: VS Code, the only writer of 0.1.x. */
  readonly source?: string;
}

/**
 * Who did agent work. Hooks report their own agent exactly; `vscode` (edits in VS Code that the user did not make:
 * chat and agent edits, other extensions) and `disk` (files changed on disk and reloaded in an editor) are what
 * VS Code's events let the extension guess. Other names a writer records are kept as they are.
 */
export const AGENT_NAMES = ['claude-code', 'codex', 'gemini-cli', 'vscode-agent', 'vscode', 'disk'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];
/** Agent time VS Code's editor events guessed, as opposed to an agent's own report. */
export const GUESSED_AGENTS: ReadonlySet<string> = new Set<AgentName>(['vscode', 'disk']);

/** The writers of the journal: VS Code itself, agent hooks (`hands-on hook`), the shell snippet and the Neovim plugin. */
export type SourceName = 'vscode' | 'hook' | 'terminal' | 'neovim';

/** The writer of a span recorded without a source: VS Code, the only writer of 0.1.x. */
export const DEFAULT_SOURCE: SourceName = 'vscode';

export function sourceOf(span: ActivitySpan): string {
  return span.source ?? DEFAULT_SOURCE;
}

const SOURCE_LABELS: Readonly<Record<SourceName, string>> = { vscode: 'VS Code', terminal: 'Terminal', neovim: 'Neovim', hook: 'Agent hooks' };

/** How a source reads in the dashboard; other names a writer records are shown as they are. */
export function sourceLabel(name: string): string {
  return labelIn(SOURCE_LABELS, name);
}

/** `name`'s label in `labels`, or the name itself (a writer or agent this version does not know). */
export function labelIn(labels: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(labels, name) ? labels[name]! : name;
}

export interface SpanContext {
  readonly workspace?: string;
  readonly language?: string;
}

const MAX_CONTEXT_LENGTH = 100;

/**
 * Keeps only the last path segment and a bounded length, so a host that passes a path by mistake
 * still never stores one. Empty means "no context".
 */
export function sanitizeContextValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lastSegment = value.split(/[\\/]/).filter((part) => part.length > 0).pop() ?? '';
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_CONTEXT_LENGTH);
  return cleaned.length > 0 ? cleaned : undefined;
}
