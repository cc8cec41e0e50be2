import * as vscode from 'vscode';
import { MINUTE_MS, type Clock } from '../core/time/clock';
import { systemTimeZone } from '../core/time/localDays';
import { parseMeetingMinutes, parseMeetingStart } from '../core/time/meetingStart';
import type { ActivityRecorder } from './activityRecorder';

/** "Log a Meeting…": an unscheduled call, with its start (today's HH:MM, or "20 min ago") and its length. */
export async function logMeeting(recorder: ActivityRecorder, clock: Clock): Promise<void> {
  const now = clock.now();
  const zone = systemTimeZone();
  const startText = await vscode.window.showInputBox({
    title: 'Hands-On: Log a Meeting (1/2)',
    prompt: 'When did it start? Today at HH:MM, or e.g. "30 min ago".',
    value: '30 min ago',
    validateInput: (text) => {
      const start = parseMeetingStart(text, now, zone);
      if (start === undefined) return 'Enter a time like 14:30 or "30 min ago".';
      return start > now ? 'The start must not be in the future.' : undefined;
    },
  });
  if (startText === undefined) return;
  const start = parseMeetingStart(startText, now, zone)!;
  const minutesText = await vscode.window.showInputBox({
    title: 'Hands-On: Log a Meeting (2/2)',
    prompt: 'How many minutes did it last?',
    value: String(Math.max(5, Math.min(60, Math.round((now - start) / MINUTE_MS)))),
    validateInput: (text) => (parseMeetingMinutes(text) === undefined ? 'Enter a number of minutes from 1 to 1440.' : undefined),
  });
  if (minutesText === undefined) return;
  const minutes = parseMeetingMinutes(minutesText)!;
  recorder.logManualMeeting({ start, end: start + minutes * MINUTE_MS, note: 'Logged meeting' });
  const problem = recorder.problem;
  if (problem) void vscode.window.showWarningMessage(`${problem.message} ${problem.remedy}`);
  else void vscode.window.showInformationMessage(`Logged a ${minutes}-minute meeting.`);
}
