import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../main/common/contract/index.js';
import { cleanupTempDirs, repoRoot } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';
import { fakeUtilityProcess } from '../helpers/fake-utility-process.js';
import { utilityHostSpawner } from '../../main/electron/utility-host-spawner.js';
import type { HostSpawner } from '../../main/node/hub/host-spawner.js';

afterAll(cleanupTempDirs);

/**
 * The same host protocol (calls, progress, crash -> WORKER_CRASHED and restart, cancel, kill) on both spawners:
 * child_process.fork (CLI, server) and Electron's utilityProcess (the desktop app; here Electron's module is faked
 * over a real fork, and the host entries talk through process.parentPort as in a utility process).
 */
const spawners: { name: string; spawner?: HostSpawner; crashed: RegExp }[] = [
  { name: 'child_process.fork', crashed: /\(killed by SIGKILL\)/ },
  // Electron reports only an exit code for a process killed from outside.
  { name: 'utilityProcess (Electron, faked)', spawner: utilityHostSpawner(fakeUtilityProcess()), crashed: /\((killed by SIGKILL|exit code -?\d+)\)/ },
];

describe.each(spawners)('job runner and host processes: $name', ({ spawner, crashed }) => {
  const hub = testHub(spawner ? { hostSpawner: spawner } : {});
  afterAll(() => hub.close());

  /** Resolves when `predicate` holds for an event. */
  function nextEvent(predicate: (e: JobEvent) => boolean): Promise<JobEvent> {
    return new Promise((resolve) => {
      const off = hub.events.on((e) => {
        if (predicate(e)) {
          off();
          resolve(e);
        }
      });
    });
  }

  it('reports progress events while a plugin works', async () => {
    const seen: number[] = [];
    const off = hub.events.on((e) => e.type === 'job.progress' && seen.push(e.progress.done));
    await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 60, steps: 3 } });
    off();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a host killed with SIGKILL mid-job fails that job clearly, and the next job runs in a fresh host', async () => {
    const job = await hub.client.call('jobs.start', { capability: 'test.sleep', inputs: [{ ms: 5000, steps: 50 }] });
    await nextEvent((e) => e.type === 'job.progress' && e.jobId === job.id);
    const host = hub.plugins.hostOf('test-slow')!;
    const oldPid = host.pid!;
    process.kill(oldPid, 'SIGKILL');
    const failed = await hub.jobs.waitFor(job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'WORKER_CRASHED' });
    expect(failed.error!.message).toMatch(/plugin "test-slow" stopped unexpectedly/);
    expect(failed.error!.message).toMatch(crashed);

    const next = await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 10 } });
    expect(next.job.status).toBe('succeeded');
    expect((next.output as { pid: number }).pid).not.toBe(oldPid);
    expect(host.restarts).toBeGreaterThanOrEqual(1);
  });

  it('cancels a running job; the unfinished items stay pending for resume', async () => {
    const job = await hub.client.call('jobs.start', { capability: 'test.sleep', inputs: [{ ms: 1500, steps: 15 }, { ms: 10 }] });
    await nextEvent((e) => e.type === 'job.progress' && e.jobId === job.id);
    const t0 = Date.now();
    await hub.client.call('jobs.cancel', { id: job.id });
    const end = await hub.jobs.waitFor(job.id);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(end.status).toBe('cancelled');
    const { items } = await hub.client.call('jobs.get', { id: job.id });
    expect(items.map((i) => i.status)).toEqual(['pending', 'pending']);

    await hub.client.call('jobs.resume', { id: job.id });
    const resumed = await hub.jobs.waitFor(job.id);
    expect(resumed).toMatchObject({ status: 'succeeded', itemsDone: 2 });
  });

  it('a handler that ignores cancellation is stopped by killing its host', async () => {
    const job = await hub.client.call('jobs.start', { capability: 'test.sleep', inputs: [{ ms: 20000, steps: 100, ignoreCancel: true }] });
    await nextEvent((e) => e.type === 'job.progress' && e.jobId === job.id);
    const pid = hub.plugins.hostOf('test-slow')!.pid!;
    await hub.client.call('jobs.cancel', { id: job.id });
    expect((await hub.jobs.waitFor(job.id)).status).toBe('cancelled');
    await expect.poll(() => isAlive(pid), { timeout: 5000 }).toBe(false);
    const next = await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 1 } });
    expect((next.output as { pid: number }).pid).not.toBe(pid);
  });

  it('fails a job that runs past its timeout with TIMEOUT', async () => {
    const err = await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 3000, steps: 30 }, timeoutMs: 200 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(err.message).toMatch(/timed out after 200 ms/);
  });

  it('plugins run sandboxed: no reads outside their own folder and the app', async () => {
    const secret = path.join(hub.layout.root, 'secret.txt');
    fs.writeFileSync(secret, 'x');
    const denied = await hub.client.call('jobs.run', { capability: 'test.read-file', input: { path: secret } });
    expect(denied.output).toEqual({ read: false, error: 'ERR_ACCESS_DENIED' });
    const own = await hub.client.call('jobs.run', { capability: 'test.read-file', input: { path: path.join(repoRoot, 'test/fixtures/plugins/test-slow/plugin.json') } });
    expect(own.output).toEqual({ read: true });
  });

  it('writes job outcomes to the data folder\'s log with personal data masked', async () => {
    await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 0, fail: '申请人 张三 身份证 330106199001013016 电话 13812345678 不符' } }).catch(() => undefined);
    const log = fs.readFileSync(hub.log.file, 'utf8');
    expect(log).toMatch(/error job job_\w+ test\.sleep failed/);
    expect(log).toContain('330106********3016');
    expect(log).toContain('138****5678');
    expect(log).not.toContain('330106199001013016');
    expect(log).not.toContain('13812345678');
  });

  it('disabling a plugin removes its capabilities and stops its host; enabling brings them back', async () => {
    await hub.client.call('plugins.disable', { id: 'pii-mask' });
    expect((await hub.client.call('capabilities.list')).map((c) => c.id)).not.toContain('pii.mask');
    await expect(hub.client.call('jobs.run', { capability: 'pii.mask', input: { text: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const info = await hub.client.call('plugins.enable', { id: 'pii-mask' });
    expect(info.enabled).toBe(true);
    expect((await hub.client.call('jobs.run', { capability: 'pii.mask', input: { text: '13812345678' } })).output).toMatchObject({ text: '138****5678' });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
