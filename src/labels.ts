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
  /** A talk's length and size, on a handout's cover. */
  minutes: (count: number) => string;
  slides: (count: number) => string;
  /** A variant of a deck, as a handout names it: "short version". */
  variant: (name: string) => string;
  /** The words of the handouts (html/handout-page.ts). */
  handout: {
    trainerHint: string;
    participantsHint: string;
    continued: string;
    continuesOverleaf: string;
    ownNotes: string;
    /** `{page}` and `{pages}` are filled in as the pages are counted. */
    pageOf: string;
    /** A slide's plan: when it starts in the talk, and how long it takes (both clock times). */
    plan: (start: string, length: string) => string;
    documentTitle: (title: string, kind: 'trainer' | 'participants') => string;
  };
  /** What the live room shows its audience (runtime/room/audience.ts). */
  room: {
    countdown: string;
    timeIsUp: string;
    follow: string;
    followHint: string;
    reconnecting: string;
    joinTitle: string;
    joinHint: string;
    joinCodeAlt: string;
  };
}

const NBSP = '\u00a0';

const en: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minute' : 'minutes'}`,
  slides: (count) => `${count} ${count === 1 ? 'slide' : 'slides'}`,
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'in both lists',
  inSeveralLists: 'in more than one list',
  shared: 'shared',
  slideOf: (slide, total) => `Slide ${slide} of ${total}`,
  plannedTime: (time) => `Planned time: ${time}`,
  noNotes: 'No notes for this slide.',
  variant: (name) => `${name} version`,
  handout: {
    trainerHint: 'Each slide with its planned start and length, and the trainer’s notes beside it.',
    participantsHint: 'Each slide with room for your own notes beside it.',
    continued: '(continued)',
    continuesOverleaf: 'continued on the next page',
    ownNotes: 'Notes',
    pageOf: 'Page {page} of {pages}',
    plan: (start, length) => `starts ${start} · ${length}`,
    documentTitle: (title, kind) => (kind === 'trainer' ? `${title}: handout` : `${title}: participants’ handout`),
  },
  room: {
    countdown: 'Countdown',
    timeIsUp: 'Time is up',
    follow: 'Follow',
    followHint: 'You are looking around on your own. Follow the presenter again:',
    reconnecting: 'Reconnecting…',
    joinTitle: 'Follow along on your phone or laptop',
    joinHint: 'Scan the code or type the address:',
    joinCodeAlt: 'QR code of the audience address',
  },
};

const de: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'Minute' : 'Minuten'}`,
  slides: (count) => `${count} ${count === 1 ? 'Folie' : 'Folien'}`,
  quotes: ['„', '“', '‚', '‘'],
  inBothLists: 'in beiden Listen',
  inSeveralLists: 'in mehr als einer Liste',
  shared: 'gemeinsam',
  slideOf: (slide, total) => `Folie ${slide} von ${total}`,
  plannedTime: (time) => `Geplante Zeit: ${time}`,
  noNotes: 'Keine Notizen zu dieser Folie.',
  variant: (name) => `Fassung ${name}`,
  handout: {
    trainerHint: 'Jede Folie mit geplantem Beginn und Dauer, daneben die Notizen für die Trainerin oder den Trainer.',
    participantsHint: 'Jede Folie mit Platz für Ihre eigenen Notizen daneben.',
    continued: '(Fortsetzung)',
    continuesOverleaf: 'weiter auf der nächsten Seite',
    ownNotes: 'Notizen',
    pageOf: 'Seite {page} von {pages}',
    plan: (start, length) => `beginnt ${start} · ${length}`,
    documentTitle: (title, kind) => (kind === 'trainer' ? `${title}: Handout` : `${title}: Handout für Teilnehmende`),
  },
  room: {
    countdown: 'Countdown',
    timeIsUp: 'Die Zeit ist um',
    follow: 'Folgen',
    followHint: 'Sie sehen sich gerade selbst um. Wieder der Präsentation folgen:',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    joinTitle: 'Auf dem Handy oder Laptop mitlesen',
    joinHint: 'Code scannen oder Adresse eingeben:',
    joinCodeAlt: 'QR-Code der Adresse für das Publikum',
  },
};

const fr: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minute' : 'minutes'}`,
  slides: (count) => `${count} ${count === 1 ? 'diapositive' : 'diapositives'}`,
  quotes: [`«${NBSP}`, `${NBSP}»`, '“', '”'],
  inBothLists: 'dans les deux listes',
  inSeveralLists: 'dans plusieurs listes',
  shared: 'commun',
  slideOf: (slide, total) => `Diapositive ${slide} sur ${total}`,
  plannedTime: (time) => `Durée prévue${NBSP}: ${time}`,
  noNotes: 'Pas de notes pour cette diapositive.',
  variant: (name) => `version ${name}`,
  handout: {
    trainerHint: 'Chaque diapositive avec son début et sa durée prévus, et les notes du formateur à côté.',
    participantsHint: 'Chaque diapositive avec de la place pour vos notes à côté.',
    continued: '(suite)',
    continuesOverleaf: 'suite à la page suivante',
    ownNotes: 'Notes',
    pageOf: 'Page {page} sur {pages}',
    plan: (start, length) => `début ${start} · ${length}`,
    documentTitle: (title, kind) =>
      kind === 'trainer' ? `${title}${NBSP}: support` : `${title}${NBSP}: support des participants`,
  },
  room: {
    countdown: 'Compte à rebours',
    timeIsUp: 'Le temps est écoulé',
    follow: 'Suivre',
    followHint: `Vous naviguez seul. Suivre à nouveau la présentation${NBSP}:`,
    reconnecting: 'Reconnexion…',
    joinTitle: 'Suivez sur votre téléphone ou votre ordinateur',
    joinHint: `Scannez le code ou tapez l’adresse${NBSP}:`,
    joinCodeAlt: 'Code QR de l’adresse pour le public',
  },
};

