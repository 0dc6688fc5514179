import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

/**
 * Writes a plugin folder (plugin.json + index.mjs) into a fresh parent folder and returns both paths. `code` is the
 * body of `activate(api)`; the capability's input and output schemas accept any object unless given.
 */
export function writePlugin(o: {
  id: string;
  capability: string;
  code: string;
  permissions?: string[];
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
  parent?: string;
}): { parent: string; folder: string } {
  const parent = o.parent ?? tempDir('ic-plugins-');
  const folder = path.join(parent, o.id);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'plugin.json'),
    JSON.stringify({
      id: o.id,
      name: o.id,
      version: '1.0.0',
      apiVersion: 1,
      entry: 'index.mjs',
      permissions: o.permissions ?? [],
      capabilities: [{ id: o.capability, title: o.capability, input: o.input ?? { type: 'object' }, output: o.output ?? { type: 'object' } }],
    }),
  );
  fs.writeFileSync(path.join(folder, 'index.mjs'), `export async function activate(api) {\n${o.code}\n}\n`);
  return { parent, folder };
}
