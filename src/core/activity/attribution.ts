/**
 * Whose hands made a text change: the user's (typed, pasted, an accepted AI completion) or an agent's.
 *
 * VS Code does not tell extensions who made an edit (its own edit sources sit behind the proposed
 * `textDocumentChangeReason` API), so the rules below use only what the stable API shows about a change and
 * what came with it. The host turns each `onDidChangeTextDocument` into `TextChangeFacts`; the rules:
 *
 * 0. A change that brings an open document in line with its file on disk (a reload) came from outside VS Code: a
 *    command-line agent, `git checkout`, a generator. It is the `disk` agent's, whatever else is true. VS Code tells
 *    extensions of a change before it marks the document dirty, so a document still clean at the change is only a
 *    candidate (a reload, or the first edit after an open or a save); the host compares it with the file on disk
 *    in memory, keeps neither, and says `reloaded` when they are equal, like the clipboard check of a paste.
 * 1. Undo and redo (`TextDocumentChangeEvent.reason`) are the user's: typed.
 * 2. A change to a document that is not the active editor's is an agent's (chat and agent edits, other
 *    extensions, and also multi-file refactorings the user started, which we cannot tell apart).
 * 3. A change to the active document during a save the user made (a manual save: auto saves are not the user's), or within `LATE_SIGNAL_WINDOW_MS` before VS Code
 *    tells extensions about the save (format on save runs first), is the user's: typed.
 * 4. A change to the active document that a keyboard- or mouse-caused selection change confirms within
 *    `CONFIRM_WINDOW_MS` is the user's: VS Code moves the cursor with the keyboard source for every keystroke
 *    (typing, auto-closing, multi-cursor typing, Enter with auto-indent, Backspace) and for a native paste. It is
 *    *pasted* when it inserts code on new lines or a long run of characters (`isPasteShaped`), else *typed*.
 *    A paste-shaped insertion at the cursor that equals the clipboard (ignoring whitespace; the host compares
 *    them in memory and keeps neither) is *pasted* too: VS Code in a browser pastes without the keyboard source.
 * 5. An unconfirmed change at a cursor of the active editor, within `INLINE_COMPLETION_WINDOW_MS` of the
 *    user's last keyboard or mouse event, is the user's: the editor applies suggestions, snippets and ghost text
 *    with a non-keyboard source, and the Delete key moves no cursor. A multi-line or long insertion is an
 *    accepted *AI completion*; anything shorter (an IntelliSense item, a one-line snippet, a deletion) is *typed*.
 * 6. Everything else is an agent's.
 *
 * Limits: a multi-line snippet counts as an AI completion, a short one-line AI completion as typed; an agent
 * edit that lands exactly at the cursor within a minute of the user's typing counts as an accepted
 * completion; edits to other files that the user started (Rename Symbol, Replace All) count as agent edits; a
 * reload the user asked for (File: Revert File, a `git checkout` typed in the terminal) counts as the disk agent's.
 */

export type CharacterKind = 'typed' | 'pasted' | 'aiCompletion' | 'agent';

export const CHARACTER_KINDS: readonly CharacterKind[] = ['typed', 'pasted', 'aiCompletion', 'agent'];

export interface TextChangeFacts {
  /** The document is the active text editor's. */
  readonly inActiveEditor: boolean;
  /** `TextDocumentChangeEvent.reason` is Undo or Redo. */
  readonly undoRedo: boolean;
  /** Characters inserted, summed over the content changes (a deletion inserts none). */
  readonly insertedChars: number;
  /** Some insertion puts code (not only indentation) on a new line. */
  readonly multiLine: boolean;
  /** The change (the first one, for multi-cursor edits) touches a cursor of the active editor, before or after it moved. */
  readonly atCursor: boolean;
  /**
   * The document was not dirty when VS Code told of the change, which is not an undo or redo and not part of a save
   * the user made: a reload from disk, or the first edit after the document was opened or saved (VS Code marks
   * the document dirty after it tells extensions of the edit). The host's comparison with the file tells which.
   */
  readonly clean: boolean;
}

