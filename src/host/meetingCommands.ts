import * as vscode from 'vscode';
import { MINUTE_MS, type Clock } from '../core/time/clock';
import type { ActivityRecorder } from './activityRecorder';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseStart(text: string, now: number): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const ago = /^(\d{1,3})\s*(m|min|minutes?)\s*ago$/.exec(trimmed);
  if (ago) return now - Number(ago[1]) * MINUTE_MS;
  const time = TIME.exec(trimmed);
  if (!time) return undefined;
  const start = new Date(now);
  start.setHours(Number(time[1]), Number(time[2]), 0, 0);
  return start.getTime();
}

/** "Log a Meeting…": an unscheduled call, with its start (today's HH:MM, or "20 min ago") and its length. */
export async function logMeeting(recorder: ActivityRecorder, clock: Clock): Promise<void> {
  const now = clock.now();
  const startText = await vscode.window.showInputBox({
    title: 'Hands-On: Log a Meeting (1/2)',
    prompt: 'When did it start? Today at HH:MM, or e.g. "30 min ago".',
    value: '30 min ago',
    validateInput: (text) => {
      const start = parseStart(text, now);
      if (start === undefined) return 'Enter a time like 14:30 or "30 min ago".';
      return start > now ? 'The start must not be in the future.' : undefined;
    },
  });
  if (startText === undefined) return;
  const start = parseStart(startText, now)!;
  const minutesText = await vscode.window.showInputBox({
    title: 'Hands-On: Log a Meeting (2/2)',
    prompt: 'How many minutes did it last?',
    value: String(Math.max(5, Math.min(60, Math.round((now - start) / MINUTE_MS)))),
    validateInput: (text) => (/^\d{1,4}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 24 * 60 ? undefined : 'Enter a number of minutes from 1 to 1440.'),
  });
  if (minutesText === undefined) return;
  recorder.logManualMeeting({ start, end: start + Number(minutesText) * MINUTE_MS, note: 'Logged meeting' });
  const problem = recorder.problem;
  if (problem) void vscode.window.showWarningMessage(`${problem.message} ${problem.remedy}`);
  else void vscode.window.showInformationMessage(`Logged a ${minutesText}-minute meeting.`);
}
