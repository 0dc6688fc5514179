import path from 'node:path';
import { appRoot } from '../config/app-paths.js';
import { HostProcess } from './host-process.js';

/**
 * The model host: one child process for inference, so OCR (and later embeddings, translation) never blocks the
 * hub or the window. Started on first use; restarted after a crash.
 */
export function createModelHost(o: { dataDir: string; catalogFile?: string; onStderr?: (chunk: string) => void }): HostProcess {
  return new HostProcess({
    name: 'model host',
    entry: path.join(appRoot, 'dist', 'main', 'node', 'hosts', 'model-host-entry.js'),
    env: { ...process.env, IC_DATA_DIR: o.dataDir, ...(o.catalogFile ? { IC_MODELS_CATALOG: o.catalogFile } : {}) },
    onStderr: o.onStderr,
    // Model loads (onnxruntime sessions, Tesseract workers) take a few seconds on 2 cores.
    startTimeoutMs: 60_000,
    cancelGraceMs: 3000,
  });
}
