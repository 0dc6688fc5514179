import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSource } from '../../../main/common/contract/index.js';
import { builtinCapability } from '../../../main/node/hub/builtin-capability.js';
import { createApp as createHub, type App as Hub } from '../../../main/node/app/app.js';
import { main } from '../../../main/node/cli/main.js';
import { Output } from '../../../main/node/cli/output.js';
import { migrations } from '../../../main/node/store/migrations.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

const ID = '330106199001013016';
const open = (dataDir = tempDir()) => createHub({ dataDir, extraPluginDirs: [] });

/** A capability that takes one file and answers with text read from it (a stand-in for OCR). */
function addFileCapability(hub: Hub) {
  hub.registry.register(
    builtinCapability({
      id: 'test.read',
      title: 'read a file',
      input: z.object({ file: FileSource }).strict(),
      output: z.object({ text: z.string() }),
      async invoke(input) {
        const bytes = 'base64' in input.file ? Buffer.from(input.file.base64, 'base64') : fs.readFileSync(input.file.path);
        return { output: { text: bytes.toString('utf8') } };
      },
    }),
  );
}
const upload = (text: string) => ({ file: { name: 'scan.txt', base64: Buffer.from(text).toString('base64') } });
/** Every byte of the database, its WAL and journal: what a stolen disk would show. */
const diskBytes = (hub: Hub) =>
  Buffer.concat(
    ['', '-wal', '-shm', '-journal'].map((s) => hub.layout.db + s).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );

