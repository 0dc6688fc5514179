import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, repoRoot, tempDir } from '../../helpers/temp.js';
import { hasFont, packsReady } from './tesseract-helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ready = packsReady(['tesseract-chi-sim', 'tesseract-eng', 'tesseract-osd']) && hasFont('Noto Sans CJK SC');

afterAll(() => cleanupTempDirs());

describe.runIf(ready)('Tesseract never touches the network', () => {
  it('starts its workers and reads a page with every fetch and socket blocked, in every thread', () => {
    const netLog = path.join(tempDir(), 'net.log');
    const out = execFileSync(
      process.execPath,
      ['--import', pathToFileURL(path.join(here, 'block-network.mjs')).href, '--import', 'tsx', path.join(here, 'no-network-child.ts')],
      { cwd: repoRoot, env: { ...process.env, IC_NET_LOG: netLog }, encoding: 'utf8', timeout: 120_000 },
    );
    const result = JSON.parse(out) as { en: string[]; auto: string[] };
    expect(result.en).toEqual(['Residence permit', 'Office hours']);
    expect(result.auto).toEqual(['Residence permit', 'Office hours']);
    const log = fs.readFileSync(netLog, 'utf8').trim().split('\n');
    // the guard ran in the main thread and in the worker threads (the control worker + tesseract's workers)...
    expect(log.filter((l) => l === 'worker guard loaded').length).toBeGreaterThanOrEqual(3);
    // ...and the only network attempt is the control worker's
    expect(log.filter((l) => !l.endsWith('guard loaded'))).toEqual(['worker fetch https://example.invalid/eng.traineddata']);
  }, 150_000);
});
