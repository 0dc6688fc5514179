import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../main/node/app/app.js';
import { SCHEMA_VERSION } from '../../../main/node/store/migrations.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

describe('database migrations', () => {
  it('creates the schema on first start and keeps data across restarts', async () => {
    const data = tempDir();
    const hub = createApp({ dataDir: data });
    const { job } = await hub.client.call('jobs.run', { capability: 'pii.mask', input: { text: 'x' } });
    await hub.close();
    const again = createApp({ dataDir: data });
    expect((await again.client.call('jobs.get', { id: job.id })).job.status).toBe('succeeded');
    expect((await again.client.call('health')).schemaVersion).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses to open a database written by a newer app, and leaves it untouched', () => {
    const data = tempDir();
    const file = path.join(data, 'hub.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => createApp({ dataDir: data })).toThrow(/written by a newer version of the app \(schema \d+; this version knows \d+\)/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'jobs'").get()).toBeUndefined();
    check.close();
  });

  it('marks jobs left running by a dead process as interrupted', async () => {
    const data = tempDir();
    const hub = createApp({ dataDir: data });
    const job = hub.stores.jobs.create('pii.mask', [{ text: 'a' }], 1000);
    hub.stores.jobs.setStatus(job.id, 'running');
    hub.stores.close(); // the process "dies" without finishing the job
    const next = createApp({ dataDir: data });
    expect(next.interruptedAtStart).toBe(1);
    expect((await next.client.call('jobs.get', { id: job.id })).job.status).toBe('interrupted');
    await next.plugins.dispose();
    await next.close();
    await hub.plugins.dispose();
  });
});
