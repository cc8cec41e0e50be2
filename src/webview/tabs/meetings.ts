// The Meetings & calendars tab: the calendar sources, and every event of the range with its verdict.
import type { MeetingModel, MeetingsTabModel } from '../../core/dashboard/tabs/meetings';
import { el, table } from '../dom';
import type { TabRenderer } from './tab';

function meetingRow(meeting: MeetingModel): HTMLTableRowElement {
  const status = meeting.counted ? (meeting.upcoming ? 'upcoming' : 'counted') : 'excluded';
  return el(
    'tr',
    { class: `meeting ${status}` },
    el('td', { class: 'meeting-title' }, meeting.title),
    el('td', {}, meeting.whenText),
    el('td', {}, meeting.reasonText),
    el('td', {}, meeting.source ?? ''),
  );
}

export const meetingsRenderer: TabRenderer<MeetingsTabModel> = {
  label: 'Meetings & calendars',
  render(m, { header, post }) {
    const sources =
      m.sources.length === 0
        ? el('p', {}, 'No calendar is connected. Add one with "Hands-On: Add Calendar…" or the handsOn.calendar.files setting.')
        : table(
            'Calendar sources',
            ['Source', 'Kind', 'Last refresh', 'Problems'],
            m.sources.map((s) => [s.label, s.kind, s.lastRefreshedText, [s.error ?? '', ...s.warnings].filter((x) => x.length > 0).join('; ') || 'none']),
          );
    const list = el(
      'table',
      { class: 'data-table meetings-table', id: 'meetings-list' },
      el('caption', {}, `Calendar events of ${header.headline.periodLabel}, counted or not, and why`),
      el('thead', {}, el('tr', {}, ...['Title', 'When', 'Verdict', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...m.meetings.map(meetingRow)),
    );
    const settings = el('button', { type: 'button', class: 'link-button' }, 'Open the calendar settings');
    settings.addEventListener('click', () => post({ type: 'openSettings', query: 'handsOn.calendar' }));
    return el(
      'div',
      {},
      el('h2', {}, 'Calendars'),
      sources,
      el('h2', {}, 'Meetings of the period'),
      m.meetings.length === 0 ? el('p', {}, 'No calendar events in this period.') : list,
      m.meetingsOmitted > 0 ? el('p', {}, `${m.meetingsOmitted} more events are not listed.`) : null,
      el('p', {}, settings),
    );
  },
};
