// The dashboard page. No vscode import: the panel passes in the webview's CSP source and resource URIs, so the
// page (and its Content Security Policy) can be unit-tested.
import { randomBytes } from 'node:crypto';

export const ROOT_ID = 'hands-on-dashboard';

/** A fresh nonce for every render: 128 random bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface DashboardHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(dist/webview.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/dashboard.css)`, as a string. */
  styleUri: string;
  nonce: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/**
 * The static shell: a root element the script fills, one stylesheet and one script from the extension's own
 * folders. No inline script or style, no data in the page (it comes by message after the ready handshake).
 */
export function dashboardHtml(input: DashboardHtmlInput): string {
  const csp = escapeAttribute(contentSecurityPolicy(input.cspSource, input.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>Hands-On Dashboard</title>
</head>
<body>
<main id="${ROOT_ID}" aria-busy="true"><p class="status-line">Loading the dashboard…</p></main>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
