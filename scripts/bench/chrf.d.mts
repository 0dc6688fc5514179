export function chrfStats(hyp: string, ref: string, maxN?: number): { match: number; hyp: number; ref: number }[];
/** Corpus chrF (0–100): char n-grams 1..maxN (6) without whitespace, beta 2. */
export function chrf(hyps: readonly string[], refs: readonly string[], o?: { maxN?: number; beta?: number }): number;