/** The agent of edits in VS Code that the user did not make (an AgentName). */
export const VSCODE_AGENT = 'vscode';
/** The agent of files changed on disk and reloaded in an editor (an AgentName). */
export const DISK_AGENT = 'disk';
/** The agents whose time the rules guess, each with a tracker of its own. */
export const ATTRIBUTED_AGENTS: readonly string[] = [VSCODE_AGENT, DISK_AGENT];

/**
 * A keyboard or mouse selection change at most this long after a text change confirms it as the user's. VS Code
 * sends a keystroke's change and its cursor move together (1–2 ms apart in recordings); a person's next key
 * comes later, so a key pressed right after accepting a completion does not turn it into typing.
 */
export const CONFIRM_WINDOW_MS = 250;
/**
 * Signals that come late wait this long: the host's clipboard check for a paste-shaped insertion at the cursor (a
 * remote round trip in the browser), and the save that format on save belongs to (formatters run before extensions
 * hear of the save). Changes that may get such a signal are resolved only after it.
 */
export const LATE_SIGNAL_WINDOW_MS = 2_000;
/** Ghost text shows after the user typed or moved the cursor; accepting it follows their last key within this. */
export const INLINE_COMPLETION_WINDOW_MS = 60_000;
/** A one-line insertion at least this long, by the user's key, is a paste (or, unconfirmed, an AI completion). */
export const LONG_INSERTION_CHARS = 40;
/** Unresolved changes kept at most; older ones are resolved without waiting (agents may edit in bursts). */
const MAX_PENDING = 256;

export interface AttributionSink {
  /** A text change the user made, at `time`. */
  human(time: number): void;
  /** A text change an agent made, at `time`: `name` is the agent (VSCODE_AGENT or DISK_AGENT). */
  agent(time: number, name: string): void;
  /** Characters of a text change; `agent` names the agent of agent characters. */
  characters(kind: CharacterKind, count: number, time: number, agent?: string): void;
}

export function isPasteShaped(facts: TextChangeFacts): boolean {
  return facts.multiLine || facts.insertedChars >= LONG_INSERTION_CHARS;
}

/** What an unconfirmed change is, once no keyboard or mouse event came to confirm it. */
function unconfirmedKind(facts: TextChangeFacts, sinceHuman: number): CharacterKind {
  if (!facts.atCursor || sinceHuman > INLINE_COMPLETION_WINDOW_MS) return 'agent';
  return isPasteShaped(facts) ? 'aiCompletion' : 'typed';
}

interface Pending {
  time: number;
  /** Resolved as `unconfirmed` once this has passed. */
  deadline: number;
  /** Waiting for the clipboard check too. */
  pasteCandidate: boolean;
  /** Waiting for the comparison with the file on disk too. */
  reloadCandidate: boolean;
  /** A change to the active editor's document (only those are confirmed by the user's keys or save). */
  inActiveEditor: boolean;
  /** What textChanged returned for it. */
  id: number;
  /** If confirmed by the user's keyboard or mouse. */
  confirmed: CharacterKind;
  /** If not. */
  unconfirmed: CharacterKind;
  chars: number;
}

/**
 * Applies the rules above. Changes that need a confirmation wait at most `CONFIRM_WINDOW_MS`: they are resolved
 * by the next keyboard or mouse event, the next change after the window, or `settle()` (the host's tick).
 * Every call is O(1) amortized; nothing but counts and times is kept.
 */
export class EditAttributor {
  private lastHuman = Number.NEGATIVE_INFINITY;
  private pending: Pending[] = [];
  private head = 0;
  private savingUntil = Number.NEGATIVE_INFINITY;
  private nextId = 1;

  constructor(private readonly sink: AttributionSink) {}

  /** A selection change made with the keyboard or the mouse, at `now`: it confirms the changes of the moment before. */
  humanInput(now: number): void {
    this.confirm(now, CONFIRM_WINDOW_MS, (change) => change.confirmed);
    this.lastHuman = now;
  }

  /**
   * The user saves the active document (a manual save, not an auto save): its edits until `until` are theirs, and so
   * are those of the moment before, which format on save makes before extensions hear of the save.
   */
  saving(now: number, until: number): void {
    this.confirm(now, LATE_SIGNAL_WINDOW_MS, () => 'typed');
    this.lastHuman = now;
    this.savingUntil = until;
  }

  /** The save ended. */
  saved(): void {
    this.savingUntil = Number.NEGATIVE_INFINITY;
  }

