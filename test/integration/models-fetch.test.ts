import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App as Hub } from '../../main/node/app/app.js';
import { icSpawn, jsonLines, type CliResult } from '../helpers/cli.js';
import { testHub } from '../helpers/hub.js';
import { cleanupTempDirs, fixturesDir, repoRoot, tempDir } from '../helpers/temp.js';

const REPO = 'Xenova/opus-mt-zh-en';
const fixturePack = path.join(fixturesDir, 'models', 'opus-mt-zh-en');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'models', 'manifest.json'), 'utf8'));
const zhEn = manifest.packs.find((p: { id: string }) => p.id === 'opus-mt-zh-en');
const files: string[] = zhEn.files.map((f: { path: string }) => f.path);
const ENCODER = 'onnx/encoder_model_quantized.onnx';
const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fixtureBytes = files.reduce((n, f) => n + fs.statSync(path.join(fixturePack, f)).size, 0);

// ---------------------------------------------------------------------------------------------------------------
// A loopback mirror in the Hugging Face layout (/<repo>/resolve/<revision>/<path>) with Range support and switches
// for the ways downloads go wrong.
type Mode =
  | { kind: 'ok' }
  | { kind: 'redirect' } // 302 to /cdn/<path>?sig=…, as the hub does for LFS files
  | { kind: 'truncate'; file: string } // a short file: Content-Length 100 bytes less, the connection ends cleanly
  | { kind: 'corrupt'; file: string } // same size, flipped bytes
  | { kind: 'die'; file: string } // sends half of the file, cuts the connection, then refuses every connection
  | { kind: 'slow'; file: string }; // drips the file (for cancelling mid-file)

