// The pages of the live room that are not the deck: the presenter's view and the remote, which
// the room's script fills in, and the page a visitor without the token gets instead.

import { ROOM_CONFIG_ID, type RoomPageConfig } from '../contract.js';
import { escapeHtml } from '../escape.js';
import { scriptJson } from './page.js';

export interface RoomShellOptions {
  title: string;
  lang?: string;
  /** Without a config, the page only says `message`. */
  config?: RoomPageConfig;
  message?: string;
  script?: string;
  style?: string;
  contentSecurityPolicy?: string;
}

export function roomShellPage(options: RoomShellOptions): string {
  const head = [
    '<meta charset="utf-8">',
    // A phone held in one hand: no zooming by double tap on the buttons.
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    options.contentSecurityPolicy
      ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.contentSecurityPolicy)}">`
      : '',
    `<title>${escapeHtml(options.title)}</title>`,
    options.style ? `<link rel="stylesheet" href="${escapeHtml(options.style)}">` : '',
  ].filter(Boolean);
  const body = options.config
    ? [
        `<script type="application/json" id="${ROOM_CONFIG_ID}">${scriptJson(options.config)}</script>`,
        options.script ? `<script src="${escapeHtml(options.script)}"></script>` : '',
      ]
    : [`<p style="font: 20px/1.5 sans-serif; margin: 2rem">${escapeHtml(options.message ?? '')}</p>`];
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
${head.join('\n')}
</head>
<body class="deck-room-${escapeHtml(options.config?.role ?? 'message')}">
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}
