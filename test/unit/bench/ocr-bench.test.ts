import { describe, expect, it } from 'vitest';
import { formatMarkdown, median, parseBenchArgs, readCpuMs, readVmHWMkB, summarize, type BenchResult, type PageResult } from '../../../scripts/bench/ocr-bench.mjs';
import { parseShTimes, tesseractLangFor } from '../../../scripts/bench/native-tesseract.mjs';

const score = (cer: number, ms: number, refLength = 10, error?: string) => ({
  text: '',
  ms,
  cpuMs: ms / 2,
  cer,
  distance: Math.round(cer * refLength),
  refLength,
  ...(error ? { error } : {}),
});

describe('bench ocr: options', () => {
  it('parses filters, engine modes and flags', () => {
    const o = parseBenchArgs(['--variants', 'clean,rot90', '--docs=hukou,bank_stmt_en', '--json', '--memory', '--engine', 'tesseract-native-only']);
    expect(o.variants).toEqual(['clean', 'rot90']);
    expect(o.docs).toEqual(['hukou', 'bank_stmt_en']);
    expect(o).toMatchObject({ json: true, memory: true, memoryPages: 20, ours: false, native: true, engine: 'auto', tesseractThreads: 1 });
    expect(parseBenchArgs(['--engine', 'ours-only'])).toMatchObject({ ours: true, native: false });
    expect(parseBenchArgs(['--engine', 'ppocr'])).toMatchObject({ engine: 'ppocr', ours: true, native: true });
    expect(parseBenchArgs(['--memory-only'])).toMatchObject({ memory: true, memoryOnly: true });
  });

  it('refuses unknown options, variants and engines, and missing values', () => {
    expect(() => parseBenchArgs(['--variants', 'clean,blurry'])).toThrow(/unknown variant blurry/);
    expect(() => parseBenchArgs(['--engine', 'gpt'])).toThrow(/--engine/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option "--fast"/);
    expect(() => parseBenchArgs(['--docs'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--memory-pages', '0'])).toThrow(/integer ≥ 1/);
    expect(() => parseBenchArgs(['--memory-only', '--engine', 'tesseract-native-only'])).toThrow(/--memory-only/);
  });
});

describe('bench ocr: summary and table', () => {
  const pages: PageResult[] = [
    { doc: 'a', font: 'Noto Sans CJK SC', variant: 'clean', image: 'a.png', refLength: 10, native: score(0.1, 1000), ours: score(0, 200) },
    { doc: 'b', font: 'Noto Sans CJK TC', variant: 'clean', image: 'b.png', refLength: 30, native: score(0, 1400, 30), ours: score(0.1, 400, 30) },
    { doc: 'a', font: 'Noto Sans CJK SC', variant: 'rot90', image: 'a90.png', refLength: 10, native: score(0.5, 1200), ours: score(1, 50, 10, 'boom') },
  ];

  it('pools CER by reference length, takes medians over pages that succeeded, and counts failures', () => {
    const s = summarize(pages, ['clean', 'rot90', 'photo']);
    expect(s.variants.map((r) => r.label)).toEqual(['clean', 'rot90']);
    const clean = s.variants[0]!;
    expect(clean.native?.cer).toBeCloseTo(1 / 40, 10);
    expect(clean.ours?.cer).toBeCloseTo(3 / 40, 10);
    expect(clean.native?.medianMs).toBe(1200);
    expect(clean.ours?.medianMs).toBe(300);
    expect(clean.native?.medianCpuMs).toBe(600);
    expect(clean.speedRatio).toBeCloseTo(4, 10);
    const rot = s.variants[1]!;
    expect(rot.ours).toMatchObject({ errors: 1, cer: 1, medianMs: null });
    expect(rot.speedRatio).toBeNull();
    expect(s.overall.pages).toBe(3);
    expect(s.overall.native?.cer).toBeCloseTo((1 + 0 + 5) / 50, 10);
  });

  it('prints one markdown row per variant plus overall, with n/a where an engine did not run', () => {
    const nativeOnly = pages.map(({ ours: _ours, ...p }) => p);
    const result: BenchResult = {
      meta: {
        date: '2026-01-01T00:00:00.000Z',
        tsv: '/x/ocr-dev.tsv',
        docs: ['a', 'b'],
        variants: ['clean', 'rot90'],
        cacheDir: '/tmp/c',
        renderVersion: 1,
        node: '20.0.0',
        cpus: 2,
        cpuModel: 'CPU',
        memGB: 8,
        loadAvg: 0.1,
        tesseract: 'tesseract 5.3.0',
        tesseractThreads: 1,
        oursEngine: 'auto',
      },
      pages: nativeOnly,
      summary: summarize(nativeOnly, ['clean', 'rot90']),
      ours: { available: false, reason: 'no ocr capability', peakKB: null, pids: [], coldMs: null },
      memory: null,
    };
    const md = formatMarkdown(result, { details: true });
    expect(md).toContain('| clean | 2 | n/a | 2.5% | n/a | 1200 | n/a | n/a | 600 |');
    expect(md).toContain('| rot90 | 1 | n/a | 50.0% | n/a | 1200 | n/a | n/a | 600 |');
    expect(md).toContain('| **overall** | 3 | n/a | 12.0% |');
    expect(md).toContain('Our engine: n/a — no ocr capability');
    expect(md).toContain('| a | 10.0% | 50.0% |');
    expect(md).not.toContain('Per document — ours');
  });

  it("compares with native Tesseract's start-up excluded where it was measured", () => {
    const net = (ms: number, startup: number) => ({ ...score(0, ms), netMs: ms - startup });
    const withNet: PageResult[] = [
      { doc: 'a', font: 'Noto Sans CJK SC', variant: 'clean', image: 'a.png', refLength: 10, native: net(900, 300), ours: score(0, 200) },
      { doc: 'b', font: 'Noto Sans CJK TC', variant: 'clean', image: 'b.png', refLength: 10, native: net(1100, 300), ours: score(0, 200) },
    ];
    const s = summarize(withNet, ['clean']);
    expect(s.overall.native?.medianMs).toBe(1000);
    expect(s.overall.native?.medianNetMs).toBe(700);
    expect(s.overall.speedRatio).toBeCloseTo(5, 10);
    expect(s.overall.speedRatioNet).toBeCloseTo(3.5, 10);
    // Without the start-up measured (older results, native not run): no such comparison.
    expect(summarize(pages, ['clean']).overall.speedRatioNet).toBeNull();
    const result = {
      meta: { date: '', tsv: 'x.tsv', docs: ['a', 'b'], variants: ['clean'], cacheDir: '', renderVersion: 1, node: '', cpus: 2, cpuModel: '', memGB: 1, loadAvg: 0, tesseract: null, tesseractThreads: 1, oursEngine: 'auto', tesseractStartupMs: { 'chi_sim+eng': 300, 'chi_tra+eng': 300 } },
      pages: withNet,
      summary: s,
      ours: { available: true, peakKB: null, pids: [], coldMs: null },
      memory: null,
    } satisfies BenchResult;
    const md = formatMarkdown(result);
    expect(md).toContain('chi_sim+eng 300 ms, chi_tra+eng 300 ms');
    expect(md).toContain('| **overall** | 700 | 3.50× |');
  });

  it('medians, VmHWM and the Tesseract language per font', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    if (process.platform === 'linux') expect(readVmHWMkB(process.pid)).toBeGreaterThan(1000);
    expect(readVmHWMkB(0x7fffffff)).toBeUndefined();
    if (process.platform === 'linux') expect(readCpuMs(process.pid)).toBeGreaterThan(0);
    expect(readCpuMs(0x7fffffff)).toBeUndefined();
    expect(parseShTimes('warning\n@@times\n0m0.010000s 0m0.000000s\n0m1.230000s 0m0.040000s\n')).toBeCloseTo(1270, 6);
    expect(parseShTimes('no marker')).toBeUndefined();
    expect(tesseractLangFor({ font: 'Noto Sans CJK TC' })).toBe('chi_tra+eng');
    expect(tesseractLangFor({ font: 'Noto Serif CJK SC' })).toBe('chi_sim+eng');
    expect(tesseractLangFor({ font: 'DejaVu Sans' })).toBe('chi_sim+eng');
  });
});
