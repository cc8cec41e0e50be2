import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';
import { normalizeFeedUrl } from '../../core/calendar/feedUrl';
import { FetchError } from './fetchError';
import { redactUrl } from './redact';
import { looksLikeCalendar } from '../../core/calendar/expandCalendar';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Validators of the last good response, for a conditional request. */
  etag?: string;
  lastModified?: string;
  /** Tests serve plain http on 127.0.0.1; real feeds are https only. */
  allowHttp?: boolean;
}

export type FetchResult =
  | { status: 'ok'; text: string; etag?: string; lastModified?: string }
  | { status: 'not-modified' };

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const NETWORK_CODES: Record<string, ['dns' | 'network' | 'tls', string]> = {
  ENOTFOUND: ['dns', 'the server name could not be found (DNS); check the address and your connection'],
  EAI_AGAIN: ['dns', 'the server name could not be looked up (DNS); check your connection'],
  ECONNREFUSED: ['network', 'the server refused the connection'],
  ECONNRESET: ['network', 'the connection was reset'],
  EHOSTUNREACH: ['network', 'the server cannot be reached'],
  ENETUNREACH: ['network', 'the network is unreachable'],
};

function describe(error: NodeJS.ErrnoException, where: string): FetchError {
  const code = error.code ?? '';
  const known = NETWORK_CODES[code];
  if (known) return new FetchError(known[0], `${where}: ${known[1]}`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return new FetchError('tls', `${where}: the secure connection failed (${code})`);
  return new FetchError('network', `${where}: network error (${code || 'unknown'})`);
}

function statusError(status: number, where: string): FetchError {
  if (status === 401 || status === 403) return new FetchError('unauthorized', `${where}: access denied (HTTP ${status}): the secret address was reset or sharing is off`, status);
  if (status === 404 || status === 410) return new FetchError('not-found', `${where}: no calendar at this address (HTTP ${status})`, status);
  if (status >= 500) return new FetchError('server', `${where}: the calendar server failed (HTTP ${status}); it will be retried`, status);
  return new FetchError('http', `${where}: unexpected answer (HTTP ${status})`, status);
}

/**
 * Fetches a feed with Node's own http(s): redirects (at most `maxRedirects`), gzip/deflate, a size cap and
 * one timeout for the whole exchange. Every failure is a FetchError whose message names only the host.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let current = normalizeFeedUrl(url);
  for (let hop = 0; ; hop++) {
    const result = await fetchOnce(current, options, Math.max(1, deadline - Date.now()), timeoutMs);
    if (result.kind !== 'redirect') return result.value;
    if (hop >= (options.maxRedirects ?? DEFAULT_MAX_REDIRECTS)) throw new FetchError('too-many-redirects', `${redactUrl(url)}: too many redirects`);
    current = result.location;
  }
}

type Once = { kind: 'done'; value: FetchResult } | { kind: 'redirect'; location: string };

function fetchOnce(url: string, options: FetchOptions, remainingMs: number, timeoutMs: number): Promise<Once> {
  const where = redactUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new FetchError('bad-url', 'the calendar address is not a valid URL'));
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && options.allowHttp)) {
    return Promise.reject(new FetchError('bad-url', `${where}: only https:// and webcal:// addresses are supported`));
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate', accept: 'text/calendar, */*;q=0.5', 'user-agent': 'hands-on-vscode' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = parsed.protocol === 'https:' ? https : http;
  return new Promise<Once>((resolve, reject) => {
    let settled = false;
    const fail = (error: FetchError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new FetchError('timeout', `${where}: no answer within ${Math.round(timeoutMs / 1000)} s`)), remainingMs);
    const request = client.get(parsed, { headers }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = response.headers.location;
        if (!location) return fail(new FetchError('http', `${where}: redirect without a destination (HTTP ${status})`, status));
        settled = true;
        clearTimeout(timer);
        return resolve({ kind: 'redirect', location: new URL(location, parsed).toString() });
      }
      if (status === 304) {
        response.resume();
        settled = true;
        clearTimeout(timer);
        return resolve({ kind: 'done', value: { status: 'not-modified' } });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return fail(statusError(status, where));
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.resume();
        return fail(new FetchError('too-large', `${where}: the calendar is larger than ${formatSize(maxBytes)}`));
      }
      const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
      const body = encoding === 'gzip' ? response.pipe(zlib.createGunzip()) : encoding === 'deflate' ? response.pipe(zlib.createInflate()) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(new FetchError('too-large', `${where}: the calendar is larger than ${formatSize(maxBytes)}`));
        else chunks.push(chunk);
      });
      body.on('error', () => fail(new FetchError('network', `${where}: the answer was cut off or could not be decompressed`)));
      body.on('end', () => {
        if (settled) return;
        const text = Buffer.concat(chunks).toString('utf8');
        if (!looksLikeCalendar(text)) return fail(new FetchError('not-a-calendar', `${where}: the answer is not an iCalendar feed`));
        settled = true;
        clearTimeout(timer);
        const etag = response.headers.etag;
        const lastModified = response.headers['last-modified'];
        resolve({ kind: 'done', value: { status: 'ok', text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => fail(describe(error, where)));
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
