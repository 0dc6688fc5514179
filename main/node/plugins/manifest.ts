import fs from 'node:fs';
import path from 'node:path';
import {
  HubError,
  PluginManifest,
  RESERVED_CAPABILITIES,
  RESERVED_NAMESPACES,
  parseOrThrow,
} from '../../common/contract/index.js';
import { compileJsonSchema, type JsonValidator } from './json-schema.js';
import { linkProblem } from './folder-links.js';

export const MANIFEST_FILE = 'plugin.json';
const MAX_MANIFEST_BYTES = 256 * 1024;

export interface LoadedManifest {
  folder: string;
  manifest: PluginManifest;
  /** Absolute, symlink-resolved path of the entry file, inside the folder. */
  entryPath: string;
  validators: Map<string, { input: JsonValidator; output: JsonValidator }>;
}

const bad = (folder: string, msg: string) => new HubError('BAD_MANIFEST', `plugin at ${folder}: ${msg}`);

/** Reads and checks a plugin folder's manifest; every problem becomes one clear BAD_MANIFEST error. */
export function loadManifest(folder: string): LoadedManifest {
  const file = path.join(folder, MANIFEST_FILE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw bad(folder, `no ${MANIFEST_FILE}`);
  }
  if (stat.size > MAX_MANIFEST_BYTES) throw bad(folder, `${MANIFEST_FILE} is larger than 256 KiB`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw bad(folder, `${MANIFEST_FILE} is not valid JSON (${(err as Error).message})`);
  }
  let manifest: PluginManifest;
  try {
    manifest = parseOrThrow(PluginManifest, raw, MANIFEST_FILE);
  } catch (err) {
    throw bad(folder, (err as Error).message);
  }

  const realFolder = fs.realpathSync(folder);
  const links = linkProblem(realFolder);
  if (links) throw bad(folder, links);
  const entry = path.resolve(realFolder, manifest.entry);
  let realEntry: string;
  try {
    realEntry = fs.realpathSync(entry);
  } catch {
    throw bad(folder, `entry file "${manifest.entry}" does not exist`);
  }
  if (!realEntry.startsWith(realFolder + path.sep)) throw bad(folder, `entry "${manifest.entry}" points outside the plugin folder`);

  const validators = new Map<string, { input: JsonValidator; output: JsonValidator }>();
  for (const cap of manifest.capabilities) {
    const ns = cap.id.split('.')[0]!;
    if ((RESERVED_CAPABILITIES as readonly string[]).includes(cap.id) || (RESERVED_NAMESPACES as readonly string[]).includes(ns)) {
      throw bad(folder, `capability "${cap.id}" uses a name reserved for the app`);
    }
    if (validators.has(cap.id)) throw bad(folder, `capability "${cap.id}" is declared twice`);
    try {
      validators.set(cap.id, {
        input: compileJsonSchema(cap.input, `input schema of "${cap.id}"`),
        output: compileJsonSchema(cap.output, `output schema of "${cap.id}"`),
      });
    } catch (err) {
      throw bad(folder, (err as Error).message);
    }
    if (usesPickedFiles(cap.input) && !manifest.permissions.includes('files.read-picked')) {
      throw bad(folder, `capability "${cap.id}" takes file contents but the plugin lacks the "files.read-picked" permission`);
    }
  }
  return { folder: realFolder, manifest, entryPath: realEntry, validators };
}

/** A schema takes picked-file contents when a property is a base64 string (`contentEncoding: "base64"`). */
export function usesPickedFiles(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  if ((schema as Record<string, unknown>).contentEncoding === 'base64') return true;
  return Object.values(schema as Record<string, unknown>).some(usesPickedFiles);
}
