import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { TranslatedSegment } from '../../../main/common/contract/index.js';
import { cedictDraft } from '../../../main/node/capabilities/translate/dictionary.js';
import { readDocx } from '../../../main/node/capabilities/translate/doc/docx.js';
import { formatForName, readDocument, writeDocument } from '../../../main/node/capabilities/translate/doc/formats.js';
import { readMarkdown } from '../../../main/node/capabilities/translate/doc/text.js';
import { readXliff } from '../../../main/node/capabilities/translate/doc/xliff.js';
import { tsvGlossary } from '../../../main/node/capabilities/translate/glossary.js';
import type { MtEngine } from '../../../main/node/capabilities/translate/mt-engine.js';
import { translateBlocks } from '../../../main/node/capabilities/translate/translate-blocks.js';
import { fixturesDir } from '../../helpers/temp.js';

const glossary = tsvGlossary(path.join(fixturesDir, 'translate', 'glossary.tsv'));
/** Upper-cases a marker so each target is recognisably derived from its own source. */
const tag: MtEngine = { id: 'tag', translate: async (t) => t.map((x) => `EN<${x}>`) };

async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '营业执照办理指南', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: '第一步：', bold: true }), new TextRun('登录浙里办。第二步：提交材料。')] }),
          new Paragraph(''),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('材料')] }), new TableCell({ children: [new Paragraph('份数')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('身份证'), new Paragraph('复印件')] }), new TableCell({ children: [new Paragraph('1')] })] }),
            ],
          }),
          new Paragraph({ text: '办理时限', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('自受理之日起3个工作日内办结。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const shape = (blocks: { kind: string; level?: number; table?: number; row?: number; col?: number }[]) =>
  blocks.map((b) => [b.kind, b.level ?? null, b.table ?? null, b.row ?? null, b.col ?? null]);

describe('documents', () => {
  it('reads DOCX headings, paragraphs (empty ones too) and table cells in document order', async () => {
    const doc = await readDocx(await sampleDocx());
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '营业执照办理指南'],
      ['paragraph', '第一步：登录浙里办。第二步：提交材料。'],
      ['raw', ''],
      ['cell', '材料'],
      ['cell', '份数'],
      ['cell', '身份证\n复印件'],
      ['cell', '1'],
      ['heading', '办理时限'],
      ['paragraph', '自受理之日起3个工作日内办结。'],
    ]);
  });

  it('a translated DOCX keeps its paragraph count, headings, table and order', async () => {
    const src = await readDocx(await sampleDocx());
    const r = await translateBlocks(src.blocks, { from: 'zh', to: 'en' }, { glossary, mt: tag, draft: cedictDraft });
    const out = await readDocx(await writeDocument('docx', src.blocks, r.segments, 'zh', 'en'));
    expect(shape(out.blocks)).toEqual(shape(src.blocks));
    const texts = out.blocks.map((b) => b.text);
    expect(texts[0]).toBe('EN<business licence 办理指南>');
    expect(texts[1]).toBe('EN<第一步：登录 Zheliban。> EN<第二步：提交材料。>');
    expect(texts[6]).toBe('1');
    expect(texts[5]).toBe('EN<身份证>\nEN<复印件>');
    expect(texts[8]).toContain('3');
  });

  it('Markdown keeps heading markers, list markers, code blocks and table layout', async () => {
    const md = '# 办理指南\n\n- 登录浙里办。\n1. 提交材料。\n\n```\ncode 不翻译\n```\n\n| 材料 | 份数 |\n|---|---|\n| 身份证 | 1 |\n';
    const doc = readMarkdown(md);
    const r = await translateBlocks(doc.blocks, { from: 'zh', to: 'en' }, { glossary, mt: tag, draft: cedictDraft });
    const out = (await writeDocument('md', doc.blocks, r.segments, 'zh', 'en')).toString();
    expect(out).toBe('# EN<办理指南>\n\n- EN<登录 Zheliban。>\n1. EN<提交材料。>\n\n```\ncode 不翻译\n```\n\n| EN<材料> | EN<份数> |\n|---|---|\n| EN<身份证> | 1 |\n');
  });

  it('XLIFF 1.2 and 2.0 round-trip: units keep their ids, sources and targets', async () => {
    const xlf12 = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt"><body>
      <trans-unit id="t1"><source>请登录浙里办。</source></trans-unit><trans-unit id="t2" translate="no"><source>ABC</source></trans-unit>
      <trans-unit id="t3"><source>提交<x id="1"/>材料。</source><target>old</target></trans-unit></body></file></xliff>`;
    const doc = readXliff(xlf12);
    expect(doc).toMatchObject({ format: 'xliff12', srcLang: 'zh', tgtLang: 'en' });
    expect(doc.blocks.map((b) => [b.unitId, b.text])).toEqual([
      ['t1', '请登录浙里办。'],
      ['t3', '提交材料。'],
    ]);
    const r = await translateBlocks(doc.blocks, { from: 'zh', to: 'en' }, { glossary, mt: tag, draft: cedictDraft });
    for (const fmt of ['xliff12', 'xliff20'] as const) {
      const xml = (await writeDocument(fmt, doc.blocks, r.segments, 'zh', 'en')).toString();
      const back = readXliff(xml);
      expect(back.format).toBe(fmt);
      expect(back.blocks.map((b) => [b.unitId, b.text])).toEqual([
        ['t1', '请登录浙里办。'],
        ['t3', '提交材料。'],
      ]);
      expect(xml).toContain('EN&lt;请登录 Zheliban。&gt;');
    }
  });

  it('XLIFF 2.0 input: a unit with two segments becomes one block of two lines', () => {
    const x = readXliff(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh"><file id="f"><unit id="u1"><segment><source>One.</source></segment><segment><source>Two.</source></segment></unit></file></xliff>',
    );
    expect(x.blocks).toEqual([{ kind: 'paragraph', text: 'One.\nTwo.', unitId: 'u1' }]);
    expect(x.srcLang).toBe('en');
  });

  it('picks formats by extension and explains the ones it cannot read', async () => {
    expect(['a.txt', 'b.md', 'c.docx', 'd.xlf', 'e.xliff', 'f.tmx'].map((n) => formatForName(n))).toEqual(['txt', 'md', 'docx', 'xliff12', 'xliff12', 'tmx']);
    expect(formatForName('x.xlf', true)).toBe('xliff20');
    expect(() => formatForName('x.pptx')).toThrow(/unknown document type/);
    await expect(readDocument('scan.png', Buffer.alloc(1))).rejects.toThrow(/needs the ocr capability/);
    await expect(readDocument('x.docx', Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const viaOcr = await readDocument('scan.pdf', Buffer.alloc(1), async () => '第一行\n第二行');
    expect(viaOcr.blocks.map((b) => b.text)).toEqual(['第一行', '第二行']);
  });

  it('exports a TMX of the translated segments', async () => {
    const segs: TranslatedSegment[] = [{ id: '1.1.1', block: 0, line: 0, src: '居住证', tgt: 'residence permit', origin: 'glossary', terms: [], qa: [] }];
    const xml = (await writeDocument('tmx', [{ kind: 'paragraph', text: '居住证' }], segs, 'zh', 'en')).toString();
    expect(xml).toContain('<seg>residence permit</seg>');
  });
});
