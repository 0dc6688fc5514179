// Entry of the model host process: inference (OCR now; embeddings and translation later) runs here, off the hub's
// thread, with models loaded once and kept. Forked by the hub (child_process.fork); a crash fails the job in
// flight and the next job starts a fresh host.
import { OcrInput, parseOrThrow } from '../../common/contract/index.js';
import { dataLayout, resolveDataDir } from '../config/data-dir.js';
import { serveHost } from '../hub/host-child.js';
import { createPackStore } from '../models/models-service.js';
import { OcrService } from '../capabilities/ocr/ocr-service.js';
import { MtHostService, type MtRequest } from '../capabilities/translate/mt-host-service.js';

const packs = createPackStore(dataLayout(resolveDataDir()), process.env.IC_MODELS_CATALOG || undefined);
const ocr = new OcrService(packs);
const mt = new MtHostService(packs);

serveHost({
  ocr: (payload: { input: unknown }, ctx) => ocr.ocr(parseOrThrow(OcrInput, payload.input, 'ocr input'), { signal: ctx.signal, progress: ctx.progress }),
  'translate.mt': (payload: MtRequest, ctx) => mt.translate(payload, ctx.signal),
  memory: () => process.memoryUsage(),
});

process.on('SIGTERM', () => {
  void ocr.dispose().finally(() => process.exit(0));
});
