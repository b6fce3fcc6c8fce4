// Text and attribute values into HTML (and SVG): the one escaping function every output uses.

const SPECIAL = /[&<>"]/;
const SPECIAL_ALL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeHtml = (text: string): string =>
  // Most text has nothing to escape: one test instead of a copy.
  SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (char) => ENTITIES[char]!) : text;
