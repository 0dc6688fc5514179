/**
 * Query-time side of the everyday-words thesaurus (knowledge-graph/thesaurus/, read by ingest/thesaurus.ts): which
 * of its everyday words a question uses, and which index words their official words are. Hand-written matching
 * because the table is small (about a thousand rows per language): a substring scan per question costs microseconds.
 */
export interface EverydayEntry {
  /** The everyday word or phrase, normalised (simplified, lower case; Chinese without spaces). */
  everyday: string;
  /** Official words (normalised) it may stand for. */
  official: string[];
}

/** Entries whose everyday word occurs in the question's key (normalizeKey form), longest first. */
export function everydayIn(qKey: string, entries: readonly EverydayEntry[]): EverydayEntry[] {
  return entries.filter((e) => qKey.includes(e.everyday)).sort((a, b) => b.everyday.length - a.everyday.length);
}

/**
 * The question word an entry speaks for: the word is part of the everyday phrase (老家 in 回老家) or holds it (吐槽 in
 * 吐槽声). Single characters only when they are the whole everyday word: 回 of 回老家 is not what it means.
 */
export function entryCovers(e: EverydayEntry, word: string): boolean {
  if (word === e.everyday) return true;
  if ([...word].length < 2) return false;
  return e.everyday.includes(word) || word.includes(e.everyday);
}

/** A part may stand for a whole official word only when at most this share of the passages hold it (and at least 3 may). */
const PART_MAX_SHARE = 0.01;

/**
 * The index word standing for an official word: itself when the index holds it, else the rarest of its index
 * words of two characters or more (首席数据官 → 首席, not 数据) if that part is itself rare in the graph — a common
 * part (政府 of 政府数据) would credit a large share of the passages for a word none of them holds.
 */
export function officialToken(official: string, docFreq: (t: string) => number, tokenize: (s: string) => string[], passages: number): string | undefined {
  if (docFreq(official)) return official;
  let best: { t: string; df: number } | undefined;
  for (const t of tokenize(official)) {
    if ([...t].length < 2) continue;
    const df = docFreq(t);
    if (df && (!best || df < best.df)) best = { t, df };
  }
  return best && best.df <= Math.max(3, passages * PART_MAX_SHARE) ? best.t : undefined;
}
