// markdown-it-container ships no types, and @types/markdown-it-container conflicts with the
// types markdown-it 15 ships itself.
declare module 'markdown-it-container' {
  import type { MarkdownIt, Renderer, Token } from 'markdown-it';

  interface ContainerOptions {
    marker?: string;
    validate?: (params: string, markup: string) => boolean;
    render?: (tokens: Token[], index: number, options: MarkdownIt['options'], env: unknown, self: Renderer) => string;
  }
  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