describe('storage at rest', () => {
  it('encrypts inputs, results and errors; the jobs list and job detail still read them', async () => {
    const hub = open();
    addFileCapability(hub);
    const r = await hub.client.call('jobs.run', { capability: 'test.read', input: upload(`姓名 孙建平 ${ID}`) });
    expect((r.output as { text: string }).text).toContain(ID);
    hub.stores.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(diskBytes(hub).includes(Buffer.from(ID))).toBe(false);
    expect(diskBytes(hub).includes(Buffer.from('孙建平'))).toBe(false);
    const rows = hub.stores.db.prepare('SELECT input, output FROM job_items').all() as { input: string; output: string }[];
    expect(rows.every((x) => x.input.startsWith('enc1:') && x.output.startsWith('enc1:'))).toBe(true);
    expect((await hub.client.call('jobs.list')).map((j) => j.id)).toContain(r.job.id);
    const detail = await hub.client.call('jobs.get', { id: r.job.id });
    expect((detail.items[0]!.output as { text: string }).text).toContain(ID);
    expect((await hub.client.call('health')).keyProvider).toMatch(/^(key-file|os-keychain)$/);
    await hub.close();
  });

  it('drops uploaded bytes when the item is done (name, size and SHA-256 stay), unless "keep scans" is on', async () => {
    const hub = open();
    addFileCapability(hub);
    const a = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('first scan') });
    const kept = (await hub.client.call('jobs.get', { id: a.job.id })).items[0]!.input as { file: Record<string, unknown> };
    expect(kept.file).toEqual({ name: 'scan.txt', bytes: 10, removed: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await hub.client.call('settings.set', { keepScans: true });
    const b = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('second scan') });
    const kept2 = (await hub.client.call('jobs.get', { id: b.job.id })).items[0]!.input as { file: Record<string, unknown> };
    expect(Buffer.from(kept2.file.base64 as string, 'base64').toString()).toBe('second scan');
    await hub.close();
  });

  it('keeps the inputs of unfinished items so that an interrupted job can resume', async () => {
    const hub = open();
    addFileCapability(hub);
    const job = hub.stores.jobs.create('test.read', [upload('a'), upload('b')], 60_000);
    hub.stores.jobs.finishItem(job.id, 0, { output: { text: 'a' }, ms: 1 });
    const pending = hub.stores.jobs.pendingItems(job.id);
    expect(pending).toHaveLength(1);
    expect((pending[0]!.input as { file: { base64: string } }).file.base64).toBe(Buffer.from('b').toString('base64'));
    await hub.close();
  });

  it('makes the data folder 0700 and its files 0600, fixing what was there before', async () => {
    const root = tempDir();
    fs.chmodSync(root, 0o755);
    fs.mkdirSync(path.join(root, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(root, 'logs', 'old.log'), 'x', { mode: 0o644 });
    const hub = open(root);
    await hub.client.call('jobs.list');
    hub.log.write('info', 'hello');
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(root)).toBe(0o700);
    expect(mode(path.join(root, 'logs'))).toBe(0o700);
    expect(mode(path.join(root, 'logs', 'old.log'))).toBe(0o600);
    expect(mode(hub.layout.db)).toBe(0o600);
    expect(mode(hub.log.file)).toBe(0o600);
    await hub.close();
  });

  it('purges jobs older than the retention setting with their items; the deleted bytes leave the file', async () => {
    const hub = open();
    addFileCapability(hub);
    await hub.client.call('settings.set', { keepScans: true });
    const old = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('old scan '.repeat(5000)) });
    const recent = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('recent') });
    const sealed = (hub.stores.db.prepare('SELECT input FROM job_items WHERE job_id = ?').get(old.job.id) as { input: string }).input;
    hub.stores.db.prepare('UPDATE jobs SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 40 * 86_400_000).toISOString(), old.job.id);
    const r = hub.retention.applySetting(); // default 30 days
    expect(r.deleted).toBe(1);
    await expect(hub.client.call('jobs.get', { id: old.job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(hub.stores.db.prepare('SELECT COUNT(*) AS n FROM job_items WHERE job_id = ?').get(old.job.id)).toEqual({ n: 0 });
    expect((await hub.client.call('jobs.get', { id: recent.job.id })).job.status).toBe('succeeded');
    expect(diskBytes(hub).includes(Buffer.from(sealed.slice(5, 200)))).toBe(false);
    const audit = await hub.client.call('audit.list', { action: 'jobs.purge' });
    expect(audit[0]?.details).toMatchObject({ deleted: 1 });
    await hub.close();
  });

  it('a shorter retention applies at once; jobs.delete refuses a running job and removes a finished one', async () => {
    const hub = open();
    addFileCapability(hub);
    const a = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('x') });
    hub.stores.db.prepare('UPDATE jobs SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 3 * 86_400_000).toISOString(), a.job.id);
    await hub.client.call('settings.set', { retentionDays: 2 });
    await expect(hub.client.call('jobs.get', { id: a.job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const b = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('y') });
    expect(await hub.client.call('jobs.delete', { id: b.job.id })).toEqual({ deleted: true });
    await expect(hub.client.call('jobs.delete', { id: b.job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await hub.close();
  });

  it('upgrades a database from the previous version: plain rows are encrypted in place and no clear copy stays', async () => {
    const root = tempDir();
    const file = path.join(root, 'hub.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(migrations[0]!);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO jobs (id, capability, status, created_at, timeout_ms, error) VALUES ('job_old00001', 'pii.mask', 'failed', ?, 1000, ?)`).run(
      new Date().toISOString(),
      JSON.stringify({ code: 'BAD_REQUEST', message: `bad id ${ID}` }),
    );
    db.prepare(`INSERT INTO job_items (job_id, idx, status, input, output) VALUES ('job_old00001', 0, 'succeeded', ?, ?)`).run(
      JSON.stringify({ text: `申请人 孙建平 ${ID}` }),
      JSON.stringify({ text: ID }),
    );
    db.close();
    expect(fs.readFileSync(file).includes(Buffer.from(ID)) || fs.existsSync(file + '-wal')).toBe(true);
    const hub = open(root);
    expect(hub.stores.encryptedAtStart).toBe(3);
    const d = await hub.client.call('jobs.get', { id: 'job_old00001' });
    expect(d.items[0]!.input).toEqual({ text: `申请人 孙建平 ${ID}` });
    expect(d.job.error?.message).toContain(ID);
    expect(diskBytes(hub).includes(Buffer.from(ID))).toBe(false);
    expect(hub.stores.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    await hub.close();
    const again = open(root);
    expect(again.stores.encryptedAtStart).toBe(0);
    await again.close();
  });

  it('refuses to start with a key that does not open the database, and changes nothing', async () => {
    const root = tempDir();
    const hub = open(root);
    await hub.close();
    const keyFile = path.join(root, 'keys', 'data.key');
    if (!fs.existsSync(keyFile)) return; // the OS keychain holds the key on this machine: nothing to swap
    fs.writeFileSync(keyFile, Buffer.alloc(32, 1).toString('base64'));
    expect(() => open(root)).toThrow(/data key does not open this database/);
  });

  it('ic jobs delete <id> and ic jobs purge --older-than 30d', async () => {
    const root = tempDir();
    const hub = open(root);
    addFileCapability(hub);
    const a = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('a') });
    const b = await hub.client.call('jobs.run', { capability: 'test.read', input: upload('b') });
    hub.stores.db.prepare('UPDATE jobs SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 31 * 86_400_000).toISOString(), b.job.id);
    await hub.close();
    const lines: string[] = [];
    const sink = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
    const out = new Output(true, sink, sink);
    expect(await main(['jobs', 'delete', a.job.id, '--data-dir', root, '--json'], out)).toBe(0);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ id: a.job.id, deleted: true });
    expect(await main(['jobs', 'purge', '--older-than', '30d', '--data-dir', root, '--json'], out)).toBe(0);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ deleted: 0 }); // b went already at start (retention 30 days)
    expect(await main(['jobs', 'purge', '--older-than', 'soon', '--data-dir', root], out)).toBe(2);
  });
});
