// The per-slide pacing plan as a text table, for `deck build --verbose`.

import type { RenderedDeck } from '../model.js';
import { placeLine } from '../source-map.js';
import { clock } from '../wording.js';

export function pacingTable(deck: RenderedDeck): string {
  const rows = [['slide', 'line', 'time', 'starts at']];
  let elapsed = 0;
  for (const slide of deck.slides) {
    const number = slide.v > 0 ? `${slide.h + 1}.${slide.v + 1}` : `${slide.h + 1}`;
    const source = placeLine(deck.sourceMap, deck.file, slide.line);
    const line = source.file === deck.file ? String(source.line) : `${source.file}:${source.line}`;
    rows.push([number, line, slide.timing === undefined ? '-' : clock(slide.timing), clock(elapsed)]);
    elapsed += slide.timing ?? 0;
  }
  const planned = deck.meta.duration ? ` of ${deck.meta.duration}:00 planned` : '';
  rows.push(['total', '', clock(elapsed), '']);
  const widths = rows[0]!.map((_, c) => rows.reduce((widest, row) => Math.max(widest, row[c]!.length), 0));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => cell.padStart(widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}${planned}`;
}
