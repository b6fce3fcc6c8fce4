// A corpus of malformed decks and the exact diagnostics each must produce.
//
// tests/fixtures/bad/<name>.md is a deck an author might write; <name>.expected holds the lines the
// build prints for it (`path:line:column: severity: message`), in the order compileDecks returns them.
//
// Inputs that cannot live in git as text (not UTF-8, binary, a folder, a missing path, CRLF line
// endings, a byte order mark) are written to a temporary folder at run time: see RUNTIME_CASES.
//
// Paths in the expected lines are relative to the repository root, so run vitest from there.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDecks } from '../src/compile/compile.js';
import { formatDiagnostic } from '../src/model.js';
import { REPO } from './helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BAD = 'tests/fixtures/bad';
const names = readdirSync(join(ROOT, BAD));
const cases = (ext: string) =>
  names
    .filter((name) => name.endsWith(ext))
    .map((name) => name.slice(0, -ext.length))
    .sort();
const DECKS = cases('.md');
const EXPECTED = cases('.expected');

/** Lines of a text file as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split(/\r\n|\r|\n/);
  return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

const readLines = (path: string) =>
  readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .filter((line) => line !== '');

async function compile(path: string) {
  const result = await compileDecks([path], REPO);
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

describe('bad deck corpus', () => {
  it('has a .expected file for every deck, and a deck for each of those', () => {
    expect(EXPECTED).toEqual(DECKS);
    expect(EXPECTED.length).toBeGreaterThanOrEqual(28);
  });

  it('runs from the repository root, where the expected paths start', () => {
    expect(join(process.cwd(), '/')).toBe(ROOT);
  });

  it.each(EXPECTED)('%s', async (name) => {
    const path = `${BAD}/${name}.md`;
    const { diagnostics, lines } = await compile(path);
    expect(lines).toEqual(readLines(`${BAD}/${name}.expected`));
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const last = Math.max(lineCount(readFileSync(join(ROOT, path), 'utf8')), 1);
    for (const d of diagnostics) {
      expect(d.line, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
      expect(d.line, formatDiagnostic(d)).toBeLessThanOrEqual(last);
      expect(d.column, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
    }
  });
});

interface RuntimeCase {
  name: string;
  /** Creates the input under `dir` and returns the path to compile. */
  setup: (dir: string) => string;
  /** The exact diagnostic lines, given the path that was compiled. */
  expected: (path: string) => string[];
  /** False for binary input, whose "lines" mean nothing to an author. */
  text: boolean;
}

const RUNTIME_CASES: RuntimeCase[] = [
  {
    name: 'not UTF-8 (saved as Latin-1)',
    text: false,
    setup: (dir) => {
      const path = join(dir, 'latin1.md');
      writeFileSync(path, Buffer.from('# Leadership basics\n\n## Caf\xe9 culture\n\n- Se\xf1or managers\n', 'latin1'));
      return path;
    },
    expected: (path) => [`${path}:3:7: error: is not valid UTF-8 text; save it as UTF-8`],
  },
  {
    name: 'binary (PNG bytes)',
    text: false,
    setup: (dir) => {
      const path = join(dir, 'photo.md');
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      writeFileSync(path, png);
      return path;
    },
    expected: (path) => [`${path}:3:1: error: looks like a binary file, not Markdown text (it contains a NUL byte)`],
  },
  {
    name: 'a folder instead of a file',
    text: false,
    setup: (dir) => {
      const path = join(dir, 'talk.md');
      mkdirSync(path);
      return path;
    },
    expected: (path) => [`${path}:1:1: error: is a folder, not a Markdown file`],
  },
  {
    name: 'a path that does not exist',
    text: false,
    setup: (dir) => join(dir, 'no-such-deck.md'),
    expected: (path) => [`${path}:1:1: error: no such file`],
  },
  {
    name: 'CRLF line endings, missing image',
    text: true,
    setup: (dir) => {
      const path = join(dir, 'crlf.md');
      writeFileSync(path, '# Leadership basics\r\n\r\n---\r\n\r\n## The team\r\n\r\n![Team](img/team.jpg)\r\n');
      return path;
    },
    expected: (path) => [`${path}:7:9: error: file not found: img/team.jpg (looked in ${join(path, '..')})`],
  },
  {
    name: 'byte order mark before the front matter',
    text: true,
    setup: (dir) => {
      const path = join(dir, 'bom.md');
      writeFileSync(path, '\uFEFF---\ntitle: 2026\n---\n\n# Leadership basics\n');
      return path;
    },
    expected: (path) => [`${path}:2:8: error: front matter "title" must be text`],
  },
  {
    name: 'UTF-16 text (Windows "Unicode")',
    text: false,
    setup: (dir) => {
      const path = join(dir, 'utf16.md');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Leadership basics\n', 'utf16le')]));
      return path;
    },
    expected: (path) => [`${path}:1:1: error: is UTF-16 text, not UTF-8; save it as UTF-8`],
  },
  {
    name: 'not UTF-8 (an encoded surrogate)',
    text: false,
    setup: (dir) => {
      const path = join(dir, 'cesu.md');
      writeFileSync(
        path,
        Buffer.concat([Buffer.from('# Talk\n\n- Smile '), Buffer.from([0xed, 0xa0, 0xbd]), Buffer.from('\n')]),
      );
      return path;
    },
    expected: (path) => [`${path}:3:9: error: is not valid UTF-8 text; save it as UTF-8`],
  },
  {
    // Diagnostics name a file relative to the working folder, however it was given.
    name: 'a missing path given as ./…',
    text: false,
    setup: () => `./${BAD}/does-not-exist.md`,
    expected: () => [`${BAD}/does-not-exist.md:1:1: error: no such file`],
  },
];

describe('bad inputs made at run time', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deck-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(RUNTIME_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = c.setup(dir);
    const { diagnostics, lines } = await compile(path);
    expect(lines).toEqual(c.expected(path));
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const last = c.text ? Math.max(lineCount(readFileSync(path, 'utf8')), 1) : Number.POSITIVE_INFINITY;
    for (const d of diagnostics) {
      expect(d.line, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
      expect(d.line, formatDiagnostic(d)).toBeLessThanOrEqual(last);
      expect(d.column, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('deck build on bad decks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deck-bad-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['front-matter-unknown-key', 'missing-image', 'several-render-errors'])(
    '%s: exits 1, prints the diagnostics and writes nothing',
    (name) => {
      const out = join(dir, name);
      const run = spawnSync(process.execPath, ['bin/deck.js', 'build', `${BAD}/${name}.md`, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(1);
      const stderr = run.stderr.split('\n').filter((line) => line !== '');
      const expected = readLines(`${BAD}/${name}.expected`);
      expect(stderr.slice(0, -1)).toEqual(expected);
      expect(stderr[stderr.length - 1]).toMatch(/^deck: build failed: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    },
  );
});
