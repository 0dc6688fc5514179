// Entry of the model host process: inference (OCR now; embeddings and translation next) runs here, off the hub's
// thread, with models loaded once and kept. Started by the hub (child_process.fork under Node, a utility process
// under Electron), under Node's permission model where the runtime allows it (hub/model-host-sandbox.ts); a crash
// fails the job in flight and the next job starts a fresh host. It serves the host services of the app's features (features.ts).
import { dataLayout, resolveDataDir } from '../config/data-dir.js';
import { serveModelHost } from '../hub/model-host-child.js';
import { createPackStore } from '../models/models-service.js';
import { features } from './features.js';

const packs = createPackStore(dataLayout(resolveDataDir()), process.env.IC_MODELS_CATALOG || undefined);
await serveModelHost(
  features.flatMap((f) => f.hostServices ?? []),
  { packs },
);
