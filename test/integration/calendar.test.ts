import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { icsText } from '../builders/icsBuilder';
import { wednesdayAfternoon } from './calendarFiles';
import { eventually, extensionApi, setUserSetting, settingsText } from './support';

const HOUR = 3_600_000;
const SECRET = 'private-a1b2c3d4e5f6SECRET';

describe('Calendar feeds', function () {
  this.timeout(60_000);
  let server: Server;
  let status = 200;
  let requests = 0;
  /** Answer the next request "304 Not Modified", whatever it asked. */
  let notModifiedOnce = false;
  let feedUrl: string;

  before(async () => {
    const api = await extensionApi();
    const wednesday = wednesdayAfternoon(20);
    api.clock.set(wednesday);
    const body = icsText([{ start: wednesday - 3 * HOUR, end: wednesday - 1 * HOUR, title: 'Design review' }]);
    server = createServer((_request, response) => {
      requests++;
      if (notModifiedOnce) {
        notModifiedOnce = false;
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(status, { 'content-type': 'text/calendar' });
      response.end(status === 200 ? body : 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/ical/${SECRET}/basic.ics`;
  });

  after(async () => {
    server.close();
    (await extensionApi()).clock.set(undefined);
    await setUserSetting('calendar.files', undefined);
  });

  it('adds a secret feed: its meetings count, and the address never reaches settings, the log or the tooltip', async () => {
    const api = await extensionApi();
    const added = await api.addCalendar({ kind: 'url', url: feedUrl });
    assert.equal(requests, 1, 'the feed was read once: the validation read is the read');
    assert.match(added ?? '', /^Added 127\.0\.0\.1:\d+\/…: 1 meeting this week \(2h\)\.$/);
    await eventually(async () => {
      const figures = await api.update();
      assert.equal(figures?.period.meetingMinutes, 120);
    });
    assert.ok(!settingsText().includes(SECRET), 'settings.json holds no feed address');
    assert.ok(!api.logLines.some((line) => line.includes(SECRET)), 'the log holds no feed address');
    assert.ok(!api.statusBar().tooltip.includes(SECRET), 'the tooltip holds no feed address');
  });

  it('keeps the last good meetings when a refresh fails, and shows the error without the address', async () => {
    const api = await extensionApi();
    status = 401;
    await api.refreshCalendars();
    const figures = await api.update();
    assert.equal(figures?.period.meetingMinutes, 120, 'the meetings of the last good refresh stay');
    const tooltip = api.statusBar().tooltip;
    assert.match(tooltip, /401/);
    assert.ok(!tooltip.includes(SECRET));
    assert.ok(api.logLines.some((line) => /401/.test(line)), 'the failure is logged');
    assert.ok(!api.logLines.some((line) => line.includes(SECRET)), 'the log holds no feed address');
    status = 200;
  });

  it('reads a feed again when the server answers "not modified" with nothing cached to reuse', async () => {
    const api = await extensionApi();
    const before = api.logLines.length;
    notModifiedOnce = true;
    // New meeting rules: the cached result cannot be reused, so the feed is asked for without validators.
    await setUserSetting('calendar.excludeKeywords', ['Lunch']);
    try {
      await eventually(() => assert.equal(notModifiedOnce, false, 'the server answered 304'));
      await api.refreshCalendars();
      const figures = await api.update();
      assert.equal(figures?.period.meetingMinutes, 120);
      assert.deepEqual(
        api.logLines.slice(before).filter((line) => line.startsWith('Calendar ')),
        [],
        'no calendar error was logged',
      );
      assert.doesNotMatch(api.statusBar().tooltip, /Cannot read|not modified/);
    } finally {
      await setUserSetting('calendar.excludeKeywords', undefined);
    }
  });

  it('refuses a calendar it cannot read, with a clear message and nothing saved', async () => {
    const api = await extensionApi();
    const before = settingsText();
    const added = await api.addCalendar({ kind: 'file', path: '/nonexistent/meetings.ics' });
    assert.equal(added, undefined);
    assert.equal(settingsText(), before);
  });
});
