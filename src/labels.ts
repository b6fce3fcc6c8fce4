// Every word the toolkit itself puts on a slide, a handout or an export, in the deck's language
// (front matter `lang`), with the quotation marks that language sets. One table per language; a
// language without one gets English, and the deck a warning that says so.

export interface Labels {
  /** Opening and closing double quotes, then single (nested) ones, as markdown-it's typographer takes them. */
  quotes: [string, string, string, string];
  /** The legend of a comparison's shared items: in two columns, and in more than two. */
  inBothLists: string;
  inSeveralLists: string;
  /** Read by screen readers after a shared item's mark. */
  shared: string;
  /** A slide's place in the deck. */
  slideOf: (slide: number, total: number) => string;
  /** A speaker note's line with the slide's planned time (PowerPoint notes). */
  plannedTime: (time: string) => string;
  /** The handout, where a slide has no notes. */
  noNotes: string;
}

const NBSP = '\u00a0';

const en: Labels = {
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'in both lists',
  inSeveralLists: 'in more than one list',
  shared: 'shared',
  slideOf: (slide, total) => `Slide ${slide} of ${total}`,
  plannedTime: (time) => `Planned time: ${time}`,
  noNotes: 'No notes for this slide.',
};

const de: Labels = {
  quotes: ['„', '“', '‚', '‘'],
  inBothLists: 'in beiden Listen',
  inSeveralLists: 'in mehr als einer Liste',
  shared: 'gemeinsam',
  slideOf: (slide, total) => `Folie ${slide} von ${total}`,
  plannedTime: (time) => `Geplante Zeit: ${time}`,
  noNotes: 'Keine Notizen zu dieser Folie.',
};

const fr: Labels = {
  quotes: [`«${NBSP}`, `${NBSP}»`, '“', '”'],
  inBothLists: 'dans les deux listes',
  inSeveralLists: 'dans plusieurs listes',
  shared: 'commun',
  slideOf: (slide, total) => `Diapositive ${slide} sur ${total}`,
  plannedTime: (time) => `Durée prévue${NBSP}: ${time}`,
  noNotes: 'Pas de notes pour cette diapositive.',
};

const es: Labels = {
  quotes: ['«', '»', '“', '”'],
  inBothLists: 'en ambas listas',
  inSeveralLists: 'en más de una lista',
  shared: 'compartido',
  slideOf: (slide, total) => `Diapositiva ${slide} de ${total}`,
  plannedTime: (time) => `Tiempo previsto: ${time}`,
  noNotes: 'Sin notas para esta diapositiva.',
};

const it: Labels = {
  quotes: ['«', '»', '“', '”'],
  inBothLists: 'in entrambe le liste',
  inSeveralLists: 'in più di una lista',
  shared: 'in comune',
  slideOf: (slide, total) => `Diapositiva ${slide} di ${total}`,
  plannedTime: (time) => `Tempo previsto: ${time}`,
  noNotes: 'Nessuna nota per questa diapositiva.',
};

const nl: Labels = {
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'in beide lijsten',
  inSeveralLists: 'in meer dan één lijst',
  shared: 'gedeeld',
  slideOf: (slide, total) => `Dia ${slide} van ${total}`,
  plannedTime: (time) => `Geplande tijd: ${time}`,
  noNotes: 'Geen notities bij deze dia.',
};

const pt: Labels = {
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'nas duas listas',
  inSeveralLists: 'em mais de uma lista',
  shared: 'em comum',
  slideOf: (slide, total) => `Diapositivo ${slide} de ${total}`,
  plannedTime: (time) => `Tempo previsto: ${time}`,
  noNotes: 'Sem notas para este diapositivo.',
};

/** Portugal's marks and words differ from Brazil's. */
const ptBR: Labels = {
  ...pt,
  slideOf: (slide, total) => `Slide ${slide} de ${total}`,
  noNotes: 'Sem notas para este slide.',
};
const ptPT: Labels = { ...pt, quotes: ['«', '»', '“', '”'] };

const TABLES: Record<string, Labels> = { en, de, fr, es, it, nl, pt, 'pt-br': ptBR, 'pt-pt': ptPT };

/** The languages with a table of their own, for messages. */
export const LABEL_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'] as const;

/** The labels for a BCP 47 language tag (`de`, `de-CH`, `pt-BR`), and whether the language has its own. */
export function labelsFor(lang: string): { labels: Labels; known: boolean } {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const [language = ''] = tag.split('-');
  const labels = TABLES[tag] ?? TABLES[language];
  return labels ? { labels, known: true } : { labels: en, known: false };
}
