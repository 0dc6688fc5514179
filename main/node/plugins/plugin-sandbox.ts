export type Sandbox =
  | { ok: true; execArgv: string[]; description: string; network: string }
  | { ok: false; reason: string };

export interface RuntimeFlags {
  has(flag: string): boolean;
  /** Electron's embedded Node, where forked hosts run the Electron binary as Node. */
  electron?: string;
}

const currentRuntime = (): RuntimeFlags => ({
  has: (f) => process.allowedNodeEnvironmentFlags.has(f),
  ...(process.versions.electron ? { electron: process.versions.electron } : {}),
});

/**
 * Node flags that confine a plugin host: Node's permission model denies file writes, child processes, worker
 * threads, native addons and process.binding; file reads only in the app's code and the plugin's own folder.
 * The flag is `--permission` from Node 22 (Node 24, inside Electron 41, dropped `--experimental-permission`) and
 * `--experimental-permission` on Node 20. Where neither exists the plugin is NOT started: an unconfined plugin would
 * run with the user's full rights, so it is listed as unavailable with this reason instead.
 * Network: where the runtime's permission model covers it (`--allow-net` exists, so without it the network is
 * denied) that is said; otherwise the plugin host blocks the network modules before the plugin loads
 * (plugin-network-guard.ts), which holds only because the permission model keeps process.binding and addons out.
 */
export function pluginSandbox(readable: string[], runtime: RuntimeFlags = currentRuntime()): Sandbox {
  const flag = runtime.has('--permission') ? '--permission' : runtime.has('--experimental-permission') ? '--experimental-permission' : undefined;
  if (!flag) {
    return {
      ok: false,
      reason: `this runtime (${runtime.electron ? `Electron ${runtime.electron}` : `Node ${process.versions.node}`}) has no permission model for plugin processes, so plugins are not started here`,
    };
  }
  // One flag per folder: Node 20.20 no longer accepts a comma-separated list.
  const execArgv = [flag, ...readable.map((d) => `--allow-fs-read=${d}/*`)];
  if (runtime.has('--disable-warning')) execArgv.push('--disable-warning=ExperimentalWarning');
  const netByRuntime = runtime.has('--allow-net');
  return {
    ok: true,
    execArgv,
    description: `Node permission model (${flag}): reads only the app and its own folder; no writes, child processes, workers or addons`,
    network: netByRuntime
      ? 'denied by the Node permission model'
      : 'blocked inside the plugin process (network modules disabled before the plugin loads; this Node has no network permission, so it is not an OS-level firewall)',
  };
}

/** The environment of a plugin host: nothing of the user's (tokens, proxies, paths), only what Node needs. */
export function pluginEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const keep = ['LANG', 'LC_ALL', 'TZ', 'SYSTEMROOT', 'TEMP', 'TMP'];
  const out: NodeJS.ProcessEnv = {};
  for (const k of keep) if (env[k] !== undefined) out[k] = env[k];
  if (env.ELECTRON_RUN_AS_NODE !== undefined) out.ELECTRON_RUN_AS_NODE = env.ELECTRON_RUN_AS_NODE;
  return out;
}
