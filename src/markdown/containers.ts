// `:::` blocks (markdown-it-container). Known containers register themselves before this
// plugin; it catches every other `:::` line so that an unknown name or a missing closing
// marker is an error at its line instead of silent text.

import type { MarkdownIt, StateCore } from 'markdown-it';
import container from 'markdown-it-container';
import { quoted } from '../wording.js';
import { envOf, report } from './env.js';

const UNKNOWN = 'deck_unknown';
const OPEN_TOKEN = /^container_(.+)_open$/;
const MARKER_LINE = /^[\s>]*:{3,}\s*$/;

export interface ContainersOptions {
  /** Names handled by earlier plugins, listed in the error message. */
  known: readonly string[];
}

export function containers(md: MarkdownIt, options: ContainersOptions): void {
  md.use(container, UNKNOWN, { validate: () => true });
  // Right after block parsing, before any container plugin rewrites its tokens.
  md.core.ruler.after('block', 'deck_containers', (state: StateCore) => {
    const env = envOf(state);
    for (const token of state.tokens) {
      if (token.nesting !== 1) continue;
      const name = OPEN_TOKEN.exec(token.type)?.[1];
      if (!name || !token.map) continue;
      const [start, end] = token.map;
      if (name === UNKNOWN) {
        const given = token.info.trim().split(/\s+/)[0] ?? '';
        const message = given
          ? `unknown container "${quoted(given)}"; known: ${options.known.join(', ')}`
          : `":::" opens no named container (a closing marker without an opening one?)`;
        report(env, 'error', message, start, given || ':::');
      } else if (!MARKER_LINE.test(env.lines[end] ?? '')) {
        report(env, 'error', `"::: ${name}" is not closed: add a line ":::" after its content`, start, ':::');
      }
    }
  });
}
