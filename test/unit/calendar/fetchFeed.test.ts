import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo, Socket } from 'node:net';
import { fetchFeed } from '../../../src/node/calendar/fetchFeed';
import { FetchError } from '../../../src/node/calendar/fetchError';
import { redactUrl } from '../../../src/node/calendar/redact';
import { contentHash } from '../../../src/node/calendar/contentHash';
import { calendarSource, loadSourceTexts, refreshSourceTexts } from '../../../src/node/calendar/calendarSource';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240304T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

describe('fetchFeed against a local server', () => {
  let server: http.Server;
  let base = '';
  const sockets = new Set<Socket>();

  before(async () => {
    server = http.createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0]!;
      if (url.startsWith('/ok')) {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { etag: '"v1"', 'content-type': 'text/calendar' }).end(ICS);
      }
      if (url.startsWith('/redirect/')) {
        const n = Number(url.split('/')[2]);
        return void res.writeHead(302, { location: n > 0 ? `/redirect/${n - 1}` : '/ok' }).end();
      }
      if (url === '/gzip') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(ICS));
      if (url === '/big') return void res.writeHead(200).end(ICS + 'X'.repeat(10_000));
      if (url === '/html') return void res.writeHead(200).end('<html>login</html>');
      if (url === '/hang') return; // never answers
      const status = Number(url.slice(1));
      res.writeHead(status || 500).end('nope');
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server.close(resolve));
  });

  const opts = { allowHttp: true };
  async function failure(path: string, extra = {}): Promise<FetchError> {
    try {
      await fetchFeed(`${base}${path}?token=SECRET123`, { ...opts, ...extra });
    } catch (error) {
      assert.ok(error instanceof FetchError, String(error));
      assert.ok(!error.message.includes('SECRET123'), error.message);
      return error;
    }
    assert.fail('expected a failure');
  }

  it('returns the text and its validators, then 304 on a conditional request', async () => {
    const first = await fetchFeed(`${base}/ok`, opts);
    assert.equal(first.status, 'ok');
    assert.ok(first.status === 'ok' && first.text.includes('BEGIN:VEVENT') && first.etag === '"v1"');
    assert.deepEqual(await fetchFeed(`${base}/ok`, { ...opts, etag: '"v1"' }), { status: 'not-modified' });
  });

  it('refreshes a feed with its validators: unchanged on 304, and a plain load never sends them', async () => {
    const first = await refreshSourceTexts(calendarSource(`${base}/ok`), opts);
    assert.ok(first !== 'unchanged');
    assert.equal(first[0]!.etag, '"v1"');
    assert.equal(await refreshSourceTexts(calendarSource(`${base}/ok`), { ...opts, etag: first[0]!.etag }), 'unchanged');
    assert.equal((await loadSourceTexts(calendarSource(`${base}/ok`), { ...opts, etag: '"v1"' }))[0]!.text, ICS);
  });

  it('follows up to five redirects and refuses a sixth', async () => {
    assert.equal((await fetchFeed(`${base}/redirect/4`, opts)).status, 'ok');
    assert.equal((await failure('/redirect/5')).kind, 'too-many-redirects');
  });

  it('decompresses gzip', async () => {
    const result = await fetchFeed(`${base}/gzip`, opts);
    assert.ok(result.status === 'ok' && result.text.startsWith('BEGIN:VCALENDAR'));
  });

  it('maps 401, 404 and 500 to clear, redacted messages', async () => {
    const unauthorized = await failure('/401');
    assert.equal(unauthorized.kind, 'unauthorized');
    assert.match(unauthorized.message, /secret address was reset or sharing is off/);
    assert.match(unauthorized.message, /^127\.0\.0\.1:\d+\/…/);
    assert.equal((await failure('/404')).kind, 'not-found');
    assert.equal((await failure('/500')).kind, 'server');
  });

  it('stops at the size cap', async () => {
    assert.equal((await failure('/big', { maxBytes: 1000 })).kind, 'too-large');
  });

  it('rejects an answer that is not a calendar', async () => {
    assert.equal((await failure('/html')).kind, 'not-a-calendar');
  });

  it('fails at the timeout when the server never answers', async () => {
    const error = await failure('/hang', { timeoutMs: 200 });
    assert.equal(error.kind, 'timeout');
  });

  it('fails on DNS errors without leaking the address', async () => {
    const error = await fetchFeed('https://no-such-host.invalid/calendar/ical/secret/basic.ics').catch((e: unknown) => e);
    assert.ok(error instanceof FetchError);
    assert.ok(['dns', 'network'].includes(error.kind));
    assert.ok(!error.message.includes('secret'));
  });
});

describe('redaction and content hash', () => {
  it('shows only the host of a feed URL, webcal included', () => {
    assert.equal(redactUrl('webcal://calendar.google.com/calendar/ical/abc%40x/private-123/basic.ics'), 'calendar.google.com/…');
  });

  it('ignores DTSTAMP lines but not real changes', () => {
    const restamped = ICS.replace('DTSTAMP:20240101T000000Z', 'DTSTAMP:20250101T120000Z');
    assert.equal(contentHash(ICS), contentHash(restamped));
    assert.notEqual(contentHash(ICS), contentHash(ICS.replace('090000Z', '100000Z')));
  });
});
