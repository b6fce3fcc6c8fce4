// Images and links that point at files next to the deck: each is recorded as an asset for the
// build to copy, and its URL rewritten to where the copy will be.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { assetOutputPath, assetOutputUrl, isLocalUrl, localPath } from '../assets.js';
import { envOf, locate, type RenderEnv } from '../env.js';

const ASSET_ATTRIBUTES = ['src', 'href', 'data-src', 'data-background-image', 'data-background-video'];

/** A link to a file with an extension (a worksheet, a PDF); links to pages or anchors stay. */
const isFileLink = (url: string) =>
  /\.[a-z0-9]{1,8}$/i.test(localPath(url)) && !/\.(?:md|html?)$/i.test(localPath(url));

function rewrite(token: Token, env: RenderEnv, line: number): void {
  for (const name of ASSET_ATTRIBUTES) {
    const value = token.attrGet(name);
    if (value === null) continue;
    const url = String(value);
    if (!isLocalUrl(url)) continue;
    if (name === 'href' && !isFileLink(url)) continue;
    const source = localPath(url);
    env.assets.push({ source, output: assetOutputPath(url), ...locate(env, line, source) });
    token.attrSet(name, assetOutputUrl(url));
  }
}

function localAssetsRule(state: StateCore): void {
  const env = envOf(state);
  let line = 0;
  for (const token of state.tokens) {
    if (token.map) line = token.map[0];
    rewrite(token, env, line);
    for (const child of token.children ?? []) rewrite(child, env, line);
  }
}

export function localAssets(md: MarkdownIt): void {
  md.core.ruler.push('deck_local_assets', localAssetsRule);
}
