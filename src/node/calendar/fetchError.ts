export type FetchErrorKind =
  | 'unauthorized'
  | 'not-found'
  | 'server'
  | 'http'
  | 'dns'
  | 'tls'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'not-a-calendar'
  | 'bad-url';

/** A failed refresh, with a message that is safe to show and log (the URL is already redacted). */
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
