/**
 * Run by tesseract-no-network.test.ts in a child process under block-network.mjs: starts the engine's workers on
 * the installed packs and recognises a page. Prints the recognised text; the parent reads the network log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TesseractEngine } from '../../../main/node/capabilities/ocr/tesseract/tesseract-engine.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { renderLines, repoPacks } from './tesseract-helpers.js';

// Control: the guard is live in worker threads too (a worker started from a file, as tesseract.js starts its own,
// that fetches gets logged).
const control = path.join(tempDir(), 'control-worker.mjs');
fs.writeFileSync(control, 'await fetch("https://example.invalid/eng.traineddata").catch(() => {});\n');
await new Promise<void>((resolve) => new Worker(control).on('exit', () => resolve()));

const engine = await TesseractEngine.load(repoPacks(), { workDir: tempDir() });
const page = await renderLines(['Residence permit', 'Office hours'], 'Noto Sans CJK SC');
const r = await engine.recognize(page, { lang: 'en' });
const zh = await engine.recognize(page, { lang: 'auto' });
await engine.dispose();
cleanupTempDirs();
process.stdout.write(JSON.stringify({ en: r.lines.map((l) => l.text), auto: zh.lines.map((l) => l.text) }));
