// deck check on a built deck: text past its own box and content a box cuts off are errors at the
// line of the paragraph concerned; text that wraps in its box is not.

import { describe, expect, it } from 'vitest';
import { checkDecks } from '../../src/commands/check.js';
import { REPO } from '../helpers.js';

describe('deck check on text and its boxes', () => {
  it("reports text past its box and cut-off content at the element's line, and nothing where text wraps", async () => {
    const result = await checkDecks(['tests/fixtures/decks/text-boxes.md'], REPO);
    expect(
      result.findings.map((f) => `${f.line} ${f.severity} ${f.rule}: ${f.message.replace(/\d+ px/g, 'N px')}`),
    ).toEqual([
      '7 error text-overflow: slide 1 "A line that may not wrap": text "A sentence that runs on well p…" runs N px past its box; shorten it or let it wrap',
      '17 error clipped: slide 2 "Cut off": content of "Five lines of text in a box tw…" is cut off by its box (overflow: hidden), N px at the bottom hidden',
    ]);
  });
});