const es: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minuto' : 'minutos'}`,
  slides: (count) => `${count} ${count === 1 ? 'diapositiva' : 'diapositivas'}`,
  quotes: ['«', '»', '“', '”'],
  inBothLists: 'en ambas listas',
  inSeveralLists: 'en más de una lista',
  shared: 'compartido',
  slideOf: (slide, total) => `Diapositiva ${slide} de ${total}`,
  plannedTime: (time) => `Tiempo previsto: ${time}`,
  noNotes: 'Sin notas para esta diapositiva.',
  variant: (name) => `versión ${name}`,
  handout: {
    trainerHint: 'Cada diapositiva con su inicio y duración previstos, y las notas del formador al lado.',
    participantsHint: 'Cada diapositiva con espacio para sus propias notas al lado.',
    continued: '(continuación)',
    continuesOverleaf: 'continúa en la página siguiente',
    ownNotes: 'Notas',
    pageOf: 'Página {page} de {pages}',
    plan: (start, length) => `empieza ${start} · ${length}`,
    documentTitle: (title, kind) =>
      kind === 'trainer' ? `${title}: material del formador` : `${title}: material para participantes`,
  },
  room: {
    countdown: 'Cuenta atrás',
    timeIsUp: 'Se acabó el tiempo',
    follow: 'Seguir',
    followHint: 'Está mirando por su cuenta. Volver a seguir la presentación:',
    reconnecting: 'Reconectando…',
    joinTitle: 'Siga la presentación en su móvil o portátil',
    joinHint: 'Escanee el código o escriba la dirección:',
    joinCodeAlt: 'Código QR de la dirección para el público',
  },
};

const it: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minuto' : 'minuti'}`,
  slides: (count) => `${count} ${count === 1 ? 'diapositiva' : 'diapositive'}`,
  quotes: ['«', '»', '“', '”'],
  inBothLists: 'in entrambe le liste',
  inSeveralLists: 'in più di una lista',
  shared: 'in comune',
  slideOf: (slide, total) => `Diapositiva ${slide} di ${total}`,
  plannedTime: (time) => `Tempo previsto: ${time}`,
  noNotes: 'Nessuna nota per questa diapositiva.',
  variant: (name) => `versione ${name}`,
  handout: {
    trainerHint: 'Ogni diapositiva con inizio e durata previsti, e accanto le note del formatore.',
    participantsHint: 'Ogni diapositiva con spazio accanto per i vostri appunti.',
    continued: '(continua)',
    continuesOverleaf: 'continua alla pagina successiva',
    ownNotes: 'Appunti',
    pageOf: 'Pagina {page} di {pages}',
    plan: (start, length) => `inizio ${start} · ${length}`,
    documentTitle: (title, kind) =>
      kind === 'trainer' ? `${title}: dispensa` : `${title}: dispensa per i partecipanti`,
  },
  room: {
    countdown: 'Conto alla rovescia',
    timeIsUp: 'Tempo scaduto',
    follow: 'Segui',
    followHint: 'State guardando per conto vostro. Tornate a seguire la presentazione:',
    reconnecting: 'Riconnessione…',
    joinTitle: 'Seguite sul telefono o sul portatile',
    joinHint: 'Inquadrate il codice o digitate l’indirizzo:',
    joinCodeAlt: 'Codice QR dell’indirizzo per il pubblico',
  },
};

