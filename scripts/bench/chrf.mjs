// chrF (Popović 2015) as sacreBLEU computes it by default: character n-grams of orders 1–6 with whitespace removed,
// n-gram matches summed over the corpus per order, precision and recall averaged over the orders, then F-beta with
// beta = 2 (recall weighted twice as much as precision). Written here (40 lines) because no npm package for it is
// installed and the bench must not fetch one.

/** @param {string} s @param {number} n */
function ngrams(s, n) {
  const chars = [...s.replace(/\s+/g, '')];
  /** @type {Map<string, number>} */
  const m = new Map();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Per-order statistics of one hypothesis against one reference.
 * @param {string} hyp @param {string} ref @param {number} [maxN]
 * @returns {{match: number, hyp: number, ref: number}[]}
 */
export function chrfStats(hyp, ref, maxN = 6) {
  const out = [];
  for (let n = 1; n <= maxN; n++) {
    const h = ngrams(hyp, n);
    const r = ngrams(ref, n);
    let match = 0;
    for (const [g, c] of h) match += Math.min(c, r.get(g) ?? 0);
    out.push({ match, hyp: [...h.values()].reduce((a, b) => a + b, 0), ref: [...r.values()].reduce((a, b) => a + b, 0) });
  }
  return out;
}

/**
 * Corpus chrF on a 0–100 scale.
 * @param {readonly string[]} hyps @param {readonly string[]} refs @param {{maxN?: number, beta?: number}} [o]
 */
export function chrf(hyps, refs, o = {}) {
  const maxN = o.maxN ?? 6;
  const beta = o.beta ?? 2;
  const tot = Array.from({ length: maxN }, () => ({ match: 0, hyp: 0, ref: 0 }));
  hyps.forEach((h, i) => chrfStats(h, refs[i] ?? '', maxN).forEach((s, k) => {
    tot[k].match += s.match;
    tot[k].hyp += s.hyp;
    tot[k].ref += s.ref;
  }));
  // Orders with no reference n-grams (very short sentences) do not count (sacreBLEU's effective order).
  const used = tot.filter((t) => t.ref > 0);
  if (!used.length) return 0;
  const p = used.reduce((a, t) => a + (t.hyp ? t.match / t.hyp : 0), 0) / used.length;
  const r = used.reduce((a, t) => a + t.match / t.ref, 0) / used.length;
  if (p + r === 0) return 0;
  const b2 = beta * beta;
  return (100 * ((1 + b2) * p * r)) / (b2 * p + r);
}
