import * as assert from 'node:assert/strict';
import { codingTime, gatherBalanceInputs, type InputParts, type JournalPart } from '../../../src/core/balance/gatherInputs';
import { MANUAL_SOURCE } from '../../../src/core/calendar/manualMeetings';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { at, BERLIN, occurrence, span } from '../dashboard/builders';

// Wednesday 25 March 2026, 16:00 in Berlin; the span runs from Monday to the Sunday after.
const NOW = at('2026-03-25T16:00:00+01:00');
const RANGE = span('2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00');

const emptyJournal: JournalPart = { union: [], agent: [], agentByName: {}, characters: [], minutesByWorkspace: {}, minutesByLanguage: {}, minutesBySource: {}, meetings: [] };

function parts(extra: Partial<InputParts> = {}): InputParts {
  return { now: NOW, zone: BERLIN, settings: DEFAULT_SETTINGS, range: RANGE, journal: emptyJournal, calendars: [], sources: [], ...extra };
}

describe('gatherBalanceInputs', () => {
  it('keeps the occurrences that overlap the span, of every calendar, in time order', () => {
    const before = occurrence('Last week', '2026-03-20T10:00:00+01:00', '2026-03-20T11:00:00+01:00');
    const across = occurrence('Over midnight', '2026-03-22T23:00:00+01:00', '2026-03-23T01:00:00+01:00');
    const tuesday = occurrence('Tuesday', '2026-03-24T10:00:00+01:00', '2026-03-24T11:00:00+01:00');
    const monday = occurrence('Monday', '2026-03-23T10:00:00+01:00', '2026-03-23T11:00:00+01:00');
    const after = occurrence('Next week', '2026-03-30T10:00:00+02:00', '2026-03-30T11:00:00+02:00');
    const inputs = gatherBalanceInputs(parts({ calendars: [{ occurrences: [before, tuesday, after], daysOff: [] }, { occurrences: [across, monday], daysOff: [] }] }));
    assert.deepEqual(inputs.occurrences.map((o) => o.title), ['Over midnight', 'Monday', 'Tuesday']);
  });

  it('keeps the days off among the local dates of the span, each once and sorted', () => {
    const inputs = gatherBalanceInputs(parts({ calendars: [{ occurrences: [], daysOff: ['2026-03-22', '2026-03-27', '2026-03-29'] }, { occurrences: [], daysOff: ['2026-03-23', '2026-03-27', '2026-03-30'] }] }));
    assert.deepEqual(inputs.daysOff, ['2026-03-23', '2026-03-27', '2026-03-29']);
  });

  it('counts logged meetings and the meeting going on, after the calendar meetings', () => {
    const logged = { ...span('2026-03-24T13:00:00+01:00', '2026-03-24T13:30:00+01:00'), note: 'Hallway chat' };
    const ongoing = span('2026-03-25T15:30:00+01:00', '2026-03-25T16:00:00+01:00');
    const planned = occurrence('Planning', '2026-03-25T10:00:00+01:00', '2026-03-25T11:00:00+01:00');
    const inputs = gatherBalanceInputs(parts({ journal: { ...emptyJournal, meetings: [logged] }, calendars: [{ occurrences: [planned], daysOff: [] }], ongoing }));
    assert.deepEqual(
      inputs.occurrences.map((o) => [o.title, o.start, o.end, o.counted, o.source ?? null]),
      [
        ['Planning', planned.start, planned.end, true, null],
        ['Hallway chat', logged.start, logged.end, true, MANUAL_SOURCE],
        ['Logged meeting', ongoing.start, ongoing.end, true, MANUAL_SOURCE],
      ],
    );
  });

  it('counts agent time as coding only under handsOn.agentTime "hands-on"', () => {
    const handsOn = [span('2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00')];
    const agent = [span('2026-03-24T10:00:00+01:00', '2026-03-24T10:30:00+01:00')];
    const journal = { ...emptyJournal, union: handsOn, agent };
    assert.deepEqual(gatherBalanceInputs(parts({ journal })).coding, handsOn);
    assert.deepEqual(gatherBalanceInputs(parts({ journal, settings: { ...DEFAULT_SETTINGS, agentTime: 'hands-on' } })).coding, codingTime(handsOn, agent, 'hands-on'));
    assert.deepEqual(codingTime(handsOn, agent, 'hands-on'), [span('2026-03-24T09:00:00+01:00', '2026-03-24T10:30:00+01:00')]);
  });

  it('says which span the workspace and language minutes cover, when they were asked for', () => {
    const breakdownRange = span('2026-03-25T00:00:00+01:00', '2026-03-26T00:00:00+01:00');
    assert.equal(gatherBalanceInputs(parts()).breakdownRange, undefined);
    assert.deepEqual(gatherBalanceInputs(parts({ breakdownRange })).breakdownRange, breakdownRange);
  });
});
