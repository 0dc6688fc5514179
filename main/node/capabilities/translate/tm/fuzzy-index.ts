import { distance } from 'fastest-levenshtein';

/**
 * In-memory n-gram index over one language pair's memory sources, so a fuzzy lookup computes edit distances for a
 * few dozen candidates instead of every unit. Candidates must (1) lie in the length band a score ≥ minScore allows
 * and (2) share enough n-grams (q-gram lemma: one edit destroys at most n grams). Chinese uses character bigrams,
 * English character trigrams (bigrams of Latin text are too common to filter anything).
 */
export class FuzzyIndex {
  private keys: string[] = [];
  private ids: number[] = [];
  private postings = new Map<string, number[]>();
  private counts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private byId = new Map<number, number>();

  constructor(readonly n: 2 | 3) {}

  get size(): number {
    return this.keys.length;
  }

  private grams(s: string): string[] {
    const set = new Set<string>();
    if (s.length < this.n) set.add(s);
    for (let i = 0; i + this.n <= s.length; i++) set.add(s.slice(i, i + this.n));
    return [...set];
  }

  /** Adds or replaces the unit with this id (an edited unit keeps its id; its old grams stay but match its new key only by chance). */
  add(id: number, key: string): void {
    const existing = this.byId.get(id);
    if (existing !== undefined) {
      this.keys[existing] = key;
    }
    const slot = existing ?? this.keys.length;
    if (existing === undefined) {
      this.keys.push(key);
      this.ids.push(id);
      this.byId.set(id, slot);
    }
    for (const g of this.grams(key)) {
      let p = this.postings.get(g);
      if (!p) this.postings.set(g, (p = []));
      if (existing === undefined ? p[p.length - 1] !== slot : !p.includes(slot)) p.push(slot);
    }
    if (this.counts.length < this.keys.length) {
      this.counts = new Int32Array(this.keys.length * 2);
      const l = new Int32Array(this.keys.length * 2);
      l.set(this.lengths);
      this.lengths = l;
    }
    this.lengths[slot] = key.length;
  }

  /**
   * Units with similarity ≥ minScore, best first. Exact (same result as comparing with every unit) while the query's
   * posting lists are small; on a large, repetitive memory only the query's rarest grams are counted, up to a budget
   * of posting entries, and the lemma's threshold drops by the grams left out: latency stays bounded, and a match is
   * missed only if it shares none of the query's rare grams' best-ranked candidates (the bench measures recall).
   */
  search(key: string, minScore: number, limit: number, maxCandidates = 48, budget = 50_000): { id: number; score: number }[] {
    const q = key.length;
    if (!q) return [];
    const lo = Math.ceil(q * minScore);
    const hi = Math.floor(q / minScore);
    const qGrams = this.grams(key);
    // Edits allowed at the longest length the band admits; each edit can remove at most n of the query's grams.
    const maxEdits = Math.floor((1 - minScore) * Math.max(q, hi));
    const lists = qGrams
      .map((g) => this.postings.get(g))
      .filter((p): p is number[] => p !== undefined)
      .sort((a, b) => a.length - b.length);
    let work = 0;
    let used = 0;
    for (const p of lists) {
      if (used >= 3 && work + p.length > budget) break;
      work += p.length;
      used++;
    }
    const skipped = lists.length - used;
    const need = Math.max(1, qGrams.length - this.n * maxEdits - skipped);
    const counts = this.counts;
    const touched: number[] = [];
    for (let li = 0; li < used; li++) {
      const p = lists[li]!;
      for (let i = 0; i < p.length; i++) {
        const slot = p[i]!;
        const len = this.lengths[slot]!;
        if (len < lo || len > hi) continue;
        if (counts[slot]!++ === 0) touched.push(slot);
      }
    }
    // Top candidates by shared-gram count with a counting sort (touched can be tens of thousands of units).
    const buckets: number[][] = Array.from({ length: used + 1 }, () => []);
    for (const slot of touched) {
      const c = counts[slot]!;
      if (c >= need) buckets[c]!.push(slot);
      counts[slot] = 0;
    }
    const cands: number[] = [];
    for (let c = used; c >= 1 && cands.length < maxCandidates; c--) for (const slot of buckets[c]!) if (cands.length < maxCandidates) cands.push(slot);
    const out: { id: number; score: number }[] = [];
    for (const slot of cands.slice(0, maxCandidates)) {
      const k = this.keys[slot]!;
      const score = 1 - distance(key, k) / Math.max(q, k.length);
      if (score >= minScore) out.push({ id: this.ids[slot]!, score });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
