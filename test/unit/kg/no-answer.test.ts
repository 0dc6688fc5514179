import { describe, expect, it } from 'vitest';
import { clearsThreshold } from '../../../main/node/capabilities/kg/answer/ask.js';

const t = { text: 0.2, catalog: 0.5, glossary: 0.38 };

describe('the no-answer decision on scores', () => {
  it('answers when the best candidate reaches the threshold of its own origin', () => {
    expect(clearsThreshold([{ score: 0.25, origin: 'text' }], t)).toBe(true);
    expect(clearsThreshold([{ score: 0.45, origin: 'catalog' }], t)).toBe(false);
    expect(clearsThreshold([], t)).toBe(false);
  });

  it('does not let a named thing matched in part at the top hide the passage below it that clears its own bar', () => {
    // A glossary term below its (higher) bar, then a plan passage above the text bar: answered.
    expect(clearsThreshold([{ score: 0.33, origin: 'glossary' }, { score: 0.29, origin: 'text' }], t)).toBe(true);
    // The runner-up below its own bar: refused.
    expect(clearsThreshold([{ score: 0.33, origin: 'glossary' }, { score: 0.32, origin: 'catalog' }], t)).toBe(false);
  });

  it('looks no further than the runner-up (a tenth passage reaching the text bar by chance does not answer)', () => {
    const ranked = [{ score: 0.45, origin: 'catalog' as const }, { score: 0.4, origin: 'catalog' as const }, { score: 0.21, origin: 'text' as const }];
    expect(clearsThreshold(ranked, t)).toBe(false);
  });
});
