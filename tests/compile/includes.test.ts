// Includes: `<!-- include: path.md -->` puts another file's slides in its place. Paths are relative
// to the including file, and so are the pictures in an included file; includes nest; a cycle, a
// missing file or a file outside the project is an error at the include line; every diagnostic
// names the file it is in, with its own line and column.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/model.js';
import { projectAt } from '../../src/platform/paths.js';
import { REPO, sectionHtml } from '../helpers.js';

const COURSES = 'tests/fixtures/courses';

async function compile(name: string, project = REPO) {
  const result = await compileDecks([join(project.root, `${COURSES}/${name}.md`)], project);
  return { deck: result.decks[0]!, lines: result.diagnostics.map(formatDiagnostic) };
}

describe('includes', () => {
  it("put the included file's slides in place of the include line, nested, without its front matter", async () => {
    const { deck, lines } = await compile('course');
    const { rendered } = deck;
    expect(rendered.meta.title).toBe('A course');
    expect(rendered.slides).toHaveLength(4);
    expect(sectionHtml(rendered, 1)).toContain('<h2>Opening</h2>');
    expect(sectionHtml(rendered, 2)).toContain('<h2>Agenda</h2>');
    expect(sectionHtml(rendered, 3)).toContain('<h2>Our own slide</h2>');
    expect(rendered.sectionsHtml).not.toContain('Opening, shown alone');
    expect(lines).toEqual([
      `${COURSES}/parts/opening.md:1:1: warning: front matter in an included file is ignored: the including deck's own applies`,
    ]);
    expect(deck.included).toEqual([
      join(REPO.root, COURSES, 'parts/opening.md'),
      join(REPO.root, COURSES, 'shared/agenda.md'),
    ]);
  });

  it('resolve pictures relative to the included file', async () => {
    const { rendered } = (await compile('course')).deck;
    expect(sectionHtml(rendered, 1)).toContain('<img src="assets/parts/img/pic.png" alt="The room">');
    expect(sectionHtml(rendered, 2)).toContain('<img src="assets/parts/img/pic.png" alt="A picture of the agenda">');
    expect(rendered.assets.map((asset) => asset.source)).toEqual(['parts/img/pic.png', 'parts/img/pic.png']);
  });

  it('plan the time of included slides with the rest', async () => {
    const { rendered } = (await compile('course')).deck;
    expect(rendered.slides.reduce((sum, slide) => sum + (slide.timing ?? 0), 0)).toBe(600);
    expect(rendered.slides.every((slide) => slide.hasNotes)).toBe(true);
  });

  it('report problems inside an included file at its own line and column', async () => {
    expect((await compile('broken')).lines).toEqual([
      `${COURSES}/broken.md:9:14: error: data-timing must be a positive number of seconds, not "soon"`,
      `${COURSES}/parts/broken-part.md:3:14: error: data-timing must be a positive number of seconds, not "later"`,
      `${COURSES}/parts/broken-part.md:5:20: error: file not found: img/none.png (looked in ${COURSES}/parts)`,
      `${COURSES}/parts/broken-part.md:7:6: error: HTML comment is not closed before its paragraph ends: add "-->"`,
    ]);
  });

  it('name the whole chain of a cycle, at the include line that closes it', async () => {
    expect((await compile('cycle')).lines).toEqual([
      `${COURSES}/parts/loop-b.md:3:15: error: include cycle: ${COURSES}/cycle.md → ${COURSES}/parts/loop-a.md → ${COURSES}/parts/loop-b.md → ${COURSES}/parts/loop-a.md; a file cannot include itself`,
    ]);
  });

  it('report a missing file, a file that is not Markdown, an absolute path and an empty include', async () => {
    const empty = 'warning: empty slide: it shows as a blank slide; remove the separator above it if that is not meant';
    expect((await compile('missing')).lines).toEqual([
      `${COURSES}/missing.md:3:15: error: cannot include "parts/nowhere.md": no such file (looked for ${COURSES}/parts/nowhere.md)`,
      `${COURSES}/missing.md:5:1: ${empty}`,
      `${COURSES}/missing.md:7:16: error: cannot include "parts/notes.txt": an include names a Markdown file (.md)`,
      `${COURSES}/missing.md:9:1: ${empty}`,
      `${COURSES}/missing.md:11:15: error: cannot include "/etc/part.md": write the path relative to this file`,
      `${COURSES}/missing.md:13:1: ${empty}`,
      `${COURSES}/missing.md:15:1: error: this include names no file: write <!-- include: path/to/part.md -->`,
    ]);
  });

  it('are text inside fenced code and inside another comment, and ignored with a warning elsewhere', async () => {
    const { deck, lines } = await compile('not-includes');
    expect(deck.included).toEqual([]);
    expect(deck.rendered.sectionsHtml).toContain('&lt;!-- include: parts/opening.md --&gt;');
    expect(deck.rendered.sectionsHtml).not.toContain('Opening');
    expect(lines).toEqual([
      `${COURSES}/not-includes.md:11:3: warning: an include must be on a line of its own, not inside a list or a quote; this one is ignored`,
      `${COURSES}/not-includes.md:13:11: warning: an include must be on a line of its own, not inside a paragraph; this one is ignored`,
      `${COURSES}/not-includes.md:15:1: warning: an include must be on a line of its own, not over several lines; this one is ignored`,
    ]);
  });

  it('refuse a file outside the project, named or reached through a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-includes-'));
    mkdirSync(join(dir, 'project/slides'), { recursive: true });
    writeFileSync(join(dir, 'secret.md'), '## Secret\n');
    symlinkSync(join(dir, 'secret.md'), join(dir, 'project/slides/link.md'));
    writeFileSync(
      join(dir, 'project/slides/deck.md'),
      '# Deck\n\n<!-- include: ../../secret.md -->\n\n---\n\n## Two\n\n<!-- include: link.md -->\n',
    );
    const project = projectAt(join(dir, 'project'));
    const result = await compileDecks([join(dir, 'project/slides/deck.md')], project);
    const outside = 'it is outside the project folder; copy it next to the deck';
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `slides/deck.md:3:15: error: cannot include "../../secret.md": ${outside}`,
      `slides/deck.md:9:15: error: cannot include "link.md": ${outside}`,
    ]);
    expect(result.decks[0]!.rendered.sectionsHtml).not.toContain('Secret');
  });

  it("read an included file's slide marks against the deck's variants, and report them in that file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-includes-'));
    mkdirSync(join(dir, 'slides/parts'), { recursive: true });
    writeFileSync(
      join(dir, 'slides/parts/extra.md'),
      '<!-- .slide: data-variant="full" -->\n## Extra\n\n---\n\n<!-- .slide: data-variant="lnog" -->\n## Typo\n',
    );
    writeFileSync(
      join(dir, 'slides/deck.md'),
      '---\nvariants: {short: {duration: 5}, full: {duration: 9}, long: {duration: 20}}\n---\n\n# Deck\n\n---\n\n<!-- include: parts/extra.md -->\n',
    );
    const result = await compileDecks([join(dir, 'slides/deck.md')], projectAt(dir), { variant: 'full' });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'slides/parts/extra.md:6:28: error: unknown variant "lnog"; did you mean "long"? this deck\'s variants: short, full, long',
    ]);
    expect(result.decks[0]!.rendered.sectionsHtml).toContain('<h2>Extra</h2>');
  });

  it('may take one file twice, and leave a deck without includes as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-includes-'));
    mkdirSync(join(dir, 'slides/parts'), { recursive: true });
    writeFileSync(join(dir, 'slides/parts/break.md'), '## Break\n\nNote: Ten minutes.\n');
    writeFileSync(
      join(dir, 'slides/deck.md'),
      '# Deck\n\n---\n\n<!-- include: parts/break.md -->\n\n---\n\n## Middle\n\n---\n\n<!-- include: parts/break.md -->\n',
    );
    writeFileSync(join(dir, 'slides/plain.md'), '# Plain\n\n---\n\n## Two\n');
    const project = projectAt(dir);
    const result = await compileDecks([join(dir, 'slides/deck.md'), join(dir, 'slides/plain.md')], project);
    expect(result.diagnostics).toEqual([]);
    const [deck, plain] = result.decks;
    expect(deck!.rendered.sectionsHtml.match(/<h2>Break<\/h2>/g)).toHaveLength(2);
    expect(deck!.included).toEqual([join(dir, 'slides/parts/break.md')]);
    expect(plain!.rendered.sourceMap).toBeUndefined();
    expect(plain!.included).toEqual([]);
  });
});