  /** The latest paste-shaped insertion at the cursor still waiting is the clipboard's text: a paste. */
  pasted(now: number): void {
    this.settle(now);
    for (let i = this.pending.length - 1; i >= this.head; i--) {
      const change = this.pending[i]!;
      if (!change.pasteCandidate) continue;
      this.pending.splice(i, 1);
      this.emit('pasted', change.chars, change.time);
      break;
    }
    if (this.head === this.pending.length) this.clear();
  }

  /** A text change at `now`; returns its id, which `reloaded` takes. */
  textChanged(facts: TextChangeFacts, now: number): number {
    this.settle(now);
    const id = this.nextId++;
    const chars = facts.insertedChars;
    if (facts.undoRedo || (facts.inActiveEditor && now <= this.savingUntil)) {
      this.emit('typed', chars, now);
      return id;
    }
    const reloadCandidate = facts.clean;
    if (!facts.inActiveEditor && !reloadCandidate) {
      this.emit('agent', chars, now);
      return id;
    }
    if (this.pending.length - this.head >= MAX_PENDING) this.resolve(this.pending[this.head++]!);
    const pasteCandidate = facts.inActiveEditor && facts.atCursor && isPasteShaped(facts);
    // Away from the cursor it may be format on save, whose save is announced after it.
    const lateSignal = pasteCandidate || reloadCandidate || !facts.atCursor;
    this.pending.push({
      time: now,
      deadline: now + (lateSignal ? LATE_SIGNAL_WINDOW_MS : CONFIRM_WINDOW_MS),
      pasteCandidate,
      reloadCandidate,
      inActiveEditor: facts.inActiveEditor,
      id,
      confirmed: pasteCandidate ? 'pasted' : 'typed',
      unconfirmed: facts.inActiveEditor ? unconfirmedKind(facts, now - this.lastHuman) : 'agent',
      chars,
    });
    return id;
  }

  /** The change `id`, still waiting, brought its document in line with the file on disk: a reload, the disk agent's. */
  reloaded(id: number, now: number): void {
    this.settle(now);
    for (let i = this.head; i < this.pending.length; i++) {
      const change = this.pending[i]!;
      if (change.id !== id) continue;
      if (change.reloadCandidate) {
        this.pending.splice(i, 1);
        this.emit('agent', change.chars, change.time, DISK_AGENT);
      }
      break;
    }
    if (this.head === this.pending.length) this.clear();
  }

  /** Resolves, in order, every change whose wait is over. Call on every tick. */
  settle(now: number): void {
    while (this.head < this.pending.length && now > this.pending[this.head]!.deadline) this.resolve(this.pending[this.head++]!);
    if (this.head === this.pending.length) this.clear();
  }

  /** Resolves everything as it stands (deactivate, pause). */
  flush(): void {
    for (let i = this.head; i < this.pending.length; i++) this.resolve(this.pending[i]!);
    this.clear();
  }

  /**
   * Resolves the active document's changes of the last `windowMs` as `kind(change)`; older ones, and changes to other
   * documents (waiting for the disk check), keep waiting for their deadline.
   */
  private confirm(now: number, windowMs: number, kind: (change: Pending) => CharacterKind): void {
    this.settle(now);
    if (this.head === this.pending.length) return;
    const waiting: Pending[] = [];
    for (let i = this.head; i < this.pending.length; i++) {
      const change = this.pending[i]!;
      if (change.inActiveEditor && now - change.time <= windowMs) this.emit(kind(change), change.chars, change.time);
      else waiting.push(change);
    }
    this.pending = waiting;
    this.head = 0;
  }

  private clear(): void {
    if (this.pending.length > 0) this.pending = [];
    this.head = 0;
  }

  private resolve(change: Pending): void {
    this.emit(change.unconfirmed, change.chars, change.time);
  }

  private emit(kind: CharacterKind, chars: number, time: number, agent = VSCODE_AGENT): void {
    if (kind !== 'agent') {
      this.sink.human(time);
      if (chars > 0) this.sink.characters(kind, chars, time);
      return;
    }
    this.sink.agent(time, agent);
    if (chars > 0) this.sink.characters(kind, chars, time, agent);
  }
}
