import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseractEngine } from '../../../main/node/capabilities/ocr/tesseract/tesseract-engine.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { hasFont, packsReady, renderLines, repoPacks } from './tesseract-helpers.js';

const ready = packsReady(['tesseract-eng']) && hasFont('Noto Sans CJK SC');
const EN = ['Application for a residence permit', 'Please bring the original documents', 'Office hours: 9:00 to 17:00'];

describe.runIf(ready)('Tesseract worker thread', () => {
  afterAll(() => cleanupTempDirs());

  it('a thread that dies mid-call fails that call with WORKER_CRASHED, and the next call starts a new worker', async () => {
    // The threads Node announces (the public process 'worker' event the engine watches its workers with).
    const threads: Worker[] = [];
    const grab = (w: Worker) => threads.push(w);
    process.on('worker', grab);
    const engine = await TesseractEngine.load(repoPacks(), { workDir: tempDir(), osd: false, detectRotation: false });
    try {
      const page = await renderLines(EN, 'Noto Sans CJK SC');
      expect((await engine.recognize(page, { lang: 'en' })).lines.length).toBeGreaterThan(0);
      expect(threads).toHaveLength(1);
      const inFlight = engine.recognize(page, { lang: 'en' }).catch((e: unknown) => e);
      await threads[0]!.terminate(); // what a crash of the thread looks like from outside
      expect(await inFlight).toMatchObject({ code: 'WORKER_CRASHED', message: expect.stringContaining('Tesseract eng worker exited') });
      expect((await engine.recognize(page, { lang: 'en' })).lines.length).toBeGreaterThan(0);
      expect(threads).toHaveLength(2);
    } finally {
      process.off('worker', grab);
      await engine.dispose();
    }
  }, 120_000);
});
