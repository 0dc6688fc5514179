import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubError } from '../../../main/common/contract/index.js';
import type { EngineResult, RasterPage } from '../../../main/node/capabilities/ocr/engine.js';
import { looksTraditional, scriptStats } from '../../../main/node/capabilities/ocr/tesseract/script-detect.js';
import { langSetFor, mapBack, TesseractEngine } from '../../../main/node/capabilities/ocr/tesseract/tesseract-engine.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { cer, hasFont, packsReady, renderLines, repoPacks, turnBox, turned } from './tesseract-helpers.js';

const SC = ['居民身份证申请登记表', '申请人姓名：张三　性别：男', '办理业务请携带有效证件原件', 'Name: Zhang San  ID 110101199001011234'];
const TC = ['中華民國國民身分證申請書', '辦理業務請攜帶有效證件正本', '戶籍謄本與護照影本各一份'];
const EN = ['Application for a residence permit', 'Please bring the original documents', 'Office hours: 9:00 to 17:00'];

/** Bounds over what was measured here (tesseract.js 7.0.0, tessdata_fast 4.1.0, Noto Sans CJK, 36 px): CER 0.029 simplified (full-width "：" read as ":"), 0 traditional, 0 English. */
const MAX_CER = { sc: 0.05, tc: 0.05, en: 0.03 };

const ready = packsReady(['tesseract-chi-sim', 'tesseract-chi-tra', 'tesseract-eng', 'tesseract-osd']) && hasFont('Noto Sans CJK SC') && hasFont('Noto Sans CJK TC');

const text = (r: EngineResult) => r.lines.map((l) => l.text).join('\n');

describe('mapping boxes back from a turned page', () => {
  it('maps the four corners to the page as given, clockwise from the text top-left', () => {
    // page 100 x 50; turned 90 clockwise it is 50 x 100; a box at the top-left of the turned page...
    const b = { x0: 0, y0: 0, x1: 10, y1: 4 };
    // ...was at the bottom-left of the page as given, its text running upwards
    expect(mapBack(b, 90, 100, 50)).toEqual([
      [0, 50],
      [0, 40],
      [4, 40],
      [4, 50],
    ]);
    expect(mapBack(b, 180, 100, 50)).toEqual([
      [100, 50],
      [90, 50],
      [90, 46],
      [100, 46],
    ]);
    expect(mapBack(b, 270, 100, 50)).toEqual([
      [100, 0],
      [100, 10],
      [96, 10],
      [96, 0],
    ]);
    expect(mapBack(b, 0, 100, 50)[2]).toEqual([10, 4]);
  });

  it('routes languages to language sets', () => {
    expect(['auto', 'zh-Hans', 'zh-Hant', 'en'].map((l) => langSetFor(l as 'auto'))).toEqual(['chi_sim+eng', 'chi_sim+eng', 'chi_tra+eng', 'eng']);
  });
});

describe('traditional-script detection', () => {
  it('tells traditional text from simplified text', () => {
    expect(looksTraditional(TC.join(''))).toBe(true);
    expect(looksTraditional(SC.join(''))).toBe(false);
    expect(looksTraditional(EN.join(''))).toBe(false);
    // a simplified text quoting a traditional name stays simplified
    expect(looksTraditional('申请人户籍所在地为臺灣，现居住地为北京市海淀区，办理居住证需要提供以下证明材料')).toBe(false);
    // a traditional page half-converted by an engine (as PP-OCRv4 does) still reads as traditional
    expect(looksTraditional('中華民国國民身分证申請書 办理業務請攜带有效證件正本')).toBe(true);
    expect(scriptStats('國国后').traditional).toBe(1);
    expect(scriptStats('國国后').simplified).toBe(1);
  });
});

