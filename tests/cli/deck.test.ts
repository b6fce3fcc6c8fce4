// The `deck` command as a user runs it: a separate process, its output and its exit code.

import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fileTree } from '../helpers.js';

const BIN = resolve('bin/deck.js');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-cli-'));
});

function deck(...args: string[]) {
  return deckWith({}, ...args);
}

/** `deck` with extra environment variables (CHROME_PATH, say) or spawn options. */
function deckWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run({ env: { ...process.env, ...env } }, args);
}

function run(options: SpawnSyncOptions, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
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
    expect(stdout).toContain('dist/one/index.html  1 slide\n');
    expect(stdout).toMatch(/built 2 decks into dist\/ in \d+ ms\n$/);
    expect(existsSync(join(dir, 'dist/two/index.html'))).toBe(true);
    // Each deck's first slide, as a picture beside its title on the index page.
    expect(readFileSync(join(dir, 'dist/one/thumbnail.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain(
      '<img class="thumbnail" src="two/thumbnail.png" alt="" width="240" loading="lazy">',
    );
  });

  it('builds without thumbnails when no browser can take them, and says why', () => {
    write('slides/one.md', '# One');
    const { code, stderr } = deckWith({ CHROME_PATH: join(dir, 'no-such-browser') }, 'build');
    expect(code).toBe(0);
    expect(stderr).toBe(
      `deck: the index page has no thumbnails: CHROME_PATH points to ${join(dir, 'no-such-browser')}, which does not exist\n`,
    );
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toContain('<img');
    expect(deck('build', '--no-thumbnails').stderr).toBe('');
  });

  it('rebuilds one deck without touching the others, and the index still lists them all', () => {
    write('slides/one.md', '# One');
    write('slides/two.md', '# Two\n\n---\n\n# Two, again');
    expect(deck('build').code).toBe(0);
    const two = fileTree(join(dir, 'dist/two'));
    write('slides/one.md', '---\ntitle: One, revised\n---\n\n# One');
    const { code, stdout } = deck('build', 'slides/one.md');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^dist\/one\/index\.html {2}1 slide\nbuilt 1 deck into dist\/ in \d+ ms; its index also lists 1 deck built before\n$/,
    );
    expect(fileTree(join(dir, 'dist/two'))).toEqual(two);
    const index = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    expect(index).toContain('<a href="one/index.html">One, revised</a>');
    expect(index).toContain('<a href="two/index.html">Two</a>');
    expect(index).toContain('<p class="facts">2 slides</p>');
  });

  it('builds any Markdown file into --out', () => {
    write('talks/x.md', '# X');
    expect(deck('build', 'talks/x.md', '--out', 'site', '--no-thumbnails').code).toBe(0);
    expect(existsSync(join(dir, 'site/x/index.html'))).toBe(true);
  });

  it('builds one HTML file with --single-file, and says how large it is', () => {
    write('slides/t.md', '# One file');
    const { stdout, code } = deck('build', '--single-file', 'slides/t.md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^dist\/t\.html {2}1 slide, \d+ KB in one file\nbuilt 1 deck into dist\/ in \d+ ms\n$/);
    expect(readFileSync(join(dir, 'dist/t.html'), 'utf8')).toContain('One file');
  });

  it('prints the pacing plan with --verbose', () => {
    write('slides/t.md', '---\nduration: 1\n---\n\n# A\n\n---\n\n# B');
    const { stdout } = deck('build', '--verbose', '--no-thumbnails');
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
      'slides/bad.md:3:1: error: unknown front matter key "colour"; known keys: title, author, date, description, theme, highlightTheme, css, lang, duration, html, reveal, revealOptions, separator, verticalSeparator, notesSeparator, variants',
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

describe('deck new', () => {
  it('writes a starter deck into slides/ and says what to run next', () => {
    const { code, stdout, stderr } = deck('new', 'onboarding');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'wrote slides/onboarding.md',
      'Next:',
      '  deck dev slides/onboarding.md            present it; the browser shows each edit as you save',
    ]);
    expect(stdout).toContain('deck pdf --handout slides/onboarding.md');
    expect(readFileSync(join(dir, 'slides/onboarding.md'), 'utf8')).toContain('title: "Onboarding"');
  });

  it('never writes over a deck, and says so with a usage error', () => {
    write('slides/onboarding.md', '# Mine\n');
    const { code, stderr } = deck('new', 'onboarding');
    expect(code).toBe(2);
    expect(stderr).toBe('deck: slides/onboarding.md already exists; choose another name, or edit that deck\n');
    expect(readFileSync(join(dir, 'slides/onboarding.md'), 'utf8')).toBe('# Mine\n');
  });
});

describe('builds of variants and includes', () => {
  it('builds each variant, with --verbose printing its plan and naming included files in it', () => {
    write('slides/parts/break.md', '## Break\n\nNote: Ten minutes.\n');
    write(
      'slides/course.md',
      '---\nduration: 10\nvariants: {short: {duration: 4}, full: {}}\n---\n\n# Course\n\nNote: hi\n\n---\n\n<!-- include: parts/break.md -->\n\n---\n\n<!-- .slide: data-variant="full" -->\n## More\n\nNote: more\n',
    );
    const { code, stdout } = deck('build', '--verbose');
    expect(code).toBe(0);
    expect(stdout).toContain('dist/course-short/index.html  2 slides');
    expect(stdout).toContain('dist/course-full/index.html  3 slides');
    expect(stdout).toMatch(/ {4}2 {2}slides\/parts\/break\.md:1 {3}\d:\d\d {7}\d:\d\d/);
    expect(stdout).toMatch(/total\s+4:00 of 4:00 planned/);
    expect(stdout).toMatch(/total\s+10:00 of 10:00 planned/);
    const only = deck('build', '--variant', 'full', '--out', 'one');
    expect(only.stdout).toContain('one/course-full/index.html  3 slides');
    expect(existsSync(join(dir, 'one/course-short'))).toBe(false);
  });
});

describe('deck --version and deck help', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = deck(flag);
      expect(code, flag).toBe(0);
      expect(stdout.split(' ')[0], flag).toBe(`deck/${version}`);
    }
  });

  it('`deck help <command>` is `deck <command> --help`', () => {
    for (const command of ['build', 'dev', 'pdf', 'pptx', 'png', 'present', 'check']) {
      const help = deck('help', command);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`$ deck ${command} `);
      expect(help.stdout, command).toBe(deck(command, '--help').stdout);
    }
    expect(deck('help').stdout).toBe(deck('--help').stdout);
  });

  it('`deck help` of an unknown command is a usage error', () => {
    const { code, stdout, stderr } = deck('help', 'publish');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('deck: unknown command "publish"; see deck --help\n');
  });
});

