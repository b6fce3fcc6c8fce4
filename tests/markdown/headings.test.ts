import { describe, expect, it } from 'vitest';
import { render, sectionHtml } from '../helpers.js';

const NBSP = '\u00a0';
const body = (source: string) => sectionHtml(render(source), 0);

describe('headings after a space other than a plain one', () => {
  it('are headings, as reveal.js makes them: a no-break space or another white space after the #s', () => {
    expect(body(`###${NBSP}Promises are…`)).toContain('<h3>Promises are…</h3>');
    expect(body(`#\u2003Title`)).toContain('<h1>Title</h1>');
    expect(body(`##${NBSP}Title ##`)).toContain('<h2>Title</h2>');
    expect(body(`##${NBSP}C#`)).toContain('<h2>C#</h2>');
  });

  it('end a paragraph above them and can be in quotes and lists', () => {
    expect(body(`Text\n##${NBSP}Title`)).toContain('<p>Text</p>\n<h2>Title</h2>');
    expect(body(`> ##${NBSP}Quoted`)).toContain('<blockquote>\n<h2>Quoted</h2>\n</blockquote>');
    expect(body(`- ##${NBSP}Item`)).toContain('<li>\n<h2>Item</h2>\n</li>');
  });

  it('are not headings in code, past six #s, or without white space after the #s', () => {
    expect(body(`\`\`\`\n##${NBSP}code\n\`\`\``)).not.toContain('<h2>');
    expect(body(`Text\n\n    ##${NBSP}code`)).not.toContain('<h2>');
    expect(body(`#######${NBSP}seven`)).toContain(`<p>#######${NBSP}seven</p>`);
    expect(body('#hashtag')).toContain('<p>#hashtag</p>');
  });
});
