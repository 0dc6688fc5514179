import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { VARIANTS, parseEvalTsv, readEvalTsv, renderDocument } from '../../../scripts/bench/render-ocr-eval.mjs';
import { fixturesDir } from '../../helpers/temp.js';

/** The repository's copy of ../shared/eval/ocr-dev.tsv (the benchmark itself reads ../shared). */
const DEV_TSV = path.join(fixturesDir, 'bench', 'ocr-dev.tsv');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bench-render-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('bench: OCR evaluation set', () => {
  it('parses id, font and |-separated lines, skipping comments and blank lines', () => {
    const docs = parseEvalTsv('# header\n\na\tNoto Sans CJK SC\t标题| 第一行 |第二行\nb\tDejaVu Sans\tTitle\n');
    expect(docs).toEqual([
      { id: 'a', font: 'Noto Sans CJK SC', lines: ['标题', '第一行', '第二行'] },
      { id: 'b', font: 'DejaVu Sans', lines: ['Title'] },
    ]);
  });

  it('refuses malformed rows with the file and line', () => {
    expect(() => parseEvalTsv('a\tDejaVu Sans', 'x.tsv')).toThrow(/x\.tsv:1: expected 3/);
    expect(() => parseEvalTsv('../a\tDejaVu Sans\tT', 'x.tsv')).toThrow(/names files/);
    expect(() => parseEvalTsv('a\tDejaVu Sans\tT\na\tDejaVu Sans\tU', 'x.tsv')).toThrow(/x\.tsv:2: duplicate id/);
  });

  it('reads the development set (the repository copy of ../shared/eval/ocr-dev.tsv)', () => {
    const docs = readEvalTsv(DEV_TSV);
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const d of docs) expect(d.lines.length).toBeGreaterThan(1);
  });

  it('renders every variant deterministically, and reuses the cache', async () => {
    const doc = { id: 't1', font: 'Noto Sans CJK SC', lines: ['测试证明', '姓名 张三', '号码 330102198507234027', '有效期 2030年10月'] };
    const first = await renderDocument(doc, { cacheDir: path.join(tmp, 'a') });
    expect(first.map((i) => i.variant)).toEqual([...VARIANTS]);
    expect(first.every((i) => !i.cached)).toBe(true);
    const again = await renderDocument(doc, { cacheDir: path.join(tmp, 'b') });
    expect(again.map((i) => sha(i.path))).toEqual(first.map((i) => sha(i.path)));
    const cached = await renderDocument(doc, { cacheDir: path.join(tmp, 'a'), variants: ['clean', 'rot90'] });
    expect(cached.every((i) => i.cached)).toBe(true);

    const meta = async (v: string) => sharp(first.find((i) => i.variant === v)!.path).metadata();
    const clean = await meta('clean');
    expect(clean.width! / clean.height!).toBeCloseTo(148 / 210, 2);
    expect((await meta('rot90')).width).toBe(clean.height);
    expect((await meta('lowres')).format).toBe('jpeg');
    expect((await meta('lowres')).width).toBe(Math.round(clean.width! / 2));
    expect((await meta('photo')).format).toBe('jpeg');
  }, 60_000);

  it('refuses a font fontconfig does not know instead of silently falling back', async () => {
    await expect(renderDocument({ id: 'x', font: 'No Such Font 123', lines: ['a', 'b'] }, { cacheDir: tmp, variants: ['clean'] })).rejects.toThrow(
      /not installed/,
    );
  });
});
