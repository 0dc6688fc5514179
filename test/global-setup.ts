import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Host processes (plugins, models) and the CLI run the compiled code in dist/, and the server serves the built
 * console, so both are built once before the tests (skip with IC_SKIP_BUILD=1 when you just built).
 */
export default async function setup(): Promise<void> {
  if (process.env.IC_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The shipped knowledge graph (as `npm ci` builds it): hubs in tests copy it instead of building it each time.
  execFileSync(process.execPath, [path.join(root, 'bin', 'ic.js'), 'kg', 'build', '--if-stale'], { cwd: root, stdio: 'inherit' });
  const { buildRenderer } = await import('../scripts/build-renderer.mjs');
  await buildRenderer({ logLevel: 'warn' });
}
