export interface CerScore {
  /** distance / refLength; not capped at 1. */
  cer: number;
  distance: number;
  /** Code points in the normalised reference. */
  refLength: number;
  hypLength: number;
}

/** NFKC, then all whitespace removed. */
export function normalizeForCer(s: string): string;
/** Edit distance between two code-point sequences (unit costs). */
export function levenshtein(a: readonly string[], b: readonly string[]): number;
/** Document-level CER; `ref` may be the document's lines, which are joined. */
export function cer(ref: string | readonly string[], hyp: string): CerScore;
/** Total edits / total reference characters; null for no characters. */
export function pooledCer(scores: ReadonlyArray<{ distance: number; refLength: number }>): number | null;
