import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './temp.js';

export const icBin = path.join(repoRoot, 'bin', 'ic.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON lines */
  lines: any[];
}

/** Runs `ic` as a user would (a separate process on the compiled build). */
export function ic(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [icBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: jsonLines(r.stdout) };
}

export function icSpawn(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, [icBin, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function jsonLines(text: string): any[] {
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('{') || l.trim().startsWith('['))
    .map((l) => JSON.parse(l));
}
