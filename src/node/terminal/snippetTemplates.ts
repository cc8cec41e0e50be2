// The snippets are shell files, readable and checkable as such; esbuild bundles each as a string (loader `text`).
import bash from './snippets/hands-on.bash';
import fish from './snippets/hands-on.fish';
import zsh from './snippets/hands-on.zsh';
import type { Shell } from './shellSnippet';

export const SNIPPET_TEMPLATES: Readonly<Record<Shell, string>> = { bash, zsh, fish };
