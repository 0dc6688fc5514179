/**
 * The example questions of the graph (ingest/example-questions.ts) in memory: per passage its questions' token
 * sets, and which passages' questions hold a token, so a question finds the passages whose examples use its words
 * even where the passage itself does not (会不会有专门管数据的领导 → the 首席数据官 passage).
 * A few thousand rows at most (shipped sources only): read once, dropped on every change of the graph.
 */
export interface ExampleQuestion {
  /** The question as written (shown with an answer it found: KgAnswer.matchedExample). */
  text: string;
  tokens: Set<string>;
  /** Concept stems of its words (filled on first use by the caller's lexicon). */
  concepts?: Set<string>;
}

export class ExampleQuestionIndex {
  private readonly byRid = new Map<number, ExampleQuestion[]>();
  private readonly ridsByToken = new Map<string, Set<number>>();

  constructor(rows: Iterable<{ rid: number; question: string; tokens: string[] }>) {
    for (const r of rows) {
      const q: ExampleQuestion = { text: r.question, tokens: new Set(r.tokens) };
      const list = this.byRid.get(r.rid);
      if (list) list.push(q);
      else this.byRid.set(r.rid, [q]);
      for (const t of q.tokens) {
        let s = this.ridsByToken.get(t);
        if (!s) this.ridsByToken.set(t, (s = new Set()));
        s.add(r.rid);
      }
    }
  }

  get size(): number {
    return this.byRid.size;
  }

  /** The example questions of a passage (none for most). */
  of(rid: number): readonly ExampleQuestion[] {
    return this.byRid.get(rid) ?? [];
  }

  /**
   * Passages whose examples hold the question's words, the most weight of distinct words first: `words` maps each
   * question word to its weight and the tokens that stand for it.
   */
  passagesFor(words: readonly { weight: number; tokens: Iterable<string> }[], limit: number): number[] {
    const got = new Map<number, number>();
    for (const w of words) {
      const rids = new Set<number>();
      for (const t of w.tokens) for (const rid of this.ridsByToken.get(t) ?? []) rids.add(rid);
      for (const rid of rids) got.set(rid, (got.get(rid) ?? 0) + w.weight);
    }
    return [...got]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([rid]) => rid);
  }
}
