import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import type * as PreloadModule from '../../../main/preload/preload.cjs';
import { repoRoot } from '../../helpers/temp.js';

export type Preload = typeof PreloadModule;

export const PRELOAD_SOURCE = path.join(repoRoot, 'main', 'preload', 'preload.cts');
export const PRELOAD_COMPILED = path.join(repoRoot, 'dist', 'main', 'preload', 'preload.cjs');

/** The preload's source compiled to CommonJS the way tsc does it (vite does not transform .cts files). */
export function transpilePreload(): string {
  const out = ts.transpileModule(fs.readFileSync(PRELOAD_SOURCE, 'utf8'), {
    fileName: PRELOAD_SOURCE,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, strict: true },
  });
  return out.outputText;
}

/**
 * Runs preload code the way Electron runs a sandboxed preload: wrapped in
 * `(function(require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {...})`
 * with a `require` that knows only 'electron' (anything else throws "module not found", as in Electron).
 */
export function runPreload(code: string, electron: unknown): { exports: Preload; required: string[] } {
  const wrapper = `(function(require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${code}\n})`;
  const fn = vm.runInThisContext(wrapper, { filename: 'preload.cjs' }) as (...args: unknown[]) => void;
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const exports = {};
  const module = { exports };
  fn(sandboxRequire, process, Buffer, globalThis, setImmediate, clearImmediate, exports, module);
  return { exports: module.exports as Preload, required };
}

/** Loads the current preload source with the given fake `electron`. */
export function loadPreload(electron: unknown): { exports: Preload; required: string[] } {
  return runPreload(transpilePreload(), electron);
}
