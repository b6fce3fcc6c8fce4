// Builds the tokens a comparison layout renders to, in order.

import type { StateCore, Token } from 'markdown-it';

type Attrs = [string, string][];

export class TokenBuilder {
  readonly tokens: Token[] = [];
  constructor(private readonly state: StateCore) {}

  /** A new block token; `from` lends it its source line, for `deck check`. */
  add(type: string, tag: string, nesting: Token['nesting'], attrs: Attrs = [], from?: Token): Token {
    const token = new this.state.Token(type, tag, nesting);
    token.block = true;
    if (attrs.length > 0) token.attrs = attrs;
    if (from?.map) token.map = from.map;
    this.tokens.push(token);
    return token;
  }

  /** A new inline token, to place among an inline token's children. */
  inline(type: string): Token {
    return new this.state.Token(type, '', 0);
  }

  append(tokens: readonly Token[]): void {
    for (const token of tokens) this.tokens.push(token);
  }
}
