// Run by test/unit/security/faults.test.ts under `ulimit -f` (a file-size limit: writes past it fail with EFBIG,
// as on a full disk). Does one thing with the compiled app and prints one JSON line of what happened.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

process.on('SIGXFSZ', () => undefined); // without this the kernel kills the process at the limit instead of failing the write
const [, , action, dataDir, arg] = process.argv;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const { createApp } = await import(pathToFileURL(path.join(root, 'dist/main/node/app/app.js')).href);
const report = (o) => process.stdout.write(JSON.stringify(o) + '\n');
let app;
try {
  app = createApp({ dataDir, extraPluginDirs: [] });
  if (action === 'export') {
    const r = await app.client.call('models.export', { id: 'tesseract-eng', path: arg });
    report({ ok: true, r });
  } else if (action === 'job') {
    const r = await app.client.call('jobs.run', { capability: 'pii.mask', input: { text: 'x'.repeat(Number(arg)) } });
    report({ ok: true, job: r.job.id });
  }
} catch (err) {
  report({ ok: false, code: err.code, message: String(err.message).slice(0, 300) });
} finally {
  try {
    await app?.close();
  } catch (err) {
    report({ ok: false, closing: true, message: String(err.message).slice(0, 300) });
  }
}
