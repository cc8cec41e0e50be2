import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readHistory } from '../../src/node/journal/activityHistory';
import { wednesdayAfternoon } from './calendarFiles';
import { extensionApi } from './support';

const MINUTE = 60_000;

describe("Unscheduled meetings: I'm in a Meeting Now", () => {
  after(async () => (await extensionApi()).clock.set(undefined));

  it('counts the meeting while it runs, and logs it in the journal when it ends', async () => {
    const api = await extensionApi();
    const start = wednesdayAfternoon(30);
    api.clock.set(start);
    const before = (await api.update())!.period.meetingMinutes;
    await vscode.commands.executeCommand('handsOn.toggleMeetingNow');
    api.clock.advance(40 * MINUTE);
    const during = (await api.update())!;
    assert.equal(during.period.meetingMinutes - before, 40);
    assert.ok(during.meetings.some((m) => m.start <= api.clock.now() && api.clock.now() <= m.end), 'the ongoing meeting counts as one');
    await vscode.commands.executeCommand('handsOn.toggleMeetingNow');
    api.clock.advance(20 * MINUTE);
    const logged = (await readHistory(api.dataDirectory(), { start, end: start + 2 * 60 * MINUTE })).meetings;
    assert.deepEqual(logged.map((m) => [m.start - start, m.end - start]), [[0, 40 * MINUTE]]);
    assert.equal((await api.update())!.period.meetingMinutes - before, 40, 'after it ends it still counts 40 minutes, once');
  });
});
