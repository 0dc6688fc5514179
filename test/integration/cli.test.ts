import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, fixturePluginsDir, repoRoot, tempDir } from '../helpers/temp.js';
import { ic, icSpawn, jsonLines } from '../helpers/cli.js';

afterAll(cleanupTempDirs);

/** A data folder with the slow test plugin installed as a user plugin. */
function dataWithTestPlugin(): string {
  const data = tempDir();
  fs.cpSync(path.join(fixturePluginsDir, 'test-slow'), path.join(data, 'plugins', 'test-slow'), { recursive: true });
  // A plugin in the user folder stays off until the operator enables it, having seen its permissions.
  const refused = ic(['plugins', 'enable', 'test-slow', '--data-dir', data]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/permissions: none[\s\S]*--accept/);
  expect(ic(['plugins', 'enable', 'test-slow', '--accept', '--data-dir', data]).code).toBe(0);
  return data;
}

describe('ic command line', () => {
  it('`npm run -s ic -- plugins list --json` prints the example plugin as one JSON array', () => {
    const data = tempDir();
    const r = spawnSync('npm', ['run', '-s', 'ic', '--', 'plugins', 'list', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, IC_DATA_DIR: data },
    });
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout.trim());
    expect(list).toEqual([
      expect.objectContaining({ id: 'pii-mask', version: '1.0.0', enabled: true, capabilities: ['pii.mask'], permissions: [] }),
    ]);
  });

  it('calls the example plugin; exit 0 when all inputs succeed', () => {
    const r = ic(['call', 'pii.mask', '--input', '{"text":"电话13812345678"}', '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([{ index: 0, engine: 'plugin:pii-mask@1.0.0', output: { text: '电话138****5678', found: [expect.objectContaining({ kind: 'phone' })] } }]);
  });

  it('exit 1 when some inputs fail, each failure a {file, error} line, and the rest still done', () => {
    const dir = tempDir();
    const inputs = path.join(dir, 'inputs.jsonl');
    fs.writeFileSync(inputs, ['{"text":"a 13812345678"}', '{"txt":"wrong key"}', '{"text":"b"}'].join('\n'));
    const r = ic(['call', 'pii.mask', '--input-file', inputs, '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(3);
    expect(r.lines.find((l) => l.error)).toMatchObject({ file: `${inputs}:2`, error: { code: 'BAD_REQUEST' } });
    expect(r.lines.filter((l) => l.output).map((l) => l.index).sort()).toEqual([0, 2]);
  });

  it('exit 2 on usage errors, with one line and no stack trace', () => {
    for (const args of [['frobnicate'], ['call'], ['call', 'pii.mask'], ['call', 'pii.mask', '--input', '{bad json'], ['jobs', 'list', '--bogus']]) {
      const r = ic([...args, '--data-dir', tempDir()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.split('\n')[0]).toMatch(/^ic: /);
    }
  });

  it('a hub error is one line (exit 1); --debug adds the stack', () => {
    const data = tempDir();
    const plain = ic(['jobs', 'show', 'job_doesnotexist1', '--data-dir', data]);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trim()).toBe('ic: no job "job_doesnotexist1" (NOT_FOUND)');
    const debug = ic(['jobs', 'show', 'job_doesnotexist1', '--data-dir', data, '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('resumes a batch whose process was killed: finished items are kept, only the rest run', async () => {
    const data = dataWithTestPlugin();
    const inputs = path.join(data, 'inputs.jsonl');
    fs.writeFileSync(inputs, Array.from({ length: 6 }, () => JSON.stringify({ ms: 400, steps: 4 })).join('\n'));
    const child = icSpawn(['call', 'test.sleep', '--input-file', inputs, '--json', '--data-dir', data]);
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (c) => {
        out += c;
        if (jsonLines(out).length >= 2 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const before = jsonLines(out);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(6);

    const [job] = ic(['jobs', 'list', '--json', '--data-dir', data]).lines[0];
    expect(job).toMatchObject({ capability: 'test.sleep', status: 'interrupted', itemsTotal: 6 });
    const shown = ic(['jobs', 'show', job.id, '--json', '--data-dir', data]).lines[0];
    const keptPids = shown.items.filter((i: any) => i.status === 'succeeded').map((i: any) => i.output.pid);
    expect(keptPids.length).toBe(before.length);

    const resumed = ic(['jobs', 'resume', job.id, '--json', '--data-dir', data]);
    expect(resumed.code).toBe(0);
    const resumedIdx = resumed.lines.map((l) => l.index).sort();
    expect(resumedIdx).toEqual([...Array(6).keys()].slice(before.length));

    const after = ic(['jobs', 'show', job.id, '--json', '--data-dir', data]).lines[0];
    expect(after.job).toMatchObject({ status: 'succeeded', itemsDone: 6, itemsFailed: 0 });
    // The items finished before the kill were not run again.
    expect(after.items.slice(0, before.length).map((i: any) => i.output.pid)).toEqual(keptPids);
  }, 120_000); // six `ic` processes in a row (enable twice, call, list, show, resume, show) on 2 shared cores
});
