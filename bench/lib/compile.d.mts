// Types for compile.mjs, so the TypeScript unit test can import it.
export interface InProcessComparison {
  oursMs: number;
  floorMs: number;
  ratio: number;
  iterations: number;
}
export function compareInProcess(options: {
  ours: () => unknown;
  floor: () => unknown;
  iterations: number;
  warmUpRuns: number;
  warmUpMs: number;
}): InProcessComparison;
export function repeatDeck(source: string, count: number): string;
export function splitDeck(source: string): { frontMatter: string; slides: string[] };
export function loadMainMarkdownIt(root: string): Promise<unknown>;
