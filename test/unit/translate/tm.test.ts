import path from 'node:path';
import Database from 'better-sqlite3';
import { distance } from 'fastest-levenshtein';
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzyIndex } from '../../../main/node/capabilities/translate/tm/fuzzy-index.js';
import { TmStore } from '../../../main/node/capabilities/translate/tm/tm-store.js';
import { parseTmx, writeTmx } from '../../../main/node/capabilities/translate/tm/tmx.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

const mem = () => new TmStore(new Database(':memory:'));

describe('translation memory', () => {
  it('finds exact matches across full-width/half-width and spacing differences', () => {
    const tm = mem();
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '请提交身份证（原件）。', tgt: 'Please submit your ID card (original).' }]);
    expect(tm.exact('zh', 'en', ' 请提交身份证(原件)。 ')).toEqual({ src: '请提交身份证（原件）。', tgt: 'Please submit your ID card (original).', score: 1 });
    expect(tm.exact('en', 'zh', '请提交身份证（原件）。')).toBeUndefined();
  });

  it('a reviewed edit replaces the earlier target of the same source', () => {
    const tm = mem();
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '办理时限', tgt: 'time limit' }], { origin: 'model' });
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '办理时限', tgt: 'Processing time' }], { origin: 'review', reviewed: true });
    expect(tm.exact('zh', 'en', '办理时限')?.tgt).toBe('Processing time');
    expect(tm.stats()).toEqual({ units: 1, pairs: [{ srcLang: 'zh', tgtLang: 'en', units: 1 }] });
  });

  it('fuzzy lookup scores by edit distance, best first, and sees units added after the index was built', () => {
    const tm = mem();
    tm.add([
      { srcLang: 'zh', tgtLang: 'en', src: '申请人应当提交营业执照副本。', tgt: 'The applicant shall submit a copy of the business licence.' },
      { srcLang: 'zh', tgtLang: 'en', src: '申请人应当提交身份证复印件。', tgt: 'The applicant shall submit a copy of the ID card.' },
      { srcLang: 'zh', tgtLang: 'en', src: '今天天气很好。', tgt: 'Nice weather today.' },
    ]);
    const m = tm.lookup('zh', 'en', '申请人应当提交营业执照正本。', 0.7);
    expect(m[0]).toMatchObject({ src: '申请人应当提交营业执照副本。' });
    expect(m[0]!.score).toBeCloseTo(1 - 1 / 14, 5);
    expect(m.map((x) => x.src)).not.toContain('今天天气很好。');
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '申请人应当提交营业执照正本一份。', tgt: 'x' }]);
    expect(tm.lookup('zh', 'en', '申请人应当提交营业执照正本。', 0.7).map((x) => x.src)).toContain('申请人应当提交营业执照正本一份。');
  });

  it('the n-gram prefilter finds the same best matches as comparing with every unit', () => {
    // Property check against brute force on generated sentences of a small alphabet (many near-duplicates).
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const chars = '申请人提交材料营业执照身份证办理登记';
    const make = () => Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const keys = Array.from({ length: 400 }, make);
    const ix = new FuzzyIndex(2);
    keys.forEach((k, i) => ix.add(i, k));
    for (let q = 0; q < 40; q++) {
      const query = keys[Math.floor(rnd() * keys.length)]!.replace(/./, 'X');
      const brute = keys
        .map((k, id) => ({ id, score: 1 - distance(query, k) / Math.max(query.length, k.length) }))
        .filter((r) => r.score >= 0.75)
        .sort((a, b) => b.score - a.score);
      const got = ix.search(query, 0.75, 5, 10_000);
      expect(got[0]?.score ?? null).toBe(brute[0]?.score ?? null);
      expect(got.length).toBe(Math.min(5, brute.length));
    }
  });

  it('keeps its own schema version and refuses a database from a newer app', () => {
    const file = path.join(tempDir(), 'tm.sqlite');
    TmStore.open(file).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.pragma('user_version = 99');
    db.close();
    expect(() => TmStore.open(file)).toThrow(/newer version/);
  });
});

describe('TMX 1.4', () => {
  it('round-trips units through export and import, with XML special characters', () => {
    const units = [
      { srcLang: 'zh' as const, tgtLang: 'en' as const, src: '费用 < 100 元 & 免费', tgt: 'Fee < 100 yuan & free' },
      { srcLang: 'en' as const, tgtLang: 'zh' as const, src: 'Residence permit', tgt: '居住证' },
    ];
    const xml = writeTmx(units);
    expect(xml).toMatch(/<tmx version="1\.4">/);
    expect(xml).toMatch(/<seg>费用 &lt; 100 元 &amp; 免费<\/seg>/);
    expect(parseTmx(xml)).toEqual(units);
  });

  it('imports TMX from CAT tools: language variants, inline codes, header srclang and *all*', () => {
    const xml = `<?xml version="1.0"?><tmx version="1.4"><header srclang="ZH-CN" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/>
      <body><tu><tuv xml:lang="zh-CN"><seg>请访问<bpt i="1">&lt;b&gt;</bpt>浙里办<ept i="1">&lt;/b&gt;</ept>。</seg></tuv><tuv xml:lang="en-GB"><seg>Please visit <bpt i="1">&lt;b&gt;</bpt>Zheliban<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
      <tu srclang="*all*"><tuv xml:lang="en"><seg>12345 hotline</seg></tuv><tuv xml:lang="zh"><seg>12345热线</seg></tuv></tu>
      <tu><tuv xml:lang="fr"><seg>bonjour</seg></tuv><tuv xml:lang="zh-CN"><seg>你好</seg></tuv></tu></body></tmx>`;
    expect(parseTmx(xml)).toEqual([
      { srcLang: 'zh', tgtLang: 'en', src: '请访问浙里办。', tgt: 'Please visit Zheliban.' },
      { srcLang: 'zh', tgtLang: 'en', src: '12345热线', tgt: '12345 hotline' },
      { srcLang: 'en', tgtLang: 'zh', src: '12345 hotline', tgt: '12345热线' },
    ]);
    expect(() => parseTmx('<html/>')).toThrow(/no <tmx>/);
  });
});
