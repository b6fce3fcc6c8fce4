// Counted nouns as every output writes them: "1 slide", "24 slides".

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