describe('packs missing', () => {
  afterAll(() => cleanupTempDirs());
  it('a language whose pack is not installed is UNAVAILABLE, never fetched', async () => {
    const store = repoPacks();
    const only = { require: (id: string) => (id === 'tesseract-eng' ? store.require(id) : store.require('no-such-pack')) };
    const engine = await TesseractEngine.load(only, { workDir: tempDir() });
    const page: RasterPage = { data: Buffer.alloc(30 * 20 * 3, 255), width: 30, height: 20, channels: 3 };
    const err = (await engine.recognize(page, { lang: 'zh-Hans' }).catch((e) => e)) as HubError;
    expect(err).toBeInstanceOf(HubError);
    expect(err.code).toBe('UNAVAILABLE');
    await engine.dispose();
    await expect(TesseractEngine.load({ require: () => store.require('no-such-pack') }, { workDir: tempDir() })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});

describe.runIf(ready)('Tesseract engine on rendered pages', () => {
  let engine: TesseractEngine;
  let sc: RasterPage;
  let tc: RasterPage;
  let en: RasterPage;
  let upright: EngineResult;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    engine = await TesseractEngine.load(repoPacks(), { workDir: tempDir() });
    [sc, tc, en] = await Promise.all([renderLines(SC, 'Noto Sans CJK SC'), renderLines(TC, 'Noto Sans CJK TC'), renderLines(EN, 'Noto Sans CJK SC')]);
  }, 60_000);
  afterAll(async () => {
    await engine?.dispose();
    cleanupTempDirs();
    console.info('tesseract ms/page', timings);
  });

  async function timed(name: string, run: () => Promise<EngineResult>): Promise<EngineResult> {
    const t0 = performance.now();
    const r = await run();
    timings[name] = Math.round(performance.now() - t0);
    return r;
  }

  it('reads simplified Chinese with English (zh-Hans and auto)', async () => {
    await timed('sc first (worker start)', () => engine.recognize(sc, { lang: 'zh-Hans' }));
    upright = await timed('sc', () => engine.recognize(sc, { lang: 'auto' }));
    const c = cer(SC.join(''), text(upright));
    console.info(`CER simplified ${c.toFixed(3)}:`, JSON.stringify(text(upright)));
    expect(c).toBeLessThanOrEqual(MAX_CER.sc);
    expect(upright.rotation).toBe(0);
    expect(upright.lines).toHaveLength(SC.length);
    for (const l of upright.lines) {
      expect(l.confidence).toBeGreaterThan(0.5);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
    // first line: starts near x=48, sits within the first text row
    const [tl, , br] = upright.lines[0]!.box;
    expect(tl[0]).toBeGreaterThan(40);
    expect(tl[0]).toBeLessThan(60);
    expect(br[1]).toBeLessThan(130);
  }, 120_000);

  it('reads traditional Chinese (zh-Hant), and the text looks traditional', async () => {
    await timed('tc first (worker start)', () => engine.recognize(tc, { lang: 'zh-Hant' }));
    const r = await timed('tc', () => engine.recognize(tc, { lang: 'zh-Hant' }));
    const c = cer(TC.join(''), text(r));
    console.info(`CER traditional ${c.toFixed(3)}:`, JSON.stringify(text(r)));
    expect(c).toBeLessThanOrEqual(MAX_CER.tc);
    expect(looksTraditional(text(r))).toBe(true);
    expect(looksTraditional(text(upright))).toBe(false);
  }, 120_000);

  it('reads English (en)', async () => {
    await timed('en first (worker start)', () => engine.recognize(en, { lang: 'en' }));
    const r = await timed('en', () => engine.recognize(en, { lang: 'en' }));
    const c = cer(EN.join(''), text(r));
    console.info(`CER english ${c.toFixed(3)}:`, JSON.stringify(text(r)));
    expect(c).toBeLessThanOrEqual(MAX_CER.en);
  }, 120_000);

  for (const deg of [90, 180, 270] as const)
    it(`finds the rotation of a page turned ${deg} degrees and maps boxes back`, async () => {
      const page = await turned(sc, deg);
      const r = await timed(`sc turned ${deg}`, () => engine.recognize(page, { lang: 'zh-Hans' }));
      expect(r.rotation).toBe((360 - deg) % 360);
      expect(cer(SC.join(''), text(r))).toBeLessThanOrEqual(MAX_CER.sc);
      // each line's box is the upright box carried onto the turned page (same corners, same order)
      for (const line of r.lines) {
        const same = upright.lines.find((u) => u.text === line.text) ?? upright.lines[r.lines.indexOf(line)]!;
        const expected = turnBox(same.box, deg, sc.width, sc.height);
        line.box.forEach(([x, y], i) => {
          expect(Math.abs(x - expected[i]![0])).toBeLessThanOrEqual(4);
          expect(Math.abs(y - expected[i]![1])).toBeLessThanOrEqual(4);
        });
      }
    }, 120_000);

  it('without the osd pack, tries rotations until one reads well', async () => {
    const noOsd = await TesseractEngine.load(repoPacks(), { workDir: tempDir(), osd: false });
    try {
      const r = await timed('sc turned 90, no OSD', async () => noOsd.recognize(await turned(sc, 90), { lang: 'zh-Hans' }));
      expect(r.rotation).toBe(270);
      expect(cer(SC.join(''), text(r))).toBeLessThanOrEqual(MAX_CER.sc);
    } finally {
      await noOsd.dispose();
    }
  }, 120_000);

  it('reuses its workers, and a cancelled call stops with CANCELLED', async () => {
    const ac = new AbortController();
    const p = engine.recognize(sc, { lang: 'zh-Hans', signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const err = (await p.catch((e) => e)) as HubError;
    expect(err.code).toBe('CANCELLED');
    // the engine still works afterwards (a new worker replaces the killed one)
    const again = await engine.recognize(en, { lang: 'en' });
    expect(cer(EN.join(''), text(again))).toBeLessThanOrEqual(MAX_CER.en);
  }, 120_000);
});