const nl: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minuut' : 'minuten'}`,
  slides: (count) => `${count} ${count === 1 ? 'dia' : 'dia’s'}`,
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'in beide lijsten',
  inSeveralLists: 'in meer dan één lijst',
  shared: 'gedeeld',
  slideOf: (slide, total) => `Dia ${slide} van ${total}`,
  plannedTime: (time) => `Geplande tijd: ${time}`,
  noNotes: 'Geen notities bij deze dia.',
  variant: (name) => `${name} versie`,
  handout: {
    trainerHint: 'Elke dia met de geplande start en duur, en de notities van de trainer ernaast.',
    participantsHint: 'Elke dia met ruimte ernaast voor uw eigen notities.',
    continued: '(vervolg)',
    continuesOverleaf: 'vervolg op de volgende pagina',
    ownNotes: 'Notities',
    pageOf: 'Pagina {page} van {pages}',
    plan: (start, length) => `begint ${start} · ${length}`,
    documentTitle: (title, kind) => (kind === 'trainer' ? `${title}: hand-out` : `${title}: hand-out voor deelnemers`),
  },
  room: {
    countdown: 'Aftellen',
    timeIsUp: 'De tijd is om',
    follow: 'Volgen',
    followHint: 'U kijkt zelf rond. De presentatie weer volgen:',
    reconnecting: 'Opnieuw verbinden…',
    joinTitle: 'Volg mee op uw telefoon of laptop',
    joinHint: 'Scan de code of typ het adres:',
    joinCodeAlt: 'QR-code van het adres voor het publiek',
  },
};

const pt: Labels = {
  minutes: (count) => `${count} ${count === 1 ? 'minuto' : 'minutos'}`,
  slides: (count) => `${count} ${count === 1 ? 'diapositivo' : 'diapositivos'}`,
  quotes: ['“', '”', '‘', '’'],
  inBothLists: 'nas duas listas',
  inSeveralLists: 'em mais de uma lista',
  shared: 'em comum',
  slideOf: (slide, total) => `Diapositivo ${slide} de ${total}`,
  plannedTime: (time) => `Tempo previsto: ${time}`,
  noNotes: 'Sem notas para este diapositivo.',
  variant: (name) => `versão ${name}`,
  handout: {
    trainerHint: 'Cada diapositivo com o início e a duração previstos, e as notas do formador ao lado.',
    participantsHint: 'Cada diapositivo com espaço ao lado para as suas notas.',
    continued: '(continuação)',
    continuesOverleaf: 'continua na página seguinte',
    ownNotes: 'Notas',
    pageOf: 'Página {page} de {pages}',
    plan: (start, length) => `começa ${start} · ${length}`,
    documentTitle: (title, kind) =>
      kind === 'trainer' ? `${title}: material do formador` : `${title}: material dos participantes`,
  },
  room: {
    countdown: 'Contagem decrescente',
    timeIsUp: 'O tempo acabou',
    follow: 'Seguir',
    followHint: 'Está a ver por conta própria. Voltar a seguir a apresentação:',
    reconnecting: 'A ligar de novo…',
    joinTitle: 'Acompanhe no telemóvel ou no portátil',
    joinHint: 'Leia o código ou escreva o endereço:',
    joinCodeAlt: 'Código QR do endereço para o público',
  },
};

/** Portugal's marks and words differ from Brazil's. */
const ptBR: Labels = {
  ...pt,
  slideOf: (slide, total) => `Slide ${slide} de ${total}`,
  slides: (count) => `${count} ${count === 1 ? 'slide' : 'slides'}`,
  noNotes: 'Sem notas para este slide.',
  handout: {
    ...pt.handout,
    trainerHint: 'Cada slide com o início e a duração previstos, e as notas do instrutor ao lado.',
    participantsHint: 'Cada slide com espaço ao lado para suas anotações.',
  },
  room: {
    ...pt.room,
    countdown: 'Contagem regressiva',
    followHint: 'Você está navegando por conta própria. Voltar a acompanhar a apresentação:',
    reconnecting: 'Reconectando…',
    joinTitle: 'Acompanhe no celular ou no notebook',
    joinHint: 'Escaneie o código ou digite o endereço:',
  },
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