interface Mirror {
  base: string;
  mode: Mode;
  /** When true, every connection is closed at once (the server is "down"). */
  down: boolean;
  requests: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

async function startMirror(): Promise<Mirror> {
  const server = http.createServer((req, res) => {
    if (mirror.down) return void req.socket.destroy();
    const url = new URL(req.url ?? '/', 'http://mirror');
    mirror.requests.push({ path: decodeURIComponent(url.pathname), range: req.headers.range });
    const mode = mirror.mode;
    let rel: string;
    const cdn = /^\/cdn\/(.+)$/.exec(url.pathname);
    const hub = /^\/Xenova\/opus-mt-zh-en\/resolve\/main\/(.+)$/.exec(url.pathname);
    if (cdn) rel = cdn[1]!;
    else if (hub) {
      if (mode.kind === 'redirect') {
        res.writeHead(302, { location: `/cdn/${hub[1]}?sig=abc123` });
        return void res.end();
      }
      rel = hub[1]!;
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Repository not found');
    }
    const file = rel.split('/').map(decodeURIComponent).join('/');
    const full = path.join(fixturePack, file);
    if (!fs.existsSync(full)) {
      res.writeHead(404);
      return void res.end('Entry not found');
    }
    const target = 'file' in mode && mode.file === file;
    let body = fs.readFileSync(full);
    if (target && mode.kind === 'corrupt') {
      body = Buffer.from(body);
      for (let i = 100; i < 116; i++) body[i] = body[i]! ^ 0xff;
    }
    if (target && mode.kind === 'truncate') body = body.subarray(0, body.length - 100);
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start >= body.length && range) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` });
      return void res.end();
    }
    const chunk = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'content-length': String(chunk.length),
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (target && mode.kind === 'die') {
      mirror.down = true;
      res.write(chunk.subarray(0, Math.floor(chunk.length / 2)));
      setTimeout(() => res.socket?.destroy(), 300);
      return;
    }
    if (target && mode.kind === 'slow') {
      let at = 0;
      const t = setInterval(() => {
        if (at >= chunk.length) {
          clearInterval(t);
          return void res.end();
        }
        res.write(chunk.subarray(at, at + 512));
        at += 512;
      }, 30);
      res.on('close', () => clearInterval(t));
      return;
    }
    res.end(chunk);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const mirror: Mirror = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode: { kind: 'ok' },
    down: false,
    requests: [],
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return mirror;
}

// ---------------------------------------------------------------------------------------------------------------

let mirror: Mirror;
let catalogFile: string;
const hubs: Hub[] = [];

beforeAll(async () => {
  mirror = await startMirror();
  // A test catalog: the real opus-mt-zh-en entry (no hashes: the pinning path), a copy that knows the fixture's
  // sizes and hashes (the verification path), an entry the mirror does not carry, and an npm pack.
  const known = {
    ...zhEn,
    id: 'opus-mt-zh-en-known',
    files: files.map((f) => {
      const b = fs.readFileSync(path.join(fixturePack, f));
      return { path: f, size: b.length, sha256: sha256(b) };
    }),
  };
  const missing = { ...zhEn, id: 'not-on-mirror', source: { kind: 'huggingface', repo: 'Nobody/nothing', revision: 'main' } };
  const ocr = manifest.packs.find((p: { id: string }) => p.id === 'pp-ocrv4-ch');
  catalogFile = path.join(tempDir(), 'manifest.json');
  fs.writeFileSync(catalogFile, JSON.stringify({ schemaVersion: 1, packs: [ocr, zhEn, known, missing] }, null, 2));
});

afterEach(() => {
  mirror.mode = { kind: 'ok' };
  mirror.down = false;
  mirror.requests = [];
});

afterAll(async () => {
  for (const h of hubs) await h.close();
  await mirror?.close();
  cleanupTempDirs();
});

function hub(): Hub {
  const h = testHub({ catalogFile });
  hubs.push(h);
  return h;
}

/** Every file of a folder (recursively) with its SHA-256: equal snapshots mean byte-identical folders. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    out[path.relative(dir, full)] = sha256(fs.readFileSync(full));
  }
  return out;
}

const fetchRun = (h: Hub, id: string, baseUrl = mirror.base) => h.jobs.run('models.fetch', { id, baseUrl }, 60_000);

async function fetchError(h: Hub, id: string): Promise<{ code: string; message: string }> {
  try {
    await fetchRun(h, id);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error(`fetching ${id} succeeded`);
}

const hiddenLeftovers = (h: Hub) =>
  fs.readdirSync(h.layout.models).filter((n) => n.startsWith('.staging') || n.includes('.old-'));

describe('models.fetch', () => {
  it('downloads a pack whose hashes the manifest lacks, pins them, and installs it verified', async () => {
    const h = hub();
    const progress: { done: number; total?: number; message?: string }[] = [];
    h.events.on((e) => e.type === 'job.progress' && progress.push(e.progress));

    const r = await fetchRun(h, 'opus-mt-zh-en');
    expect(r.output).toEqual({ id: 'opus-mt-zh-en', files: 6, bytes: fixtureBytes, hashesPinned: true });
    expect(r.engine).toBe(`download:${new URL(mirror.base).host}`);

    const dir = path.join(h.layout.models, 'opus-mt-zh-en');
    for (const f of files) expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(fixturePack, f))), f).toBe(true);
    const record = h.models.get('opus-mt-zh-en')!.record;
    expect(record).toMatchObject({ hashesPinnedAtDownload: true, source: { kind: 'huggingface', repo: REPO, revision: 'main' }, hf: zhEn.hf });
    expect(record.files.map((f) => f.sha256)).toEqual(files.map((f) => sha256(fs.readFileSync(path.join(fixturePack, f)))));

    const listed = (await h.client.call('models.list')).find((m) => m.id === 'opus-mt-zh-en');
    expect(listed).toMatchObject({ installed: true, verified: true, location: 'data', sizeBytes: fixtureBytes, problems: [] });
    expect(await h.client.call('models.verify', { id: 'opus-mt-zh-en' })).toEqual([{ id: 'opus-mt-zh-en', ok: true, problems: [] }]);

    // Bytes done / total over the pack, ending complete; messages name the file.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: fixtureBytes, total: fixtureBytes });
    expect(progress.some((p) => p.message?.startsWith(ENCODER))).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    // Nothing left behind: no partial files, no staging folder.
    expect(fs.existsSync(path.join(h.layout.models, '.downloads', 'opus-mt-zh-en'))).toBe(false);
    expect(hiddenLeftovers(h)).toEqual([]);

    // A second download must match the pinned hashes (it does: the same files).
    const again = await fetchRun(h, 'opus-mt-zh-en');
    expect(again.output).toMatchObject({ hashesPinned: true, bytes: fixtureBytes });
  });

  it('a corrupted or truncated download fails naming the file and leaves the pinned pack byte-identical', async () => {
    const h = hub();
    await fetchRun(h, 'opus-mt-zh-en');
    const dir = path.join(h.layout.models, 'opus-mt-zh-en');
    const before = snapshot(dir);

    mirror.mode = { kind: 'corrupt', file: ENCODER };
    const corrupt = await fetchError(h, 'opus-mt-zh-en');
    expect(corrupt.code).toBe('UNAVAILABLE');
    expect(corrupt.message).toContain(ENCODER);
    expect(corrupt.message).toMatch(/fails its SHA-256 check .*pinned at the first download.*the installed pack was left as it was/);
    expect(snapshot(dir)).toEqual(before);

    // (The files that passed in the failed run are kept for the next run; the encoder is fetched again.)
    mirror.mode = { kind: 'truncate', file: DECODER };
    const truncated = await fetchError(h, 'opus-mt-zh-en');
    expect(truncated.message).toContain(DECODER);
    expect(truncated.message).toMatch(/expected \d+ \(the hashes pinned at the first download\).*the installed pack was left as it was/);
    expect(snapshot(dir)).toEqual(before);
    expect(hiddenLeftovers(h)).toEqual([]);

    const listed = (await h.client.call('models.list')).find((m) => m.id === 'opus-mt-zh-en');
    expect(listed).toMatchObject({ verified: true });
  });

  it('checks files against the hashes the manifest knows', async () => {
    const h = hub();
    // Corrupted on a first install: nothing is installed.
    mirror.mode = { kind: 'corrupt', file: DECODER };
    const first = await fetchError(h, 'opus-mt-zh-en-known');
    expect(first.message).toMatch(/onnx\/decoder_model_merged_quantized\.onnx fails its SHA-256 check .*from the manifest.*nothing was installed/);
    expect(h.models.get('opus-mt-zh-en-known')).toBeUndefined();

    mirror.mode = { kind: 'ok' };
    const ok = await fetchRun(h, 'opus-mt-zh-en-known');
    expect(ok.output).toEqual({ id: 'opus-mt-zh-en-known', files: 6, bytes: fixtureBytes, hashesPinned: false });
    expect(h.models.get('opus-mt-zh-en-known')!.record.hashesPinnedAtDownload).toBeUndefined();
    const dir = path.join(h.layout.models, 'opus-mt-zh-en-known');
    const before = snapshot(dir);

    mirror.mode = { kind: 'truncate', file: ENCODER };
    const truncated = await fetchError(h, 'opus-mt-zh-en-known');
    expect(truncated.message).toMatch(
      new RegExp(`${ENCODER.replace(/\./g, '\\.')} is \\d+ bytes on .*, expected \\d+ \\(the manifest\\).*the installed pack was left as it was`),
    );
    expect(snapshot(dir)).toEqual(before);

    mirror.mode = { kind: 'corrupt', file: DECODER };
    const corrupt = await fetchError(h, 'opus-mt-zh-en-known');
    expect(corrupt.message).toMatch(/onnx\/decoder_model_merged_quantized\.onnx fails its SHA-256 check/);
    expect(snapshot(dir)).toEqual(before);
    expect((await h.client.call('models.verify', { id: 'opus-mt-zh-en-known' }))[0]!.ok).toBe(true);
  });

  it('follows the redirect to a CDN', async () => {
    const h = hub();
    mirror.mode = { kind: 'redirect' };
    const r = await fetchRun(h, 'opus-mt-zh-en-known');
    expect(r.output).toMatchObject({ files: 6, bytes: fixtureBytes });
    expect(mirror.requests.filter((q) => q.path.startsWith('/cdn/')).map((q) => q.path.slice('/cdn/'.length))).toEqual(files);
  });

  it('a server that dies mid-file fails the job keeping the partial file; the next run resumes it with Range', async () => {
    const h = hub();
    mirror.mode = { kind: 'die', file: ENCODER };
    const err = await fetchError(h, 'opus-mt-zh-en');
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toContain(ENCODER);
    expect(err.message).toMatch(/bytes are kept and the next run resumes/);
    expect(h.models.get('opus-mt-zh-en')).toBeUndefined();
    const part = path.join(h.layout.models, '.downloads', 'opus-mt-zh-en', `${ENCODER}.part`);
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(fs.statSync(path.join(fixturePack, ENCODER)).size);

    mirror.down = false;
    mirror.mode = { kind: 'ok' };
    mirror.requests = [];
    const r = await fetchRun(h, 'opus-mt-zh-en');
    expect(r.output).toMatchObject({ files: 6, bytes: fixtureBytes, hashesPinned: true });
    const encoderRequests = mirror.requests.filter((q) => q.path.endsWith(ENCODER));
    expect(encoderRequests).toEqual([{ path: `/${REPO}/resolve/main/${ENCODER}`, range: `bytes=${kept}-` }]);
    // The files finished in the first run were not downloaded again.
    expect(mirror.requests.map((q) => q.path.split('/resolve/main/')[1])).toEqual(files.slice(files.indexOf(ENCODER)));
    expect(fs.readFileSync(path.join(h.layout.models, 'opus-mt-zh-en', ENCODER)).equals(fs.readFileSync(path.join(fixturePack, ENCODER)))).toBe(true);
    expect((await h.client.call('models.verify', { id: 'opus-mt-zh-en' }))[0]!.ok).toBe(true);
  });

  it('a cancelled fetch keeps its partial file, and `jobs resume` finishes it', async () => {
    const h = hub();
    mirror.mode = { kind: 'slow', file: ENCODER };
    const job = h.jobs.start('models.fetch', [{ id: 'opus-mt-zh-en', baseUrl: mirror.base }], 60_000);
    const part = path.join(h.layout.models, '.downloads', 'opus-mt-zh-en', `${ENCODER}.part`);
    const off = h.events.on((e) => {
      if (e.type === 'job.progress' && e.progress.message?.startsWith(ENCODER) && fs.existsSync(part) && fs.statSync(part).size > 2048) {
        off();
        h.jobs.cancel(job.id);
      }
    });
    const stopped = await h.jobs.waitFor(job.id);
    expect(stopped.status).toBe('cancelled');
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(h.models.get('opus-mt-zh-en')).toBeUndefined();

    mirror.mode = { kind: 'ok' };
    mirror.requests = [];
    h.jobs.resume(job.id);
    const done = await h.jobs.waitFor(job.id);
    expect(done.status).toBe('succeeded');
    expect(mirror.requests.find((q) => q.path.endsWith(ENCODER))?.range).toBe(`bytes=${kept}-`);
    expect((await h.client.call('models.verify', { id: 'opus-mt-zh-en' }))[0]!.ok).toBe(true);
  });

  it('refuses packs that do not come from a model hub, unknown packs, and files the mirror lacks', async () => {
    const h = hub();
    const npm = await fetchError(h, 'pp-ocrv4-ch');
    expect(npm.code).toBe('BAD_REQUEST');
    expect(npm.message).toMatch(/^pp-ocrv4-ch comes from npm .*npm run models:prepare/);
    const unknown = await fetchError(h, 'no-such-pack');
    expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.message).toContain('opus-mt-zh-en');
    const missing = await fetchError(h, 'not-on-mirror');
    expect(missing.message).toMatch(/not-on-mirror: config\.json: .*\/Nobody\/nothing\/resolve\/main\/config\.json answered 404/);
    expect(mirror.requests.filter((q) => q.path.includes('Nobody'))).toHaveLength(1); // a 404 is not retried
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** `ic` as a separate process, asynchronously (the mirror answers from this process's event loop). */
function icAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = icSpawn(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, lines: jsonLines(stdout) })));
}

describe('ic models fetch', () => {
  it('downloads into the data folder, says the hashes were pinned, and refuses a bad download later', async () => {
    const data = tempDir();
    const host = new URL(mirror.base).host;
    const r = await icAsync(['models', 'fetch', 'opus-mt-zh-en', '--base-url', mirror.base, '--json', '--data-dir', data], { HF_ENDPOINT: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toEqual([{ index: 0, engine: `download:${host}`, output: { id: 'opus-mt-zh-en', files: 6, bytes: fixtureBytes, hashesPinned: true } }]);
    expect(r.stderr).toContain('hashes pinned at first download: compare them with a trusted source');

    const list = await icAsync(['models', 'list', '--json', '--data-dir', data]);
    expect(list.lines[0].find((m: { id: string }) => m.id === 'opus-mt-zh-en')).toMatchObject({ installed: true, verified: true, location: 'data' });
    const before = snapshot(path.join(data, 'models', 'opus-mt-zh-en'));

    // HF_ENDPOINT names the mirror when --base-url is not given; a corrupted file fails as one {index, error} line.
    mirror.mode = { kind: 'corrupt', file: ENCODER };
    const bad = await icAsync(['models', 'fetch', 'opus-mt-zh-en', '--json', '--data-dir', data], { HF_ENDPOINT: mirror.base });
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([{ index: 0, error: { code: 'UNAVAILABLE', message: expect.stringContaining(`${ENCODER} fails its SHA-256 check`) } }]);
    expect(mirror.requests.some((q) => q.path.endsWith(ENCODER))).toBe(true);
    expect(snapshot(path.join(data, 'models', 'opus-mt-zh-en'))).toEqual(before);
    const verify = await icAsync(['models', 'verify', 'opus-mt-zh-en', '--json', '--data-dir', data]);
    expect(verify.code).toBe(0);
  });

  it('a pack from npm is one clear failure line; usage errors exit 2', async () => {
    const data = tempDir();
    const r = await icAsync(['models', 'fetch', 'pp-ocrv4-ch', '--json', '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ index: 0, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^pp-ocrv4-ch comes from npm .*npm run models:prepare/) } }]);
    const usage = await icAsync(['models', 'fetch', '--data-dir', data]);
    expect(usage.code).toBe(2);
    const badUrl = await icAsync(['models', 'fetch', 'opus-mt-zh-en', '--base-url', 'not a url', '--data-dir', data]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toMatch(/^ic: invalid input for models\.fetch: baseUrl/);
  });
});
