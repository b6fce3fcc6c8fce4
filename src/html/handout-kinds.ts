// The two handouts `deck pdf --handout` makes: the trainer's (each slide with its planned start and
// length, and its notes) and the participants' (each slide with ruled lines, and its Handout: text).

export type HandoutKind = 'trainer' | 'participants';

/** The end of a handout's default file name: `<deck>-handout.pdf`, `<deck>-participants.pdf`. */
export const HANDOUT_FILE_SUFFIX: Record<HandoutKind, string> = { trainer: 'handout', participants: 'participants' };
