import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { calendarSource, feedSource, loadSourceTexts, pathSource, savedFeedId, sourceErrorText } from '../../../src/node/calendar/calendarSource';
import { FIXTURES } from './helpers';

const FEED = 'https://calendar.example.com/calendar/ical/private-SECRET123/basic.ics';

describe('calendar sources: one spec, one id, kind and label', () => {
  it('labels a file by its name and a folder by its name and a slash, with or without a trailing slash', () => {
    const folder = path.join(FIXTURES, 'folder');
    assert.deepEqual(pathSource(path.join(FIXTURES, 'rules.ics')), { id: `path:${path.join(FIXTURES, 'rules.ics')}`, kind: 'file', spec: path.join(FIXTURES, 'rules.ics'), label: 'rules.ics' });
    assert.deepEqual(pathSource(folder), { id: `path:${folder}`, kind: 'folder', spec: folder, label: 'folder/' });
    assert.equal(pathSource(`${folder}/`).label, 'folder/');
    assert.deepEqual(pathSource('/no/such/meetings.ics'), { id: 'path:/no/such/meetings.ics', kind: 'file', spec: '/no/such/meetings.ics', label: 'meetings.ics' });
  });

  it('labels a feed by its host only, and knows a saved feed by its store id', () => {
    const saved = feedSource({ id: 'abc', url: FEED });
    assert.deepEqual(saved, { id: 'feed:abc', kind: 'url', spec: FEED, label: 'calendar.example.com/…' });
    assert.equal(savedFeedId(saved), 'abc');
    assert.equal(savedFeedId(pathSource(path.join(FIXTURES, 'rules.ics'))), undefined);
  });

  it('reads a command-line spec as the extension reads the same setting', () => {
    const folder = path.join(FIXTURES, 'folder');
    assert.deepEqual(calendarSource(folder), pathSource(folder));
    assert.equal(calendarSource(FEED).label, 'calendar.example.com/…');
    assert.equal(calendarSource(FEED).kind, 'url');
  });

  it('reads a folder by its kind, and says a missing file is missing', async () => {
    assert.deepEqual(
      (await loadSourceTexts(pathSource(path.join(FIXTURES, 'folder')))).map((t) => t.name),
      ['a.ics', path.join('sub', 'b.ics')],
    );
    await assert.rejects(loadSourceTexts(pathSource('/no/such/meetings.ics')), { message: 'no such file: /no/such/meetings.ics' });
  });

  it('tells an error without the feed address in it', () => {
    assert.equal(sourceErrorText(new Error(`cannot reach ${FEED} now`)), 'cannot reach calendar.example.com/… now');
    assert.equal(sourceErrorText('plain'), 'plain');
  });
});
