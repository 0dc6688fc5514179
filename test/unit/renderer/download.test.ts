// The console's download helper (renderer/src/download.ts): base64 from a method's result back to the file's bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Bytes } from '../../../renderer/src/download.js';

describe('console downloads', () => {
  it('gives back exactly the bytes the hub encoded, binary and empty files included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(Buffer.from(base64Bytes(Buffer.from(bytes).toString('base64')))).toEqual(Buffer.from(bytes));
      }),
    );
    expect(base64Bytes('')).toEqual(new Uint8Array(0));
  });
});
