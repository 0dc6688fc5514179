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
