import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMarkdown, parseBenchArgs, runOcrBench } from '../../../scripts/bench/ocr-bench.mjs';

// The bench's side of "our engine": a stand-in hub that answers `ocr` jobs with the reference text (or fails), so
// the scoring, timing, CPU and VmHWM plumbing is tested without models. Native Tesseract is not run here.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bench-run-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const tsv = path.join(tmp, 'eval.tsv');
fs.writeFileSync(tsv, 'p1\tNoto Sans CJK SC\t测试证明|姓名 张三|号码 12345\np2\tDejaVu Sans\tNotice|Name: Li Lei\n');
const lines: Record<string, string> = { p1: '测试证明\n姓名 张三\n号码 12345', p2: 'Notice\nName: Li Lei' };

function fakeHub(o: { hasOcr?: boolean; failOn?: string } = {}) {
  const closed: boolean[] = [];
  const jobs = new Map<string, { inputs: { file: { path: string } }[] }>();
  const answer = (file: string) => {
    if (o.failOn && file.includes(o.failOn)) throw new Error('model host exited while starting');
    const doc = Object.keys(lines).find((id) => file.includes(`/${id}-`))!;
    return { file, pages: [{ text: lines[doc], engine: 'ppocr-v4', rotation: 0, ms: 5 }] };
  };
  const hub = {
    registry: { has: (id: string) => id === 'ocr' && o.hasOcr !== false },
    modelHost: { pid: process.pid },
    client: {
      async call(method: string, params: any): Promise<any> {
        if (method === 'jobs.run') return { job: {}, output: answer(params.input.file.path), engine: 'ppocr-v4' };
        if (method === 'jobs.start') {
          jobs.set('job_aaaaaaaa', { inputs: params.inputs });
          return { id: 'job_aaaaaaaa' };
        }
        if (method === 'jobs.get') {
          const items = jobs.get(params.id)!.inputs.map((input, index) => {
            try {
              return { index, output: answer(input.file.path) };
            } catch (e) {
              return { index, error: { code: 'WORKER_CRASHED', message: (e as Error).message } };
            }
          });
          const itemsFailed = items.filter((i) => 'error' in i).length;
          return { job: { status: 'succeeded', itemsDone: items.length - itemsFailed, itemsFailed }, items };
        }
        throw new Error(`unexpected ${method}`);
      },
    },
    async close() {
      closed.push(true);
    },
  };
  return { hub, closed };
}

const base = () => ({ ...parseBenchArgs(['--engine', 'ours-only', '--variants', 'clean,rot90']), tsv, cacheDir: path.join(tmp, 'cache') });

describe('bench ocr: our engine through the hub', () => {
  it('scores, times and reads VmHWM of the host pid, and runs the batch memory job in a fresh hub', async () => {
    const made: ReturnType<typeof fakeHub>[] = [];
    const result = await runOcrBench(
      { ...base(), memory: true, memoryPages: 5 },
      {
        log: () => {},
        createHub: () => {
          const f = fakeHub();
          made.push(f);
          return f.hub;
        },
      },
    );
    expect(result.pages).toHaveLength(4);
    expect(result.pages.every((p) => p.ours?.cer === 0 && p.native === undefined)).toBe(true);
    expect(result.summary!.overall.ours).toMatchObject({ pages: 4, errors: 0, cer: 0 });
    expect(result.summary!.overall.native).toBeNull();
    expect(result.ours.available).toBe(true);
    expect(result.ours.peakKB).toBeGreaterThan(1000);
    expect(result.ours.pids).toEqual([process.pid]);
    expect(result.memory).toMatchObject({ available: true, pages: 5, itemsDone: 5, itemsFailed: 0 });
    expect(result.memory!.peakKB).toBeGreaterThan(1000);
    expect(made).toHaveLength(2);
    expect(made.every((f) => f.closed.length === 1)).toBe(true);
    const md = formatMarkdown(result);
    expect(md).toMatch(/\| clean \| 2 \| 0\.0% \| n\/a \| \d+ \| n\/a \| n\/a \|/);
    expect(md).toMatch(/Peak memory of our OCR worker \(VmHWM, this run\): \d+ MB/);
    expect(md).toMatch(/Batch memory: 5 pages as one `ocr` job/);
    // The batch row: every page in one job, each read as it was alone (native Tesseract did not run here).
    expect(result.batch).toMatchObject({ ours: { failed: 0, otherText: 0 }, speed: null });
    expect(result.batch!.ours!.msPerPage).toBeGreaterThan(0);
    expect(md).toMatch(/\| batch \| \d+ \| n\/a \| n\/a \|/);
  }, 60_000);

  it('says n/a for memory when the hub does not expose the host pid, and counts failed pages as CER 1', async () => {
    const result = await runOcrBench(base(), {
      log: () => {},
      hostPid: () => undefined,
      createHub: () => fakeHub({ failOn: 'p2-' }).hub,
    });
    expect(result.ours.peakKB).toBeNull();
    expect(result.summary!.overall.ours).toMatchObject({ errors: 2 });
    const md = formatMarkdown(result);
    expect(md).toContain('Peak memory of our OCR worker (VmHWM, this run): n/a');
    expect(md).toContain('Our engine failed on 2 of 4 pages (counted as CER 100%); first error: model host exited while starting');
    expect(result.batch!.ours).toMatchObject({ failed: 2, otherText: 0 });
    expect(md).toContain('Our batch: 2 pages failed, 0 read otherwise than one by one.');
  }, 60_000);

  it('reports a missing `ocr` capability clearly, and fails when only our engine was asked for', async () => {
    const err = await runOcrBench({ ...base(), native: false, ours: true }, { log: () => {}, createHub: () => fakeHub({ hasOcr: false }).hub }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/the hub has no `ocr` capability/);
  }, 60_000);
});
