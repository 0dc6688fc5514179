import fs from 'node:fs';
import path from 'node:path';
import { HubError, type HfLayout } from '../../../common/contract/index.js';

const fail = (id: string, msg: string) => new HubError('UNAVAILABLE', `model pack "${id}" does not have the expected layout: ${msg}`);

function readJson(file: string, id: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw fail(id, `${path.basename(file)} is missing or not JSON (${(err as Error).message})`);
  }
}

/**
 * Checks a Hugging Face–layout pack against what the manifest says the loader relies on (config keys, tokenizer
 * class, ONNX session input/output names) so a wrong or damaged pack fails with a reason instead of deep inside
 * the library.
 */
export async function checkHfLayout(id: string, dir: string, layout: HfLayout): Promise<void> {
  const config = readJson(path.join(dir, 'config.json'), id);
  const missing = layout.configKeys.filter((k) => !(k in config));
  if (missing.length) throw fail(id, `config.json lacks ${missing.join(', ')}`);
  if (config.model_type !== layout.modelType) throw fail(id, `config.json model_type is "${config.model_type}", expected "${layout.modelType}"`);
  const tok = readJson(path.join(dir, 'tokenizer_config.json'), id);
  if (String(tok.tokenizer_class).replace(/Fast$/, '') !== layout.tokenizerClass) {
    throw fail(id, `tokenizer_class is "${tok.tokenizer_class}", expected "${layout.tokenizerClass}"`);
  }
  if (!fs.existsSync(path.join(dir, 'tokenizer.json'))) throw fail(id, 'tokenizer.json is missing');

  const ort = (await import('onnxruntime-node')).default;
  for (const [name, s] of Object.entries(layout.sessions)) {
    const file = path.join(dir, s.file);
    if (!fs.existsSync(file)) throw fail(id, `${s.file} (session "${name}") is missing`);
    const session = await ort.InferenceSession.create(file);
    try {
      const noIn = s.inputs.filter((n) => !session.inputNames.includes(n));
      const noOut = s.outputs.filter((n) => !session.outputNames.includes(n));
      if (noIn.length || noOut.length) {
        throw fail(id, `${s.file} lacks ${[...noIn.map((n) => `input ${n}`), ...noOut.map((n) => `output ${n}`)].join(', ')}`);
      }
    } finally {
      await session.release();
    }
  }
}
