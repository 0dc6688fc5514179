// `npm run bench -- soak [--pages 200] [--requests 1000] [--out FILE]`: a long run through the loopback server.
// Pre-review of a PDF of N pages (its text layer: the OCR host's PDF path, not raster OCR — raster pages cost seconds
// each on 2 cores), then R API requests in a row (health, jobs.list, pii.mask through the plugin host, settings.get).
// Samples the RSS of each process (hub, model host, plugin host) every 500 ms, counts open handles before and after,
// and reports whether anything leaked. Needs the build (npm run build:main). Reads nothing from ../shared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;

/** Resident memory of a process in MiB (Linux /proc; null elsewhere or when it is gone). */
function rssOf(pid) {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export async function main(argv) {
  const { values } = parseArgs({ args: argv, options: { pages: { type: 'string' }, requests: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write('npm run bench -- soak [--pages 200] [--requests 1000] [--out results.json]\n');
    return 0;
  }
  const pages = Number(values.pages ?? 200);
  const requests = Number(values.requests ?? 1000);
  const { createApp } = await import(dist('main/node/app/app.js'));
  const { startServer } = await import(dist('main/node/server/server.js'));
  const { PDFDocument, StandardFonts } = await import('pdf-lib');

  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-soak-'));
  const app = createApp({ dataDir: data, onHostStderr: () => undefined });
  const server = await startServer({ hub: app, consoleDir: path.join(root, 'dist', 'renderer') });
  const handlesBefore = process.getActiveResourcesInfo().length;
  const samples = [];
  // With --expose-gc the hub's heap is collected before each sample, so growth is what stays, not garbage.
  const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
  const sample = (phase, done) => {
    gc?.();
    const plugin = app.plugins.hostOf('pii-mask')?.pid;
    samples.push({ t: Date.now(), phase, done, hub: rssOf(process.pid), modelHost: rssOf(app.modelHost.pid), pluginHost: rssOf(plugin) });
  };
  let phase = 'start';
  let done = 0;
  const timer = setInterval(() => sample(phase, done), 500);
  const t0 = Date.now();
  try {
    // 1. Pre-review of an N-page PDF, one file per job, through the API.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= pages; i++) pdf.addPage([595, 842]).drawText(`Page ${i}: Business licence 91330106MA2XXXXX1X`, { x: 40, y: 780, size: 12, font });
    const base64 = Buffer.from(await pdf.save()).toString('base64');
    const rpc = async (method, params) => {
      const r = await fetch(`http://127.0.0.1:${server.port}/api/rpc/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      const body = await r.json();
      if (!r.ok) throw new Error(`${method}: ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
      return body;
    };
    phase = 'prereview';
    const services = await rpc('prereview.services', {});
    const caps = (await rpc('capabilities.list', {})).map((c) => c.id);
    let prereview = 'skipped: no OCR pack installed';
    if (caps.includes('prereview') && services.length) {
      const r = await rpc('jobs.run', { capability: 'prereview', input: { service: services[0].id, files: [{ name: 'bundle.pdf', base64 }] }, timeoutMs: 3600_000 });
      prereview = `${r.job.status}, ${pages} pages, verdict ${r.output?.verdict}`;
    }
    sample(phase, done);
    // 2. R requests in a row.
    phase = 'requests';
    const mix = [
      () => fetch(`http://127.0.0.1:${server.port}/api/health`, { headers: { authorization: `Bearer ${server.token}` } }).then((r) => r.json()),
      () => rpc('jobs.list', { limit: 20 }),
      () => rpc('jobs.run', { capability: 'pii.mask', input: { text: `申请人 孙建平 330106199001013016 13812345678 #${done}` } }),
      () => rpc('settings.get', {}),
    ];
    for (done = 0; done < requests; done++) await mix[done % mix.length]();
    sample(phase, done);
    phase = 'idle';
    await new Promise((r) => setTimeout(r, 2000));
    sample(phase, done);
    clearInterval(timer);
    const peak = (k) => Math.max(...samples.map((s) => s[k] ?? 0));
    const at = (ph, k) => samples.filter((s) => s.phase === ph).map((s) => s[k]).filter((x) => x != null);
    const reqHub = at('requests', 'hub');
    const result = {
      pages,
      requests,
      seconds: Math.round((Date.now() - t0) / 1000),
      prereview,
      peakRssMiB: { hub: peak('hub'), modelHost: peak('modelHost'), pluginHost: peak('pluginHost') },
      hubRssDuringRequestsMiB: reqHub.length ? { first: reqHub[0], last: reqHub[reqHub.length - 1] } : null,
      gcBeforeSamples: Boolean(gc),
      handles: { before: handlesBefore, afterRun: process.getActiveResourcesInfo().length },
      curve: samples.filter((_, i) => i % 4 === 0).map((s) => ({ s: Math.round((s.t - t0) / 1000), phase: s.phase, done: s.done, hub: s.hub, modelHost: s.modelHost, pluginHost: s.pluginHost })),
    };
    await server.close();
    await app.close();
    // What is still open once the server and the app are closed (leaked sockets, timers, child processes).
    await new Promise((r) => setTimeout(r, 500));
    result.handles.afterClose = process.getActiveResourcesInfo().length;
    result.handles.openAfterClose = process.getActiveResourcesInfo();
    const text = JSON.stringify(result, null, 2);
    if (values.out) fs.writeFileSync(values.out, text + '\n');
    process.stdout.write(text + '\n');
    return 0;
  } finally {
    clearInterval(timer);
    await server.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    fs.rmSync(data, { recursive: true, force: true });
  }
}
