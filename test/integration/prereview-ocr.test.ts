import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheck } from '../../main/node/capabilities/prereview/validators/gb11643.js';
import { computeUsccCheck } from '../../main/node/capabilities/prereview/validators/gb32100.js';
import { ic } from '../helpers/cli.js';
import { renderPage } from '../helpers/render-page.js';
import { cleanupTempDirs, repoRoot, tempDir } from '../helpers/temp.js';

const hasPack = fs.existsSync(path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch', 'pack.json'));
afterAll(cleanupTempDirs);

const ID = '44030519780101123' + computeIdCheck('44030519780101123'); // 440305197801011239, valid
const OTHER_ID = '44030519800202123' + computeIdCheck('44030519800202123'); // valid, but someone else's
const USCC = '91330106MA2H3K7P5' + computeUsccCheck('91330106MA2H3K7P5');

/**
 * The whole path a clerk uses: rendered scans → `ic prereview` → OCR in the model host → fields, validators,
 * catalog rules. A food business licence application with a missing material, an expired ID card and an
 * application form whose ID number is not the legal representative's.
 */
describe.skipIf(!hasPack)('ic prereview on scanned documents (OCR end to end)', () => {
  const dir = tempDir();
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const pages: Record<string, string[]> = {
      'id-front.png': ['居民身份证', '姓名 孙建平', '性别 男 民族 汉', '出生 1978年1月1日', '住址 广东省深圳市福田区深南大道6008号', `公民身份号码 ${ID}`],
      'id-back.png': ['中华人民共和国', '居民身份证', '签发机关 深圳市公安局福田分局', '有效期限 2010.05.01-2020.05.01'],
      'licence.png': ['营业执照', `统一社会信用代码 ${USCC}`, '名称 杭州云帆科技有限公司', '类型 有限责任公司（自然人独资）', '法定代表人 孙建平', '成立日期 2020年06月01日', '营业期限 2020年06月01日至长期', '住所 浙江省杭州市西湖区文三路398号'],
      'form.png': ['食品经营许可申请书', '申请人名称 杭州云帆科技有限公司', `统一社会信用代码 ${USCC}`, '法定代表人（负责人） 孙建平', `身份证件号码 ${OTHER_ID}`, '经营项目 热食类食品制售', '联系电话 0571-87654321'],
    };
    for (const [name, lines] of Object.entries(pages)) {
      files[name] = path.join(dir, name);
      // The ID card back arrives upside down, as scans do.
      fs.writeFileSync(files[name]!, await renderPage(lines, name === 'id-back.png' ? { rotate: 180 } : {}));
    }
  }, 60_000);

  it('reports the missing materials, the expired ID card and the inconsistent ID number, with evidence', () => {
    const r = ic(['prereview', '--service', '食品经营许可', ...Object.values(files), '--today', '2026-11-28', '--json', '--data-dir', tempDir()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = r.lines[0];
    expect(report.service).toEqual({ id: 'food-business-licence', name: '食品经营许可' });
    expect(report.verdict).toBe('fail');

    const types = Object.fromEntries(report.documents.map((d: any) => [path.basename(d.file), d.type]));
    expect(types).toMatchObject({ 'id-front.png': 'id_card_front', 'id-back.png': 'id_card_back', 'licence.png': 'business_license', 'form.png': 'application_form' });
    const front = report.documents.find((d: any) => d.type === 'id_card_front');
    expect(front.fields.ID_NUMBER.value).toBe(ID);
    expect(front.fields.NAME.value).toBe('孙建平');

    const failed = report.checks.filter((c: any) => c.status === 'fail');
    const ids = failed.map((c: any) => c.id);
    // Missing: the two required food-safety documents were not submitted.
    expect(ids).toEqual(expect.arrayContaining(['material.facilities-layout.missing', 'material.food-safety-rules.missing']));
    // Expired: the ID card's validity ended in 2020.
    const expired = failed.find((c: any) => /过期|expired/i.test(c.message));
    expect(expired, JSON.stringify(failed, null, 1)).toBeDefined();
    expect(expired.evidence[0].file).toBe(files['id-back.png']);
    // Inconsistent: the form's ID number is not the ID card's; evidence from both files.
    const mismatch = failed.find((c: any) => c.id.startsWith('consistency.id_number'));
    expect(mismatch, JSON.stringify(failed, null, 1)).toBeDefined();
    expect(mismatch.evidence.map((e: any) => e.file)).toEqual(expect.arrayContaining([files['id-front.png'], files['form.png']]));
    // Evidence boxes point at real pixels of the page as given.
    for (const c of failed)
      for (const e of c.evidence)
        if (e.box)
          for (const [x, y] of e.box) {
            expect(x).toBeGreaterThanOrEqual(-5);
            expect(y).toBeGreaterThanOrEqual(-5);
          }
  }, 120_000);

  it('ic ocr prints one JSON line per page with the engine, the rotation and boxes in the file\'s pixels', () => {
    const r = ic(['ocr', files['id-back.png']!, files['id-front.png']!, '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    const back = r.lines.find((l) => l.file === files['id-back.png']);
    expect(back).toMatchObject({ page: 1, engine: 'ppocr-v4', rotation: 180 });
    expect(back.text).toContain('2010.05.01-2020.05.01');
    expect(Object.keys(back).sort()).toEqual(['engine', 'file', 'lines', 'ms', 'page', 'rotation', 'text']);
    // The page was upside down: the title 居民身份证 sits near the bottom of the file as given.
    const title = back.lines.find((l: any) => l.text === '居民身份证');
    expect(Math.min(...title.box.map((p: number[]) => p[1]))).toBeGreaterThan(450);
  }, 120_000);

  it('a batch with a bad file reports {file, error} for it, reads the others, and exits 1', () => {
    const bad = path.join(dir, 'broken.png');
    fs.writeFileSync(bad, fs.readFileSync(files['id-front.png']!).subarray(0, 200));
    const r = ic(['ocr', bad, files['id-front.png']!, '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.lines.find((l) => l.error)).toMatchObject({ file: bad, error: { code: 'BAD_REQUEST' } });
    expect(r.lines.find((l) => l.text)?.text).toContain('孙建平');
  }, 120_000);
});
