import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GlossaryMatcher, tsvGlossary } from '../../../main/node/capabilities/translate/glossary.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

const glossary = tsvGlossary(path.join(fixturesDir, 'translate', 'glossary.tsv'));

describe('glossary', () => {
  it('reads the knowledge graph TSV layout (zh, en, variants)', () => {
    const terms = glossary.terms();
    expect(terms.find((t) => t.zh === '浙里办')).toEqual({ zh: '浙里办', en: 'Zheliban', variants: ['浙里辦', 'ZLB'] });
    expect(terms.find((t) => t.zh === '最多跑一次')?.variants).toEqual([]);
  });

  it('reads the knowledge graph layout: zh_hant column as a variant, quotes in notes are plain text', () => {
    const file = path.join(tempDir(), 'glossary.tsv');
    fs.writeFileSync(file, 'zh\ten\tzh_hant\tdomain\tnote\n浙里办\tZheliban\t\tplatform\tapp ("Zhejiang does it for you"); keep\n一网通办\tone-stop service\t一網通辦\treform\tx\n');
    expect(tsvGlossary(file).terms()).toEqual([
      { zh: '浙里办', en: 'Zheliban', variants: [] },
      { zh: '一网通办', en: 'one-stop service', variants: ['一網通辦'] },
    ]);
  });

  it('an absent file is an empty glossary, not an error', () => {
    expect(tsvGlossary('/nonexistent/glossary.tsv').terms()).toEqual([]);
  });

  it('matches simplified and traditional forms, longest first, without overlaps', () => {
    const m = new GlossaryMatcher(glossary.terms(), 'zh');
    const found = m.find('在浙里辦申請營業執照，或到政务服务中心一網通辦。');
    expect(found.map((f) => [f.matched, f.target])).toEqual([
      ['浙里辦', 'Zheliban'],
      ['營業執照', 'business licence'],
      ['政务服务中心', 'Government Service Centre'],
      ['一網通辦', 'One-Stop Online Service'],
    ]);
  });

  it('matches English case-insensitively on word boundaries, with variants', () => {
    const m = new GlossaryMatcher(glossary.terms(), 'en');
    const found = m.find('Your Business License and USCC; not a licensee.');
    expect(found.map((f) => [f.matched, f.target])).toEqual([
      ['Business License', '营业执照'],
      ['USCC', '统一社会信用代码'],
    ]);
  });
});
