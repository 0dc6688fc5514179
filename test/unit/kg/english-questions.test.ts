import { describe, expect, it } from 'vitest';
import { bridgeQuestion } from '../../../main/node/capabilities/kg/retrieval/bridge.js';
import { tokenize } from '../../../main/node/capabilities/kg/text/tokenize.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';

// The graph of test/fixtures/kg/shipped (a plan excerpt that names 2025 and 2035, three catalog items, a glossary).
const graph = fixtureGraph('ic-kg-en-');

describe('English questions', () => {
  it('reads contractions as their words and leaves auxiliaries out, with straight or curly apostrophes', () => {
    const t = tokenize("I'm retiring soon; we've just had a baby, they don’t know and can't wait. The driver's licence");
    for (const w of ["i'm", 'im', "we'v", "don't", 'don’t', "can't", 'ca', 'had', 'just']) expect(t, w).not.toContain(w);
    expect(t).toEqual(expect.arrayContaining(['retir', 'soon', 'babi', 'know', 'wait', 'driver', 'licenc']));
  });

  it('leaves out prepositions that translate to nothing a passage holds alone (without → 及时 through "without delay")', () => {
    const t = tokenize('Can companies get subsidies without going to an office, between two visits?');
    for (const w of ['without', 'between']) expect(t).not.toContain(w);
    expect(t).toEqual(expect.arrayContaining(['compani', 'subsidi', 'offic', 'visit']));
  });

  it('gives a British spelling the American form the dictionary glosses with (its weight and concepts)', () => {
    const b = bridgeQuestion('How will neighbours settle quarrels?', graph.engine.lexicon, graph.engine.store).find((x) => x.stem === 'neighbour');
    expect(b?.american).toBe('neighbor');
    // No gloss uses the British form: by it alone the word would weigh as the rarest English word.
    expect(graph.engine.lexicon.englishIdf('neighbor')).toBeLessThan(graph.engine.lexicon.englishIdf('neighbour'));
  });

  it('does not bridge a number the sources lack (the asker’s details), but keeps one they hold', () => {
    expect(graph.engine.store.docFreq('85')).toBe(0);
    expect(graph.engine.store.docFreq('2035')).toBeGreaterThan(0);
    const stems = bridgeQuestion('My grandmother is 85: what happens by 2035?', graph.engine.lexicon, graph.engine.store).map((b) => b.stem);
    expect(stems).not.toContain('85');
    expect(stems).toContain('2035');
    expect(stems).toContain('grandmoth');
  });
});
