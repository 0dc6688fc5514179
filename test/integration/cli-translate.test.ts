import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../main/node/capabilities/translate/doc/docx.js';
import { readXliff } from '../../main/node/capabilities/translate/doc/xliff.js';
import { parseTmx } from '../../main/node/capabilities/translate/tm/tmx.js';
import { createPackStore } from '../../main/node/models/models-service.js';
import { ic, icBin, jsonLines } from '../helpers/cli.js';
import { installFixturePack } from '../helpers/packs.js';
import { cleanupTempDirs, fixturesDir, repoRoot, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

const fx = (f: string) => path.join(fixturesDir, 'translate', f);
const env = (data: string) => ({ IC_DATA_DIR: data, IC_GLOSSARY_FILE: fx('glossary.tsv') });
const withStdin = (args: string[], input: string, e: NodeJS.ProcessEnv) => {
  const r = spawnSync(process.execPath, [icBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...e }, input, timeout: 120_000 });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    get lines() {
      return jsonLines(r.stdout);
    },
  };
};

// Each `ic` run starts a hub and loads CC-CEDICT (16 MB JSON): seconds each on a loaded 2-core machine.
describe('ic translate and ic tm (no model pack: memory, glossary, dictionary draft)', { timeout: 180_000 }, () => {
  const data = tempDir();
  let imported: unknown[];
  beforeAll(() => {
    imported = ic(['tm', 'import', fx('memory.tmx'), '--json'], env(data)).lines;
  }, 120_000);

  it('imports a TMX, counts it, and translates text from stdin with honest origins', () => {
    expect(imported).toEqual([{ units: 3 }]);
    expect(ic(['tm', 'stats', '--json'], env(data)).lines).toEqual([{ units: 3, pairs: [{ srcLang: 'zh', tgtLang: 'en', units: 3 }], glossaryTerms: 9 }]);
    const r = withStdin(['translate', '--from', 'zh', '--to', 'en', '--json', '-'], '请携带身份证原件。浙里办。\n请于2024年3月1日前到政务服务中心提交材料。', env(data));
    expect(r.code, r.stderr).toBe(0);
    const [out] = r.lines;
    expect(out.engine).toBe('tm+glossary+cedict-draft');
    expect(out.segments.map((s: any) => s.origin)).toEqual(['tm', 'glossary', 'dictionary']);
    expect(out.segments[0]).toMatchObject({ tgt: 'Please bring your original ID card.', score: 1 });
    expect(out.segments[2].terms).toEqual([{ zh: '政务服务中心', en: 'Government Service Centre', matched: '政务服务中心' }]);
    expect(out.segments[2].tgt).toContain('2024-03-01');
    expect(out.segments[2].tgt).toContain('Government Service Centre');
  });

  it('the text output labels dictionary drafts as such', () => {
    const r = withStdin(['translate', '--from', 'zh', '--to', 'en', '-'], '申请人需要提交材料。', env(data));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DICTIONARY DRAFT/);
    expect(r.stdout).toMatch(/not machine translation/);
  });

  it('DOCX in, DOCX out: paragraph count, headings, table and order kept', async () => {
    const dir = tempDir();
    const src = path.join(dir, 'guide.docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '居住证办理', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('请携带身份证原件。'),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('浙里办')] }), new TableCell({ children: [new Paragraph('12345')] })] })] }),
            new Paragraph('办理时限为3个工作日。'),
          ],
        },
      ],
    });
    fs.writeFileSync(src, await Packer.toBuffer(doc));
    const outFile = path.join(dir, 'guide.en.docx');
    const r = ic(['translate', '--from', 'zh', '--to', 'en', '--out', outFile, src], env(data));
    expect(r.code, r.stderr).toBe(0);
    const back = await readDocx(fs.readFileSync(outFile));
    expect(back.blocks[0]!.kind).toBe('heading');
    expect(back.blocks[0]!.text.startsWith('residence permit')).toBe(true);
    expect(back.blocks.slice(1).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Please bring your original ID card.'],
      ['cell', 'Zheliban'],
      ['cell', '12345'],
      ['paragraph', 'The processing time is 3 working days.'],
    ]);
  });

  it('XLIFF in, XLIFF 1.2 and 2.0 out under the same unit ids; fuzzy memory with its score; TMX export', () => {
    const dir = tempDir();
    for (const [name, fmt] of [
      ['out.xlf', 'xliff12'],
      ['out2.xliff', 'xliff20'],
    ] as const) {
      const outFile = path.join(dir, name);
      const r = ic(['translate', '--from', 'zh', '--to', 'en', '--json', '--out', outFile, ...(fmt === 'xliff20' ? ['--xliff2'] : []), fx('sample.xlf')], env(data));
      expect(r.code, r.stderr).toBe(0);
      const segs = r.lines[0].segments;
      expect(segs[2]).toMatchObject({ origin: 'tm', tgt: 'The processing time is 3 working days.' });
      expect(segs[2].score).toBeLessThan(1);
      expect(segs[2].qa.map((q: any) => q.code)).toContain('number_mismatch');
      const back = readXliff(fs.readFileSync(outFile, 'utf8'));
      expect(back.format).toBe(fmt);
      expect(back.blocks.map((b) => b.unitId)).toEqual(['intro', 'app', 'time']);
      expect(fs.readFileSync(outFile, 'utf8')).toContain('Zheliban');
    }
    const tmxFile = path.join(dir, 'all.tmx');
    expect(ic(['tm', 'export', tmxFile, '--json'], env(data)).lines).toEqual([{ units: 3, path: tmxFile }]);
    expect(parseTmx(fs.readFileSync(tmxFile, 'utf8'))).toHaveLength(3);
  });

  it('bad input: unknown language pair and an unknown output type are usage errors', () => {
    expect(ic(['translate', '--from', 'zh', '--to', 'zh', fx('sample.xlf')], env(data)).code).toBe(2);
    expect(ic(['translate', '--from', 'zh', '--to', 'en', '--out', 'x.pptx', fx('sample.xlf')], env(data)).code).not.toBe(0);
  });
});

describe('ic translate with the fixture OPUS-MT pack installed (model host path)', { timeout: 120_000 }, () => {
  it('segments the memory cannot answer go to the model in the model host; the engine is named', async () => {
    const data = tempDir();
    await installFixturePack(createPackStore({ models: path.join(data, 'models') }), 'opus-mt-zh-en');
    const r = withStdin(['translate', '--from', 'zh', '--to', 'en', '--json', '-'], '请登录浙里办。收费50元。', env(data));
    expect(r.code, r.stderr).toBe(0);
    const [out] = r.lines;
    expect(out.engine).toBe('opus-mt-zh-en+glossary');
    expect(out.segments.map((s: any) => s.origin)).toEqual(['model', 'model']);
    expect(out.segments[0].tgt).toContain('Zheliban');
    expect(out.segments[1].tgt).toContain('50');
  });
});
