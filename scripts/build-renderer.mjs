// Builds the console (renderer/) into dist/renderer with Vite's JS API, in-process.
// The output is loaded both from app://console/ (Electron) and from the loopback server, so paths are relative
// (base './') and nothing is inlined as a script: the console's CSP (main/common/csp.ts) allows 'self' only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ outDir?: string, logLevel?: 'info' | 'warn' | 'error' | 'silent', sourcemap?: boolean }} [opts]
 * @returns {Promise<{ outDir: string }>}
 */
export async function buildRenderer(opts = {}) {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const root = path.join(repoRoot, 'renderer');
  const outDir = opts.outDir ?? path.join(repoRoot, 'dist', 'renderer');

  // React's production build and JSX runtime, also when the caller runs with NODE_ENV=test (vitest's global
  // setup builds the console): both Vite and the React plugin read NODE_ENV.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      base: './',
      configFile: false,
      envDir: false,
      publicDir: false,
      logLevel: opts.logLevel ?? 'info',
      mode: 'production',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'chrome120',
        sourcemap: opts.sourcemap ?? false,
        // The polyfill would be bundled (not inline), but Chromium/Electron support modulepreload natively.
        modulePreload: { polyfill: false },
        // Emit every asset as a file (no data: URLs), the same under app:// and http://.
        assetsInlineLimit: 0,
        cssCodeSplit: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 2000,
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  assertNoInlineScripts(path.join(outDir, 'index.html'));
  assertNoEval(path.join(outDir, 'assets'));
  return { outDir };
}

/** The CSP has no 'unsafe-inline': fail the build if Vite ever emits an inline script or style. */
function assertNoInlineScripts(indexHtml) {
  const html = fs.readFileSync(indexHtml, 'utf8');
  const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/i.test(html);
  const inlineStyle = /<style\b/i.test(html) || /<[^>]+\sstyle\s*=/i.test(html);
  const inlineHandler = /<[^>]+\son[a-z]+\s*=/i.test(html);
  if (inlineScript || inlineStyle || inlineHandler) {
    throw new Error(`${indexHtml} contains inline script/style, which the console CSP refuses`);
  }
}

/**
 * The CSP has no 'unsafe-eval' either. The usual way eval gets in is zod (its `new Function` probe), pulled into the
 * bundle by a value import of a contract file other than contract/constants.ts: fail the build instead.
 */
function assertNoEval(assetsDir) {
  for (const name of fs.readdirSync(assetsDir)) {
    if (!name.endsWith('.js')) continue;
    const js = fs.readFileSync(path.join(assetsDir, name), 'utf8');
    if (/\b(?:new\s+)?Function\s*\(|\beval\s*\(/.test(js)) {
      throw new Error(`${name} calls eval/new Function, which the console CSP refuses (a value import of zod through main/common/contract?)`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildRenderer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
