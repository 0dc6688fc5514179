// Character error rate for the OCR benchmark: Levenshtein(ref, hyp) / len(ref), counted in Unicode code points,
// on NFKC-normalised text with every whitespace character removed. Document level: a document's lines are joined.

/**
 * NFKC, then all whitespace removed (NFKC first, so U+3000 ideographic space and other compatibility spaces go too).
 * @param {string} s
 * @returns {string}
 */
export function normalizeForCer(s) {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Edit distance (insertions, deletions, substitutions all cost 1) between two sequences of code points.
 * @param {readonly string[]} a
 * @param {readonly string[]} b
 * @returns {number}
 */
export function levenshtein(a, b) {
  if (a.length < b.length) [a, b] = [b, a];
  const n = b.length;
  if (n === 0) return a.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/**
 * @param {string | readonly string[]} ref reference text, or a document's lines (joined)
 * @param {string} hyp recognised text
 * @returns {{ cer: number, distance: number, refLength: number, hypLength: number }}
 *   cer is not capped at 1 (many insertions can exceed it). An empty reference gives 0 for an empty hypothesis, else 1.
 */
export function cer(ref, hyp) {
  const r = Array.from(normalizeForCer(typeof ref === 'string' ? ref : ref.join('')));
  const h = Array.from(normalizeForCer(hyp));
  const distance = levenshtein(r, h);
  const value = r.length === 0 ? (h.length === 0 ? 0 : 1) : distance / r.length;
  return { cer: value, distance, refLength: r.length, hypLength: h.length };
}

/**
 * Corpus CER: total edits over total reference characters (long documents weigh more than short ones).
 * @param {ReadonlyArray<{ distance: number, refLength: number }>} scores
 * @returns {number | null} null when there is nothing to score
 */
export function pooledCer(scores) {
  let d = 0;
  let n = 0;
  for (const s of scores) {
    d += s.distance;
    n += s.refLength;
  }
  return n === 0 ? null : d / n;
}
