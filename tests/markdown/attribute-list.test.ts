import { describe, expect, it } from 'vitest';
import { parseAttributeList } from '../../src/markdown/attribute-list.js';

describe('attribute lists', () => {
  it('reads quoted, single-quoted, bare and empty values', () => {
    const { attributes, problems } = parseAttributeList(' id="intro" class=\'a b\' data-timing=90 data-autoslide');
    expect(problems).toEqual([]);
    expect(attributes).toEqual({ id: 'intro', class: 'a b', 'data-timing': '90', 'data-autoslide': '' });
  });

  it('joins repeated classes', () => {
    expect(parseAttributeList('class="a" class="b"').attributes.class).toBe('a b');
  });

  it.each(['onclick="x()"', 'href="y"', 'src=z', 'ONLOAD=1'])('rejects %s with its offset', (text) => {
    const { attributes, problems } = parseAttributeList(`id="ok" ${text}`);
    expect(attributes).toEqual({ id: 'ok' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/is not allowed; use id, class, style or data-\*/);
    expect(problems[0]?.offset).toBe(8);
  });

  it('rejects script URLs in any value', () => {
    for (const value of ['javascript:alert(1)', 'JaVaScRiPt :x', 'java\tscript:x', 'expression(alert(1))']) {
      const { problems } = parseAttributeList(`data-background-iframe="${value}"`);
      expect(problems.map((p) => p.message)).toEqual(['attribute "data-background-iframe" contains a script URL']);
    }
  });

  it('reports text it cannot read', () => {
    expect(parseAttributeList('id="x" ="y"').problems[0]?.message).toMatch(/cannot read attribute/);
  });
});
