import { afterAll, describe, expect, it } from 'vitest';
import { maskText } from '../../../main/node/capabilities/prereview/mask.js';
import { LineSplitter } from '../../../main/node/log/line-splitter.js';
import { HubLog } from '../../../main/node/log/hub-log.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { testHub } from '../../helpers/hub.js';
import { writePlugin } from '../../helpers/temp-plugin.js';
import fs from 'node:fs';

afterAll(cleanupTempDirs);

describe('masking of numbers written in groups', () => {
  it.each([
    ['330106 1990 0101 301X', '330106'],
    ['330106 19900101 3016', '330106'],
    ['3301-0619-9001-0130-16', '3301-0'],
    ['330106199001013016', '330106'],
  ])('ID number %s', (id, keep) => {
    const out = maskText(`证件号码 ${id} 已核验`);
    expect(out).toContain(keep);
    expect(out).not.toContain('1990');
    expect(out).not.toMatch(/0101/);
  });

  it('mobiles written 138 1234 5678 and +86 138-1234-5678', () => {
    expect(maskText('电话 138 1234 5678。')).toBe('电话 138****5678。');
    expect(maskText('tel +86 138-1234-5678')).not.toContain('1234');
  });

  it('leaves ordinary numbers alone', () => {
    expect(maskText('共 12 页，2024 年 3 月，金额 1 234 元')).toBe('共 12 页，2024 年 3 月，金额 1 234 元');
  });
});

describe('masking runs in linear time on hostile input (1 MB each; the test timeout is the bound)', () => {
  const MB = 1024 * 1024;
  const cases: [string, string][] = [
    ['digits', '1'.repeat(MB)],
    ['digits and spaces', '1 '.repeat(MB / 2)],
    ['digits and hyphens with a letter', ('1-'.repeat(20) + 'x').repeat(MB / 41)],
    ['a label then spaces', '姓名' + ' '.repeat(MB)],
    ['a label, a colon, spaces, no name', ('姓名' + ' '.repeat(1000) + ':' + ' '.repeat(1000) + '!').repeat(MB / 2003)],
    ['address labels', ('地址' + ' '.repeat(500) + '：' + 'a'.repeat(500)).repeat(MB / 1002)],
    ['name labels back to back', 'Name'.repeat(MB / 4)],
    ['card-like groups', '6222 '.repeat(MB / 5)],
    ['full-width digits', '１'.repeat(MB)],
  ];
  it.each(cases)('%s', (_name, input) => {
    const out = maskText(input);
    expect(out.length).toBeGreaterThan(0);
  }, 20_000);

  it('the hub log joins lines without a backtracking pattern (1 MB of spaces)', () => {
    const log = new HubLog(tempDir(), (s) => s);
    log.write('info', 'a' + ' '.repeat(MB) + 'b\n' + ' '.repeat(MB));
    expect(fs.readFileSync(log.file, 'utf8')).toMatch(/ a +b\n$/);
  }, 20_000);
});

describe('stderr is masked in whole lines', () => {
  it('LineSplitter: a number split across chunks comes out whole', () => {
    const got: string[] = [];
    const s = new LineSplitter((t) => got.push(t));
    for (const c of ['log: 33010', '6199001', '013016 end\nnext ', 'line', '\n', 'tail']) s.push(c);
    s.flush();
    expect(got.join('')).toBe('log: 330106199001013016 end\nnext line\ntail\n');
    expect(got.map((t) => maskText(t)).join('')).not.toContain('19900101');
  });

  it('LineSplitter: a line with no newline is let out in bounded pieces, cut at spaces', () => {
    const got: string[] = [];
    const s = new LineSplitter((t) => got.push(t), 1000, 64);
    s.push(('word 330106199001013016 ').repeat(200));
    s.flush();
    expect(got.every((g) => g.length <= 1001)).toBe(true);
    expect(got.map((t) => maskText(t)).join('')).not.toContain('19900101');
  });

  it('a plugin writing an ID number in two pieces: neither the log nor the terminal copy shows it', async () => {
    const { parent } = writePlugin({
      id: 'chatty',
      capability: 'chatty.say',
      code: `api.handle('chatty.say', async () => {
        process.stderr.write('applicant 330106');
        await new Promise((r) => setTimeout(r, 100));
        process.stderr.write('199001013016 and 138 1234 5678\\n');
        return {};
      });`,
    });
    const hub = testHub({ extraPluginDirs: [parent] });
    try {
      await hub.client.call('jobs.run', { capability: 'chatty.say', input: {} });
      await new Promise((r) => setTimeout(r, 200));
      const log = fs.readFileSync(hub.log.file, 'utf8');
      expect(log).toContain('applicant 330106');
      expect(log).not.toContain('19900101');
      expect(log).not.toContain('1234 5678');
      expect(hub.stderr.join('')).toContain('applicant 330106');
      expect(hub.stderr.join('')).not.toContain('19900101');
    } finally {
      await hub.close();
    }
  });
});
