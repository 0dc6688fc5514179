import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lexicalTerms } from '../../../main/node/capabilities/kg/answer/ask.js';
import { SqliteGraphStore } from '../../../main/node/capabilities/kg/store/sqlite-graph-store.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

describe('lexical query terms', () => {
  const df: Record<string, number> = { 浙里办: 3, 数字化: 900, 政府: 12_000, 服务: 30_000 };
  const docFreq = (t: string) => df[t] ?? 0;

  it('keeps every term while their document counts fit the budget', () => {
    expect(lexicalTerms(['服务', '浙里办', '数字化'], docFreq, 40_000).sort()).toEqual(['数字化', '服务', '浙里办'].sort());
  });

  it('drops the most frequent terms first when the counts exceed the budget', () => {
    expect(lexicalTerms(['服务', '政府', '浙里办', '数字化'], docFreq, 20_000)).toEqual(['浙里办', '数字化', '政府']);
    expect(lexicalTerms(['服务', '政府', '浙里办', '数字化'], docFreq, 1_000)).toEqual(['浙里办', '数字化']);
  });

  it('always keeps the rarest term, however frequent', () => {
    expect(lexicalTerms(['服务', '政府'], docFreq, 100)).toEqual(['政府']);
    expect(lexicalTerms([], docFreq)).toEqual([]);
  });
});

describe('graph store counts', () => {
  function store(): SqliteGraphStore {
    const s = new SqliteGraphStore(path.join(tempDir('ic-kg-store-'), 'g.sqlite'));
    s.addSource({ id: 'a', name: 'a.txt', kind: 'document', shipped: false, file: null, addedAt: '2026-01-01', effectiveDate: null, hash: null });
    s.addSection({ id: 'a/s', sourceId: 'a', path: ['一'], title: '一', ord: 0 });
    return s;
  }
  const passage = (id: string, tokens: string) => ({ id, sourceId: 'a', sectionId: 'a/s', ord: 0, original: tokens, norm: tokens, tokens });

  it('follows added and removed passages (document frequencies and the passage count are cached in between)', () => {
    const s = store();
    try {
      expect(s.docFreq('浙里办')).toBe(0);
      expect(s.passageCount()).toBe(0);
      s.addPassage(passage('p1', '浙里办 服务'));
      expect(s.docFreq('浙里办')).toBe(1);
      s.transaction(() => s.addPassage(passage('p2', '浙里办 政府')));
      expect(s.docFreq('浙里办')).toBe(2);
      expect(s.docFreq('政府')).toBe(1);
      expect(s.passageCount()).toBe(2);
      s.removeSource('a');
      expect(s.docFreq('浙里办')).toBe(0);
      expect(s.passageCount()).toBe(0);
    } finally {
      s.close();
    }
  });

  it('forgets counts read inside a transaction that rolled back', () => {
    const s = store();
    try {
      expect(() =>
        s.transaction(() => {
          s.addPassage(passage('p1', '一网通办'));
          expect(s.docFreq('一网通办')).toBe(1);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      expect(s.docFreq('一网通办')).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe('graph schema', () => {
  it('looks facts passages up by entity through an index, not a table scan', () => {
    const s = new SqliteGraphStore(path.join(tempDir('ic-kg-plan-'), 'g.sqlite'));
    try {
      const plan = (sql: string) => (s.db.prepare('EXPLAIN QUERY PLAN ' + sql).all('x') as { detail: string }[]).map((r) => r.detail).join('; ');
      expect(plan('SELECT rid FROM passages WHERE entity_id = ? ORDER BY ord LIMIT 1')).toMatch(/USING (COVERING )?INDEX passages_entity/);
    } finally {
      s.close();
    }
  });
});
