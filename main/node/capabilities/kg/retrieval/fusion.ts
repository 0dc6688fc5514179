/** Reciprocal rank fusion (Cormack et al. 2009): score = Σ 1 / (k + rank) over the ranked lists an item is in. */
export function reciprocalRankFusion<T>(lists: T[][], k = 60): Map<T, number> {
  const scores = new Map<T, number>();
  for (const list of lists) list.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + 1 / (k + rank + 1)));
  return scores;
}
