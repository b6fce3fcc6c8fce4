// YAML front matter between two `---` lines at the very top of the file.

import { isMap, isScalar, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import type { DeckMeta, Diagnostic } from '../model.js';

export interface FrontMatter {
  /** The validated keys; absent keys are left out. */
  values: Partial<DeckMeta>;
  /** Index of the first line after the front matter (0 when there is none). */
  bodyStartIndex: number;
  /** Line of each key, for diagnostics about its value found later. */
  keyLines: Partial<Record<keyof DeckMeta, number>>;
  diagnostics: Diagnostic[];
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : 'must be text');
const KEYS: Record<keyof DeckMeta, Check> = {
  title: (v) => isString(v) ?? ((v as string).trim() ? undefined : 'must not be empty'),
  author: isString,
  date: isString,
  description: isString,
  theme: isString,
  lang: (v) =>
    isString(v) ??
    (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v as string) ? undefined : 'must be a language tag such as en or pt-BR'),
  duration: (v) =>
    typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'must be a positive number of minutes',
  html: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  reveal: (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : 'must be a map of reveal.js options',
};

const DELIMITER = /^---\s*$/;
const CLOSER = /^(?:---|\.\.\.)\s*$/;

export function parseFrontMatter(lines: readonly string[], file: string): FrontMatter {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line: number, column = 1) =>
    diagnostics.push({ severity: 'error', message, file, line, column });

  if (lines.length === 0 || !DELIMITER.test(lines[0] ?? '')) {
    return { values: {}, bodyStartIndex: 0, keyLines: {}, diagnostics };
  }
  const closeIndex = lines.findIndex((line, i) => i > 0 && CLOSER.test(line));
  if (closeIndex < 0) {
    error('front matter is not closed: add a line "---" after it', 1);
    return { values: {}, bodyStartIndex: lines.length, keyLines: {}, diagnostics };
  }

  const yamlText = lines.slice(1, closeIndex).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Front matter text starts on the file's second line.
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  for (const problem of document.errors) {
    const { line, column } = at(problem.pos[0]);
    error(`invalid YAML in front matter: ${firstLine(problem.message)}`, line, column);
  }
  if (document.errors.length > 0) return { values: {}, bodyStartIndex: closeIndex + 1, keyLines: {}, diagnostics };

  const values: Record<string, unknown> = {};
  const keyLines: Partial<Record<keyof DeckMeta, number>> = {};
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    const { line, column } = at(rangeStart(contents));
    error('front matter must be a map of keys such as title: and author:', line, column);
  } else if (contents) {
    for (const pair of contents.items as Pair<Node, Node>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyPos = at(rangeStart(pair.key));
      const check = KEYS[key as keyof DeckMeta];
      if (!check) {
        error(
          `unknown front matter key "${key}"; known keys: ${Object.keys(KEYS).join(', ')}`,
          keyPos.line,
          keyPos.column,
        );
        continue;
      }
      const value = pair.value ? pair.value.toJSON() : null;
      const problem = check(value);
      if (problem) {
        const valuePos = pair.value ? at(rangeStart(pair.value)) : keyPos;
        error(`front matter "${key}" ${problem}`, valuePos.line, valuePos.column);
        continue;
      }
      values[key] = value;
      keyLines[key as keyof DeckMeta] = keyPos.line;
    }
  }
  return { values: values as Partial<DeckMeta>, bodyStartIndex: closeIndex + 1, keyLines, diagnostics };
}

function rangeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
