/**
 * Chinese words of the index that share meaningful characters (morphemes) with a question word: 房子 ~ 房屋,
 * 老人 ~ 老年人, 升职 ~ 晋升, 试错 ~ 容错. Everyday paraphrases mostly keep one morpheme of the sources' word, which
 * neither the tokens nor the dictionary's glosses see. Built from the index vocabulary (fts5vocab) on first use.
 * Hand-written: a character → words map and a weighted overlap are a few lines; no package does this.
 */

export interface Neighbour {
  token: string;
  /** 0–1: the weight of the shared characters over the weight of both words' characters (weighted Jaccard). */
  similarity: number;
}

/** Characters in more than this many index words (化, 数, 理 …) are too common to link words by themselves. */
const MAX_WORDS_PER_CHAR = 400;

export class MorphemeIndex {
  private readonly byChar = new Map<string, string[]>();
  private readonly vocabulary = new Set<string>();
  /** Chinese index words of 2–6 characters held. */
  size = 0;

  constructor(words: Iterable<string>) {
    for (const w of words) {
      this.vocabulary.add(w);
      const chars = [...w];
      if (chars.length < 2 || chars.length > 6 || !/^[\u3400-\u9fff]+$/.test(w)) continue;
      this.size++;
      for (const c of new Set(chars)) {
        const list = this.byChar.get(c) ?? [];
        list.push(w);
        this.byChar.set(c, list);
      }
    }
  }

  /** The index holds the token (an in-memory check: synonyms test hundreds of dictionary words per question). */
  has(token: string): boolean {
    return this.vocabulary.has(token);
  }

  /** How many index words hold the character. */
  wordsWith(ch: string): number {
    return this.byChar.get(ch)?.length ?? 0;
  }

  /**
   * Index words sharing characters with `word`, the characters weighted by `weight` (their specificity): the
   * shared weight over the union's weight, at least `min`, best first.
   */
  neighbours(word: string, weight: (ch: string) => number, min: number, limit: number, accept: (w: string) => boolean = () => true): Neighbour[] {
    const chars = [...new Set(word)];
    if (chars.length < 2) return [];
    const wOf = new Map<string, number>();
    const w = (c: string) => {
      let v = wOf.get(c);
      if (v === undefined) wOf.set(c, (v = weight(c)));
      return v;
    };
    const own = chars.reduce((a, c) => a + w(c), 0);
    const seen = new Set<string>();
    const out: Neighbour[] = [];
    for (const c of chars) {
      const list = this.byChar.get(c);
      if (!list || list.length > MAX_WORDS_PER_CHAR) continue;
      for (const z of list) {
        if (z === word || seen.has(z)) continue;
        seen.add(z);
        if (!accept(z)) continue;
        const zc = new Set(z);
        let shared = 0;
        let union = own;
        for (const x of zc) {
          if (chars.includes(x)) shared += w(x);
          else union += w(x);
        }
        const similarity = union ? shared / union : 0;
        if (similarity >= min) out.push({ token: z, similarity });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity || (a.token < b.token ? -1 : 1)).slice(0, limit);
  }
}
