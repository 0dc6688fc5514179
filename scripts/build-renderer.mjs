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

  await build({
    root,
    base: './',
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: opts.logLevel ?? 'info',
    mode: 'production',
    // React's production build, also when the caller's NODE_ENV is "test" (vitest's global setup builds it).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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

  assertNoInlineScripts(path.join(outDir, 'index.html'));
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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildRenderer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
