import fs from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSource } from '../../../main/common/contract/index.js';
import { builtinCapability } from '../../../main/node/hub/builtin-capability.js';
import { createApp as createHub, type App as Hub } from '../../../main/node/app/app.js';
import { main } from '../../../main/node/cli/main.js';
import { Output } from '../../../main/node/cli/output.js';
import { canonicalJson, parseJsonLines, verifyChain } from '../../../main/node/log/audit-chain.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

const ID = '330106199001013016';

function hubWithVerdicts(dataDir = tempDir()): Hub {
  const hub = createHub({ dataDir, extraPluginDirs: [] });
  hub.registry.register(
    builtinCapability({
      id: 'test.review',
      title: 'review',
      input: z.object({ file: FileSource, fail: z.boolean().optional() }).strict(),
      output: z.object({ verdict: z.string(), note: z.string() }),
      async invoke(input) {
        if (input.fail) throw new Error(`unreadable ID ${ID}`);
        return { output: { verdict: 'needs_review', note: `申请人 孙建平 ${ID}` }, engine: 'test-engine' };
      },
    }),
  );
  return hub;
}
const upload = (text: string) => ({ name: '孙建平身份证.jpg', base64: Buffer.from(text).toString('base64') });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const sink = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
  const code = await main(args, new Output(true, sink, sink));
  return { code, lines };
}

describe('audit trail', () => {
  it('records each job: time, operator (the OS account), capability, engine, input hashes, verdict; no personal data', async () => {
    const hub = hubWithVerdicts();
    await hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload('scan one') } });
    await expect(hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload('scan two'), fail: true } })).rejects.toThrow();
    await hub.audit.close();
    const entries = (await hub.client.call('audit.list', { action: 'job' })).reverse();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      seq: 1,
      action: 'job',
      capability: 'test.review',
      operator: os.userInfo().username,
      engine: 'test-engine',
      inputs: [{ sha256: sha('scan one'), bytes: 8 }],
      verdict: 'succeeded; needs_review',
    });
    expect(entries[1]!.verdict).toMatch(/^failed; 1 of 1 failed/);
    const raw = JSON.stringify(entries);
    expect(raw).not.toContain(ID);
    expect(raw).not.toContain('孙建平');
    await hub.close();
  });

  it('names the operator set in the settings, and records the settings change itself', async () => {
    const hub = hubWithVerdicts();
    await hub.client.call('settings.set', { operatorName: '窗口3 王芳' });
    await hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload('x') } });
    await hub.audit.close();
    const [job, change] = await hub.client.call('audit.list');
    expect(change).toMatchObject({ action: 'settings.set', details: { changed: ['operatorName'] } });
    expect(job).toMatchObject({ action: 'job', operator: '窗口3 王芳' });
    await hub.close();
  });

  it('is append-only in the database: UPDATE and DELETE are refused', async () => {
    const hub = hubWithVerdicts();
    await hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload('x') } });
    await hub.audit.close();
    expect(() => hub.stores.db.prepare(`UPDATE audit SET entry = '{}'`).run()).toThrow(/append-only/);
    expect(() => hub.stores.db.prepare(`DELETE FROM audit`).run()).toThrow(/append-only/);
    await hub.close();
  });

  it('ic audit export writes JSON lines with each hash and the previous one; ic audit verify accepts it', async () => {
    const root = tempDir();
    const hub = hubWithVerdicts(root);
    for (let i = 0; i < 4; i++) await hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload(`s${i}`) } });
    await hub.close();
    const file = path.join(tempDir(), 'audit.jsonl');
    const ex = await cli(['audit', 'export', '--out', file, '--data-dir', root, '--json']);
    expect(ex.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].prev).toBe('0'.repeat(64));
    for (let i = 1; i < lines.length; i++) expect(lines[i].prev).toBe(lines[i - 1].hash);
    expect(JSON.parse(ex.lines.at(-1)!)).toMatchObject({ entries: 4, head: lines[3].hash });
    expect((await cli(['audit', 'verify', file, '--json'])).code).toBe(0);
    expect((await cli(['audit', 'verify', '--data-dir', root, '--json'])).code).toBe(0);
  });

  describe('ic audit verify finds', () => {
    let good: string[] = [];
    const setup = async () => {
      const root = tempDir();
      const hub = hubWithVerdicts(root);
      for (let i = 0; i < 5; i++) await hub.client.call('jobs.run', { capability: 'test.review', input: { file: upload(`p${i}`) } });
      await hub.close();
      const file = path.join(tempDir(), 'a.jsonl');
      await cli(['audit', 'export', '--out', file, '--data-dir', root]);
      good = fs.readFileSync(file, 'utf8').trim().split('\n');
    };
    const verifyLines = async (lines: string[]) => {
      const f = path.join(tempDir(), 'b.jsonl');
      fs.writeFileSync(f, lines.join('\n') + '\n');
      const r = await cli(['audit', 'verify', f, '--json']);
      return { code: r.code, result: JSON.parse(r.lines.at(-1)!) as { ok: boolean; problems: { line: number; problem: string }[] } };
    };

    it('a changed entry (its hash no longer matches)', async () => {
      await setup();
      const changed = [...good];
      const e = JSON.parse(changed[2]!);
      e.verdict = 'succeeded; pass';
      changed[2] = JSON.stringify(e);
      const r = await verifyLines(changed);
      expect(r.code).toBe(1);
      expect(r.result.problems).toEqual([{ line: 3, seq: 3, problem: expect.stringMatching(/changed/) }]);
    });

    it('a changed entry whose hash was recomputed (the next entry no longer follows it)', async () => {
      const changed = [...good];
      const { prev: _p, hash: _h, ...entry } = JSON.parse(changed[1]!);
      entry.operator = 'someone else';
      const prev = JSON.parse(changed[0]!).hash;
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update(prev).update(canonicalJson(entry)).digest('hex');
      changed[1] = JSON.stringify({ ...entry, prev, hash });
      const r = await verifyLines(changed);
      expect(r.result.problems.map((p) => p.line)).toEqual([3]);
    });

    it('a removed entry', async () => {
      const r = await verifyLines(good.filter((_, i) => i !== 2));
      expect(r.code).toBe(1);
      expect(r.result.problems[0]).toMatchObject({ line: 3, problem: expect.stringMatching(/removed|inserted|moved/) });
    });

    it('reordered entries', async () => {
      const swapped = [good[0]!, good[2]!, good[1]!, good[3]!, good[4]!];
      const r = await verifyLines(swapped);
      expect(r.code).toBe(1);
      expect(r.result.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    });

    it('a removed first entry and a damaged line', async () => {
      expect((await verifyLines(good.slice(1))).result.problems[0]!.problem).toMatch(/starts at entry 2/);
      const r = await verifyLines([good[0]!, '{not json', ...good.slice(1)]);
      expect(r.result.problems[0]).toMatchObject({ line: 2, problem: expect.stringMatching(/not a JSON object/) });
    });
  });

  it('verifyChain over an empty trail is ok with no head', () => {
    expect(verifyChain(parseJsonLines(''))).toEqual({ ok: true, entries: 0, head: null, problems: [] });
  });

  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
