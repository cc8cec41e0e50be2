/** Whether a calendar spec names a feed (an address) rather than a file or folder. */
export function isFeedUrl(spec: string): boolean {
  return /^(?:https?|webcals?):\/\//i.test(spec.trim());
}

/** webcal:// and webcals:// are https:// by another name. */
export function normalizeFeedUrl(url: string): string {
  return url.trim().replace(/^webcals?:\/\//i, 'https://');
}

/** What Add Calendar accepts from the user: an https:// or webcal:// address (plain http only in tests). */
export function isValidFeedUrl(text: string): boolean {
  if (!isFeedUrl(text)) return false;
  try {
    return new URL(normalizeFeedUrl(text)).protocol === 'https:';
  } catch {
    return false;
  }
}
