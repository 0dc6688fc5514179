import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCapability } from '../../../main/node/hub/builtin-capability.js';
import { createHub, type Hub } from '../../../main/node/hub/hub.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

const hubs: Hub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  cleanupTempDirs();
});

/** A bare hub with one capability "wait" that takes `ms` to echo `n`, fails on n < 0, and counts items in flight. */
function waitHub(itemsAtOnce?: number) {
  const hub = createHub({ dataDir: tempDir() });
  hubs.push(hub);
  const seen = { inFlight: 0, most: 0, started: [] as number[] };
  hub.registry.register(
    builtinCapability({
      id: 'wait',
      title: 'Wait',
      input: z.object({ n: z.number(), ms: z.number() }),
      output: z.object({ n: z.number() }),
      ...(itemsAtOnce ? { itemsAtOnce } : {}),
      invoke: async (input, ctx) => {
        seen.started.push(input.n);
        seen.inFlight++;
        seen.most = Math.max(seen.most, seen.inFlight);
        try {
          await new Promise<void>((resolve, reject) => {
            const t = setTimeout(resolve, input.ms);
            ctx.signal.addEventListener('abort', () => (clearTimeout(t), reject(ctx.signal.reason)), { once: true });
          });
          if (input.n < 0) throw new Error(`negative ${input.n}`);
          return { output: { n: input.n } };
        } finally {
          seen.inFlight--;
        }
      },
    }),
  );
  return { hub, seen };
}

async function finished(hub: Hub, id: string) {
  await hub.jobs.waitFor(id);
  return hub.jobs.detail(id);
}

describe('job items at once (CapabilityProvider.itemsAtOnce)', () => {
  it('runs one item after another by default', async () => {
    const { hub, seen } = waitHub();
    const job = hub.jobs.start('wait', [1, 2, 3].map((n) => ({ n, ms: 20 })), 10_000);
    const d = await finished(hub, job.id);
    expect(d.job.status).toBe('succeeded');
    expect(seen.most).toBe(1);
  });

  it('runs up to itemsAtOnce items together, in order, each stored under its own index', async () => {
    const { hub, seen } = waitHub(2);
    // Item 0 is slow: items 1, 2, 3 pass it in the second lane.
    const ms = [150, 10, 10, 10, 10];
    const job = hub.jobs.start('wait', ms.map((m, n) => ({ n: n === 2 ? -2 : n, ms: m })), 10_000);
    const d = await finished(hub, job.id);
    expect(seen.most).toBe(2);
    expect(seen.started).toEqual([0, 1, -2, 3, 4]);
    expect(d.items.map((i) => i.status)).toEqual(['succeeded', 'succeeded', 'failed', 'succeeded', 'succeeded']);
    expect(d.items.map((i) => (i.output as { n: number } | undefined)?.n)).toEqual([0, 1, undefined, 3, 4]);
    expect(d.items[2]!.error?.message).toMatch(/negative -2/);
    expect(d.job.status).toBe('succeeded');
    expect(d.job.itemsDone).toBe(4);
    expect(d.job.itemsFailed).toBe(1);
  });

  it('a cancel stops every lane; the items not finished stay pending and resume runs them', async () => {
    const { hub } = waitHub(2);
    const job = hub.jobs.start('wait', [0, 1, 2, 3].map((n) => ({ n, ms: n < 2 ? 20 : 5000 })), 60_000);
    await new Promise((r) => setTimeout(r, 200));
    hub.jobs.cancel(job.id);
    const d = await finished(hub, job.id);
    expect(d.job.status).toBe('cancelled');
    expect(d.items.map((i) => i.status)).toEqual(['succeeded', 'succeeded', 'pending', 'pending']);
  });
});
