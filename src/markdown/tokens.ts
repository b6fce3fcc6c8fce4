// Walking markdown-it's flat token stream: opening and closing tokens pair up by nesting.

import type { Token } from 'markdown-it';

/** Index of the token that closes the one opened at `index` (the last token if none does). */
export function closingIndex(tokens: readonly Token[], index: number): number {
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Index of the token that opened the one closed at `index` (-1 if none did). */
export function openingIndex(tokens: readonly Token[], index: number): number {
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return -1;
}

/** The token that opened the one closed at `index`. */
export function openingToken(tokens: readonly Token[], index: number): Token | undefined {
  return tokens[openingIndex(tokens, index)];
}
