// A stand-in for the Anthropic Messages API on 127.0.0.1, for running a real Claude Code offline. It plays a
// script: each turn of the main conversation answers with one tool_use block (Write, Edit, …), and once every
// scripted tool has its tool_result it ends the turn with a short text. Side requests (title, topic and quota
// checks with a small model, token counts) get plain text and never consume the script. Every request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedTool {
  name: string;
  input: Record<string, unknown>;
  /** Milliseconds to wait before answering this turn (defaults to the stand-in's turnDelayMs). */
  delayMs?: number;
}

export interface StandInOptions {
  /** The tool calls of the main conversation, one per model turn, in order. */
  tools: ScriptedTool[];
  /** The text of the last turn, sent with stop_reason end_turn once every tool has its result. */
  finalText: string;
  /** Milliseconds to wait before answering each turn of the main conversation. */
  turnDelayMs?: number;
  /** Milliseconds to wait before the final text (defaults to turnDelayMs). */
  finalDelayMs?: number;
  /**
   * The prompt of the session. When given, only a conversation that carries it is the scripted one; any other
   * that offers tools (a subagent's, started by the Agent tool) gets the side answer, a plain text.
   */
  prompt?: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  at: number;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body as sent. */
  body: string;
  /** What the stand-in took it for. */
  kind: 'main' | 'side' | 'count_tokens' | 'other';
}

export interface ModelStandIn {
  /** For ANTHROPIC_BASE_URL. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** The main-conversation turns answered so far, with what was sent. */
  answered: { at: number; turn: number; sent: 'tool_use' | 'text' }[];
  close(): Promise<void>;
}

interface MessagesBody {
  model?: string;
  stream?: boolean;
  tools?: { name?: string }[];
  messages?: { role: string; content: unknown }[];
}

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many tool results the conversation carries: the index of the scripted turn to play next. */
function toolResultsIn(body: MessagesBody): number {
  let count = 0;
  for (const message of body.messages ?? []) {
    if (message.role !== 'user' || !Array.isArray(message.content)) continue;
    for (const block of message.content as { type?: string }[]) if (block?.type === 'tool_result') count += 1;
  }
  return count;
}

/**
 * The main conversation offers the file tools (Write at least; deferred ones such as NotebookEdit only by name,
 * through ToolSearch); title, topic and quota requests offer none.
 */
function isMainConversation(body: MessagesBody, prompt: string | undefined): boolean {
  if (!(body.tools ?? []).some((tool) => tool.name === 'Write')) return false;
  return prompt === undefined || JSON.stringify(body.messages ?? []).includes(JSON.stringify(prompt).slice(1, -1));
}

let nextId = 1;
const id = (prefix: string) => `${prefix}_standin${String(nextId++).padStart(6, '0')}`;

function message(model: string, content: Block[], stopReason: 'end_turn' | 'tool_use') {
  return {
    id: id('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 8, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': id('req') });
  res.end(text);
}

/** The SSE stream of a Messages API answer, as the real API sends it. */
function sendStream(res: ServerResponse, model: string, content: Block[], stopReason: 'end_turn' | 'tool_use'): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': id('req') });
  const event = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const start = message(model, [], stopReason);
  event('message_start', { message: { ...start, stop_reason: null, usage: { ...start.usage, output_tokens: 1 } } });
  content.forEach((block, index) => {
    if (block.type === 'text') {
      event('content_block_start', { index, content_block: { type: 'text', text: '' } });
      event('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      event('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      // Split the JSON in two, as the API streams it in pieces.
      const json = JSON.stringify(block.input);
      const half = Math.floor(json.length / 2);
      event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(0, half) } });
      event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(half) } });
    }
    event('content_block_stop', { index });
  });
  event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 8 } });
  event('message_stop', {});
  res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startModelStandIn(options: StandInOptions): Promise<ModelStandIn> {
  const requests: RecordedRequest[] = [];
  const answered: ModelStandIn['answered'] = [];
  const turnDelay = options.turnDelayMs ?? 0;

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', at: Date.now(), headers: req.headers, body: raw, kind: 'other' };
      requests.push(record);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method === 'HEAD' || req.method === 'OPTIONS') {
        res.writeHead(200);
        res.end();
        return;
      }
      if (req.method === 'POST' && path.endsWith('/v1/messages/count_tokens')) {
        record.kind = 'count_tokens';
        sendJson(res, 200, { input_tokens: Math.max(1, Math.ceil(raw.length / 4)) });
        return;
      }
      if (req.method === 'POST' && path.endsWith('/v1/messages')) {
        let body: MessagesBody;
        try {
          body = JSON.parse(raw) as MessagesBody;
        } catch {
          sendJson(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'body is not JSON' } });
          return;
        }
        const model = body.model ?? 'claude-stand-in';
        let content: Block[];
        let stop: 'end_turn' | 'tool_use' = 'end_turn';
        if (isMainConversation(body, options.prompt)) {
          record.kind = 'main';
          const turn = toolResultsIn(body);
          const tool = options.tools[turn];
          await sleep(tool ? (tool.delayMs ?? turnDelay) : (options.finalDelayMs ?? turnDelay));
          if (tool) {
            content = [{ type: 'tool_use', id: id('toolu'), name: tool.name, input: tool.input }];
            stop = 'tool_use';
          } else {
            content = [{ type: 'text', text: options.finalText }];
          }
          answered.push({ at: Date.now(), turn, sent: tool ? 'tool_use' : 'text' });
        } else {
          record.kind = 'side';
          content = [{ type: 'text', text: 'Stand-in' }];
        }
        if (body.stream) sendStream(res, model, content, stop);
        else sendJson(res, 200, message(model, content, stop));
        return;
      }
      // Anything else Claude Code may probe (account, settings, feature flags): an empty answer, not an error.
      sendJson(res, req.method === 'GET' ? 200 : 404, req.method === 'GET' ? {} : { type: 'error', error: { type: 'not_found_error', message: 'stand-in' } });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: String(error) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
