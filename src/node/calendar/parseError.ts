/** A parse that failed; its message says what happened and what the user can do, never a JavaScript error. */
export class CalendarParseError extends Error {
  constructor(
    readonly kind: 'too-slow' | 'too-large' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'CalendarParseError';
  }
}
