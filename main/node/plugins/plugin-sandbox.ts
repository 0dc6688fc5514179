import fs from 'node:fs';
import path from 'node:path';

/**
 * Node flags that confine a plugin host: Node's permission model denies file writes, child processes, worker
 * threads and native addons; file reads are allowed only in the app's code and the plugin's own folder.
 * Electron's embedded Node may not offer the permission model; there the process boundary is the isolation.
 */
export function sandboxExecArgv(readable: string[]): string[] {
  if (!process.allowedNodeEnvironmentFlags.has('--experimental-permission')) return [];
  // One flag per folder: Node 20.20 no longer accepts a comma-separated list.
  const flags = ['--experimental-permission', ...readable.map((d) => `--allow-fs-read=${d}/*`)];
  if (process.allowedNodeEnvironmentFlags.has('--disable-warning')) flags.push('--disable-warning=ExperimentalWarning');
  return flags;
}

/**
 * What a plugin host must read of the app: its code and node_modules. node_modules may be a link to a folder
 * elsewhere (git worktrees, some package managers); the permission model checks real paths, so that one is added.
 */
export function appReadableDirs(appRoot: string): string[] {
  const dirs = [appRoot];
  try {
    const real = fs.realpathSync(path.join(appRoot, 'node_modules'));
    if (!real.startsWith(appRoot + path.sep)) dirs.push(real);
  } catch {
    // no node_modules (a packaged app keeps them inside app.asar, under appRoot)
  }
  return dirs;
}
