// The `deck` command as a user runs it: a separate process, its output and its exit code.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve('bin/deck.js');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-cli-'));
});

function deck(...args: string[]) {
  return deckWith({}, ...args);
}

/** `deck` with extra environment variables (CHROME_PATH, say). */
function deckWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(path: string, content: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}

describe('deck build', () => {
  it('builds every deck in slides/ by default and says where', () => {
    write('slides/one.md', '# One\n\nNote: hi');
    write('slides/two.md', '# Two');
    const { code, stdout, stderr } = deck('build');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('dist/one/index.html  1 slides');
    expect(stdout).toMatch(/built 2 decks into dist\/ in \d+ ms/);
    expect(existsSync(join(dir, 'dist/two/index.html'))).toBe(true);
  });

  it('builds any Markdown file into --out', () => {
    write('talks/x.md', '# X');
    expect(deck('build', 'talks/x.md', '--out', 'site').code).toBe(0);
    expect(existsSync(join(dir, 'site/x/index.html'))).toBe(true);
  });

  it('prints the pacing plan with --verbose', () => {
    write('slides/t.md', '---\nduration: 1\n---\n\n# A\n\n---\n\n# B');
    const { stdout } = deck('build', '--verbose');
    expect(stdout).toContain('slide  line  time  starts at');
    expect(stdout).toMatch(/total\s+1:00 of 1:00 planned/);
  });

  it('prints deck errors as path:line:column, exits 1 and writes nothing', () => {
    write(
      'slides/bad.md',
      '---\ntitle: Bad\ncolour: red\n---\n\n# A\n\n::: compare\n### Only one\n:::\n\n![x](missing.png)\n',
    );
    const { code, stdout, stderr } = deck('build');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'slides/bad.md:3:1: error: unknown front matter key "colour"; known keys: title, author, date, description, theme, highlightTheme, css, lang, duration, html, reveal',
      'slides/bad.md:8:1: error: compare needs 2 to 4 columns, each starting with a "###" heading; found 1',
      'slides/bad.md:12:6: error: file not found: missing.png (looked in slides)',
      'deck: build failed: 3 errors; nothing was written',
    ]);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('reports a file that does not exist as a deck error', () => {
    const { code, stderr } = deck('build', 'nope.md');
    expect(code).toBe(1);
    expect(stderr).toContain('nope.md:1:1: error: no such file');
  });

  it('exits 2 on usage errors, without a stack trace', () => {
    for (const args of [['build', '--no-such-flag'], ['frobnicate'], []]) {
      const { code, stderr } = deck(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(deck('build').stderr).toContain('no decks to build');
    expect(deck('build').code).toBe(2);
  });

  it('shows help', () => {
    const { code, stdout } = deck('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('build [...decks]');
    expect(stdout).toContain('dev [deck]');
  });
});

describe('deck check', () => {
  it('prints findings and a summary; warnings fail only with --strict', () => {
    write('slides/quiet.md', '# Quiet\n\nNo notes on this slide.');
    const plain = deck('check');
    expect(plain.stdout.trim().split('\n')).toEqual([
      'slides/quiet.md:1:1: warning: slide 1 has no speaker notes; add a "Note:" line',
      '0 errors, 1 warning',
    ]);
    expect(plain.code).toBe(0);
    const strict = deck('check', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('deck: check failed: 0 errors, 1 warning (--strict)');
  });

  it('prints the same findings as JSON', () => {
    write('slides/quiet.md', '# Quiet\n\n![](https://example.org/x.png)\n\nNote: hi');
    const { code, stdout } = deck('check', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: { rule: string; line: number; severity: string }[];
      errors: number;
      warnings: number;
    };
    expect(report.findings.map((f) => [f.rule, f.line, f.severity])).toEqual(
      expect.arrayContaining([
        ['image-alt', 3, 'error'],
        ['remote', 3, 'warning'],
      ]),
    );
    expect(report.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });
});

describe('deck pdf without a browser', () => {
  it('prints one line and exits 1', () => {
    write('slides/t.md', '# T\n\nNote: hi');
    const { code, stderr } = deckWith({ CHROME_PATH: '/no/such/chrome' }, 'pdf', 'slides/t.md');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe('deck: CHROME_PATH points to /no/such/chrome, which does not exist');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 't.pdf'))).toBe(false);
  });

  it('says which browser failed, in one line, when it exits at once', () => {
    write('slides/t.md', '# T\n\nNote: hi');
    const { code, stderr } = deckWith({ CHROME_PATH: '/bin/false' }, 'pdf', 'slides/t.md');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'deck: cannot start /bin/false (it exited with code 1); set CHROME_PATH to use another Chrome or Chromium',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 't.pdf'))).toBe(false);
  });

  it('deck check says which browser failed, in one line, and exits 1', () => {
    write('slides/t.md', '# T\n\nNote: hi');
    const { code, stderr } = deckWith({ CHROME_PATH: '/bin/false' }, 'check', 'slides/t.md');
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^deck: cannot start \/bin\/false \(.+\); set CHROME_PATH to use another Chrome or Chromium$/,
    );
  });
});

describe('a file the disk refuses', () => {
  it('is an error of its own, not a bug report', () => {
    write('slides/t.md', '# T');
    write('out-file', 'not a folder');
    const { code, stderr } = deck('build', '--out', 'out-file/inside');
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^deck: cannot \w+ .*out-file.*: (ENOTDIR|EEXIST|ENOENT)$/);
    expect(stderr).not.toContain('bug');
  });
});
