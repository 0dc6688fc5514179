// The console's file limits (renderer/src/files.ts): pure functions, no DOM needed.
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES, formatBytes, isPreviewable, screenFiles } from '../../../renderer/src/files.js';

const MB = 1024 * 1024;
const f = (name: string, size: number) => ({ name, size });

describe('console file limits', () => {
  it('takes files up to 150 MB and refuses bigger ones, saying so in Chinese and English', () => {
    expect(MAX_FILE_BYTES).toBe(150 * MB);
    const { accepted, refused } = screenFiles([], [f('ok.pdf', 150 * MB), f('big.pdf', 150 * MB + 1), f('empty.png', 0)]);
    expect(accepted.map((x) => x.name)).toEqual(['ok.pdf']);
    expect(refused.map((x) => x.name)).toEqual(['big.pdf', 'empty.png']);
    expect(refused[0]!.reason).toContain('单个文件不能超过 150 MB');
    expect(refused[0]!.reason).toContain('files over 150 MB are refused');
    expect(refused[1]!.reason).toContain('empty');
  });

  it('refuses duplicates, files beyond the count and beyond the total', () => {
    const current = [f('a.png', 10 * MB)];
    const r = screenFiles(current, [f('a.png', 10 * MB), f('b.png', 100 * MB), f('c.png', 60 * MB), f('d.png', 1 * MB)], {
      maxFiles: 3,
      maxTotal: MAX_TOTAL_BYTES,
    });
    expect(r.accepted.map((x) => x.name)).toEqual(['b.png', 'd.png']);
    expect(r.refused).toEqual([
      { name: 'a.png', reason: expect.stringContaining('Already added') },
      { name: 'c.png', reason: expect.stringContaining('Together the files may not exceed 150 MB') },
    ]);
    const full = screenFiles([f('1', 1), f('2', 1)], [f('3', 1), f('4', 1)], { maxFiles: 3 });
    expect(full.accepted.map((x) => x.name)).toEqual(['3']);
    expect(full.refused[0]!.reason).toContain('At most 3 files');
  });

  it('formats sizes and knows which files the browser can preview', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(46 * 1024)).toBe('46 KB');
    expect(formatBytes(151 * MB)).toBe('151 MB');
    expect(isPreviewable({ type: 'image/png', name: 'x' })).toBe(true);
    expect(isPreviewable({ type: 'image/tiff', name: 'x.tif' })).toBe(false);
    expect(isPreviewable({ type: 'application/pdf', name: 'x.pdf' })).toBe(false);
    expect(isPreviewable({ type: '', name: 'photo.JPG' })).toBe(true);
  });
});
