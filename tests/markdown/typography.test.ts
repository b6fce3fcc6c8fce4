import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/markdown/index.js';

const render = (text: string, quotes?: [string, string, string, string]) =>
  markdown({ html: true, typographer: true, ...(quotes ? { quotes } : {}) }).render(text);

describe('typography', () => {
  it('sets dashes, ellipses, apostrophes and the quotation marks it is given', () => {
    expect(render('It\'s "here" -- 2020--2026 --- now...')).toBe('<p>It’s “here” – 2020–2026 — now…</p>\n');
    expect(render('Sie sagte: "Führung" und \'Management\'.', ['„', '“', '‚', '‘'])).toBe(
      '<p>Sie sagte: „Führung“ und ‚Management‘.</p>\n',
    );
    expect(render('"Bonjour"', ['«\u00a0', '\u00a0»', '“', '”'])).toBe('<p>«\u00a0Bonjour\u00a0»</p>\n');
  });

  it('leaves alone what is not a dash or an ellipsis, code, and bare web addresses', () => {
    expect(render('Options (a), (b), (c) and (tm), wait.. or ,, or +-')).toBe(
      '<p>Options (a), (b), (c) and (tm), wait.. or ,, or +-</p>\n',
    );
    expect(render('Run `a -- b "c"...` now')).toBe('<p>Run <code>a -- b &quot;c&quot;...</code> now</p>\n');
    expect(render('See https://example.com/a--b...c')).toBe(
      '<p>See <a href="https://example.com/a--b...c">https://example.com/a--b...c</a></p>\n',
    );
    expect(render('```\n"x" -- y...\n```')).toContain('&quot;x&quot; -- y...');
    expect(render('four ---- dashes stay, and four.... dots')).toBe(
      '<p>four ---- dashes stay, and four.... dots</p>\n',
    );
  });

  it('does nothing with the typographer off', () => {
    expect(markdown({ html: true }).render('It\'s "x" -- y...')).toBe("<p>It's &quot;x&quot; -- y...</p>\n");
  });
});

describe('quotations', () => {
  it('hangs the opening mark of a quotation in a blockquote, in any language’s marks', () => {
    expect(render('> "Lead by example," she said.')).toBe(
      '<blockquote>\n<p><span class="hanging-quote">“</span>Lead by example,” she said.</p>\n</blockquote>\n',
    );
    expect(render('> "Führung"', ['„', '“', '‚', '‘'])).toContain('<span class="hanging-quote">„</span>Führung“');
  });

  it('leaves a quotation outside a blockquote, or a blockquote that starts otherwise, as it is', () => {
    expect(render('"Not in a blockquote"')).toBe('<p>“Not in a blockquote”</p>\n');
    expect(render('> Plain start, "quoted" later')).not.toContain('hanging-quote');
  });
});