describe('the deck dev and pdf work on', () => {
  it('is the one named, else the only deck in slides/', () => {
    write('slides/only.md', '# Only');
    const { code, stderr } = deckWith({ CHROME_PATH: '/no/such/chrome' }, 'pdf');
    expect(code).toBe(1);
    expect(stderr).toContain('CHROME_PATH points to /no/such/chrome');
    expect(existsSync(join(dir, 'only.pdf'))).toBe(false);
  });

  it('must be named when slides/ holds several, or none', () => {
    write('slides/a.md', '# A');
    write('slides/b.md', '# B');
    for (const command of ['dev', 'pdf']) {
      const { code, stderr } = deck(command);
      expect(code, command).toBe(2);
      expect(stderr, command).toBe(
        `deck: slides/ holds 2 decks (slides/a.md, slides/b.md); name one, e.g. deck ${command} slides/a.md\n`,
      );
    }
  });

  it('must exist when there is no slides/ folder', () => {
    for (const command of ['dev', 'pdf']) {
      const { code, stderr } = deck(command);
      expect(code, command).toBe(2);
      expect(stderr, command).toMatch(/^deck: no deck to (dev|pdf): name a Markdown file or add one to slides\/\n$/);
    }
  });
});

describe('deck dev', () => {
  it('on a file that does not exist exits at once with the usual diagnostic', () => {
    // A server would keep running: the time limit would stop it, with no exit code.
    const { code, stdout, stderr } = run({ timeout: 20_000 }, ['dev', 'talks/nope.md']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('talks/nope.md:1:1: error: no such file\ndeck: nothing to present\n');
  });
});

describe('deck present', () => {
  it('prints exactly the three addresses, serves until Ctrl+C, and leaves no temporary folder', async () => {
    write('slides/talk.md', '# Talk\n\nNote: say hello');
    const tmp = mkdtempSync(join(tmpdir(), 'deck-present-tmp-'));
    const child = spawn(process.execPath, [BIN, 'present', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 30_000;
    while (stdout.split('\n').length < 4 && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 50));
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^audience: {2}http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = /:(\d+)\//.exec(lines[0]!)![1];
    const token = /token=([\w-]+)$/.exec(lines[1]!)?.[1];
    expect(token).toBeDefined();
    expect(lines[1]).toBe(`presenter: http://127.0.0.1:${port}/present?token=${token}`);
    expect(lines[2]).toBe(`remote:    http://127.0.0.1:${port}/remote?token=${token}`);
    // The token is in those lines only; the terminal also gets the audience address as a QR code.
    expect(stderr).not.toContain(token);
    expect(stderr).toMatch(/[▀▄█]/);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(readdirSync(tmp)).toHaveLength(1);
    // A page that sends nonsense: counted, and said when the room stops.
    const page = new WebSocket(`ws://127.0.0.1:${port}/room`, { origin: `http://127.0.0.1:${port}` });
    await new Promise((open) => page.once('open', open));
    page.send('nonsense');
    page.send(JSON.stringify({ type: 'next' }));
    await new Promise((wait) => setTimeout(wait, 300));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('deck: the room ignored 1 malformed message and 1 command from pages without the token');
    page.terminate();
    expect(stdout.split('\n')).toHaveLength(4);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('stops at once on a deck with errors, at their line and column', () => {
    write('talk.md', '# A\n\n---\n\n<!-- .slide: data-countdown="soon" -->\n## B');
    const { code, stdout, stderr } = run({ timeout: 20_000 }, ['present', 'talk.md', '--port', '0']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'talk.md:5:14: error: data-countdown must be a number of seconds from 1 to 86400, not "soon"\ndeck: cannot present: 1 error\n',
    );
    expect(run({ timeout: 20_000 }, ['present', 'nope.md']).code).toBe(1);
  });

  it('says so when the port is taken', async () => {
    write('talk.md', '# A');
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    try {
      const result = spawnSync(process.execPath, [BIN, 'present', 'talk.md', '--port', String(port)], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`deck: port ${port} is in use; choose another with --port, or leave --port out\n`);
    } finally {
      blocker.close();
    }
  });
});

describe('deck pdf options', () => {
  it('--handout is trainer or participants, and a deck named right after it is the deck', () => {
    write('slides/t.md', '# T');
    const bogus = deck('pdf', 'slides/t.md', '--handout', 'everyone');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('deck: --handout is "trainer" (the default) or "participants", not "everyone"\n');
    // Read as `--handout` with the deck named: the usage error below comes after the flag is understood.
    const named = deck('pdf', '--handout', 'slides/t.md', '--fragments');
    expect(named.stderr).toBe('deck: --fragments and --handout do not go together\n');
    const participants = deck('pdf', 'slides/t.md', '--handout', 'participants', '--fragments');
    expect(participants.stderr).toBe('deck: --fragments and --handout do not go together\n');
  });

  it('exports each variant of a deck to its own file, and only the first to the one file --out names', () => {
    write('slides/v.md', '---\nvariants: {short: {duration: 5}, full: {duration: 10}}\n---\n\n# V\n');
    const { code, stdout, stderr } = deck('pptx', 'slides/v.md', '--out', 'v.pptx');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe(
      'deck: slides/v.md has 2 variants (short, full); --out gets the first, "short" (--variant picks another)',
    );
    expect(stdout).toBe('v.pptx  1 slide\n');
    expect(existsSync(join(dir, 'v-short.pptx'))).toBe(false);
  });

  it('--paper without --handout is a usage error', () => {
    write('slides/t.md', '# T');
    const { code, stderr } = deck('pdf', 'slides/t.md', '--paper', 'letter');
    expect(code).toBe(2);
    expect(stderr).toBe('deck: --paper sets the handout paper; it goes with --handout\n');
  });

  it('--fragments writes <deck>-fragments.pdf by default, not the plain <deck>.pdf', () => {
    // The destination is checked before the browser starts: a folder in its place names it.
    write('slides/t.md', '# T');
    mkdirSync(join(dir, 't-fragments.pdf'));
    const { code, stderr } = deck('pdf', 'slides/t.md', '--fragments');
    expect(code).toBe(2);
    expect(stderr).toBe('deck: --out t-fragments.pdf is a folder, not a file; name a file\n');
  });
});

describe('deck pptx', () => {
  it('writes <deck>.pptx, says so with its slide count, and progress goes to stderr', () => {
    write('slides/t.md', '# One\n\nNote: first\n\n---\n\n# Two\n\nNote: second');
    const { code, stdout, stderr } = deck('pptx');
    expect(stderr.split('\n')).toEqual(['loading deck', 'laying out 2 slides', `writing ${join(dir, 't.pptx')}`, '']);
    expect(stdout).toBe('t.pptx  2 slides\n');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 't.pptx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('--fragments writes <deck>-fragments.pptx by default; a deck with errors writes nothing', () => {
    write('slides/t.md', '# T');
    mkdirSync(join(dir, 't-fragments.pptx'));
    const taken = deck('pptx', 'slides/t.md', '--fragments');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe('deck: --out t-fragments.pptx is a folder, not a file; name a file\n');
    write('slides/t.md', '# T\n\n![](missing.png)');
    const broken = deck('pptx', 'slides/t.md');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('slides/t.md:3:5: error: file not found: missing.png');
    expect(existsSync(join(dir, 't.pptx'))).toBe(false);
  });
});

describe('deck png', () => {
  it('writes <deck>-images/ with one image per slide, and says so with their count and size', () => {
    write('slides/t.md', '# One\n\n---\n\n# Two');
    const { code, stdout, stderr } = deck('png', '--size', '640x360');
    expect(stderr.split('\n')).toEqual([
      'loading deck',
      'taking 2 images, one per slide, at 640x360',
      'writing 2 images to t-images',
      '',
    ]);
    expect(stdout).toBe('t-images/  2 images of 640x360\n');
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 't-images')).sort()).toEqual(['.deck-png', 'slide-01.png', 'slide-02.png']);
  });

  it('refuses a size it cannot read, before any work, and a deck with errors writes nothing', () => {
    write('slides/t.md', '# T');
    const wrong = deck('png', '--size', '1920by1080');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'deck: --size must be WIDTHxHEIGHT in pixels, each from 16 to 8192, such as 1920x1080; not "1920by1080"\n',
    );
    write('slides/t.md', '# T\n\n![](missing.png)');
    const broken = deck('png', 'slides/t.md', '--fragments');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('slides/t.md:3:5: error: file not found: missing.png');
    expect(existsSync(join(dir, 't-fragment-images'))).toBe(false);
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

describe('--out problems', () => {
  // The deck has an error: that the compile never ran shows in its diagnostic never being printed.
  const BROKEN = '# T\n\n![x](missing.png)\n';

  it.each([
    [
      'a file where a folder is expected',
      'notes.txt',
      2,
      'deck: --out notes.txt is a file, not a folder; choose a folder',
    ],
    ['a folder under a file', 'notes.txt/site', 2, 'deck: --out notes.txt/site: notes.txt is a file, not a folder'],
    [
      'a folder not made by a build',
      'docs',
      2,
      'deck: docs exists and was not made by deck build; choose another --out or remove it',
    ],
    [
      'a folder that would swallow the sources',
      '.',
      2,
      'deck: --out . would replace the current folder; choose a separate output folder',
    ],
    ['the slides folder', 'slides', 2, 'deck: --out slides would replace slides; choose a separate output folder'],
  ])('%s is reported before any work', (_, out, exitCode, message) => {
    write('slides/t.md', BROKEN);
    write('notes.txt', 'keep me');
    write('docs/keep.txt', 'precious');
    const { code, stdout, stderr } = deck('build', '--out', out);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'docs/keep.txt'), 'utf8')).toBe('precious');
  });

  it('an unwritable place is reported before any work, as a disk error', () => {
    write('slides/t.md', BROKEN);
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    // root may write anywhere: run as nobody then, who may enter the test's folder but not write in locked/.
    const root = process.getuid?.() === 0;
    if (root) for (const folder of [dirname(dir), dir]) chmodSync(folder, 0o711);
    const asUser = root ? { uid: 65534, gid: 65534 } : {};
    const { code, stdout, stderr } = run(asUser, ['build', '--out', 'locked/site']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('deck: --out locked/site: cannot write to locked (permission denied)\n');
  });

  it('for deck pdf: a folder that does not exist, or the deck itself', () => {
    write('slides/t.md', BROKEN);
    const missing = deck('pdf', 'slides/t.md', '--out', 'exports/t.pdf');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('deck: --out exports/t.pdf: the folder exports does not exist\n');
    const itself = deck('pdf', 'slides/t.md', '--out', 'slides/t.md');
    expect(itself.code).toBe(2);
    expect(itself.stderr).toBe('deck: --out slides/t.md is the deck itself; name a PDF file\n');
    expect(readFileSync(join(dir, 'slides/t.md'), 'utf8')).toBe(BROKEN);
  });
});
