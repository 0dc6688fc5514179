import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS example plugin, no type declarations
import { maskText } from '../../../plugins/pii-mask/index.js';

describe('example plugin: personal-data masking', () => {
  it('masks ID numbers keeping region and check digit, phones keeping prefix and last four', () => {
    const r = maskText('申请人身份证330106199001013016，手机13812345678，座机0571-87654321。');
    expect(r.text).toBe('申请人身份证330106********3016，手机138****5678，座机0571-****4321。');
    expect(r.found.map((f: { kind: string }) => f.kind)).toEqual(['id_number', 'phone', 'phone']);
  });

  it('does not take digits out of longer numbers, and keeps a lowercase x check digit', () => {
    expect(maskText('order 1234567890123456789012').found).toEqual([]);
    expect(maskText('id 33010619900101301x').text).toBe('id 330106********301x');
  });

  it('masks only the kinds asked for', () => {
    const r = maskText('13812345678 a.b@example.com', ['email']);
    expect(r.text).toBe('13812345678 a***@example.com');
  });
});
