/** Calendar feed URLs are credentials: anything that may reach a log or a message shows only the host. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url.replace(/^webcals?:\/\//i, 'https://'));
    return `${parsed.host}/…`;
  } catch {
    return '(calendar address)';
  }
}

/** Replaces every URL in a text (an error message from a library, say) by its redacted form. */
export function redactText(text: string): string {
  return text.replace(/\b(?:https?|webcals?):\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));
}
