import fs from 'node:fs';
import path from 'node:path';
import { HubError, type PluginInfo, type RejectedPlugin } from '../../common/contract/index.js';
import type { CapabilityProvider, CapabilityRegistry } from '../hub/capability-registry.js';
import { HostProcess } from '../hub/host-process.js';
import type { HostSpawner } from '../hub/host-spawner.js';
import type { PluginStateStore } from '../store/plugin-state-store.js';
import { loadManifest, type LoadedManifest } from './manifest.js';
import { pluginEnv, pluginSandbox, type RuntimeFlags, type Sandbox } from './plugin-sandbox.js';

export interface PluginDirs {
  builtin: string[];
  user: string[];
}

interface Plugin {
  loaded: LoadedManifest;
  source: 'builtin' | 'user';
  sandbox: Sandbox;
  host?: HostProcess;
  unregister: (() => void)[];
}

export interface PluginManagerOptions {
  dirs: PluginDirs;
  registry: CapabilityRegistry;
  state: PluginStateStore;
  /** Compiled plugin-host-entry.js. */
  hostEntry: string;
  /** Folders a plugin host may read besides the plugin's own (the app's code). */
  readable: string[];
  onHostStderr?: (chunk: string) => void;
  /** The runtime's flags (tests pass one without a permission model). */
  runtime?: RuntimeFlags;
  /** How plugin hosts start (default: child_process.fork; Electron: utilityProcess). */
  spawner?: HostSpawner;
}

/** Finds plugin folders, refuses bad ones with a reason, and runs each enabled plugin in its own host process. */
export class PluginManager {
  private readonly plugins = new Map<string, Plugin>();
  private readonly rejected: RejectedPlugin[] = [];

  constructor(private readonly opts: PluginManagerOptions) {}

  discover(): void {
    const seenCapabilities = new Map<string, string>();
    for (const [source, dirs] of [['builtin', this.opts.dirs.builtin], ['user', this.opts.dirs.user]] as const) {
      for (const dir of dirs) {
        for (const folder of listFolders(dir)) {
          try {
            const loaded = loadManifest(folder);
            const { id } = loaded.manifest;
            if (this.plugins.has(id)) throw new HubError('BAD_MANIFEST', `plugin at ${folder}: id "${id}" is already used by another plugin`);
            for (const cap of loaded.manifest.capabilities) {
              const owner = seenCapabilities.get(cap.id);
              if (owner) throw new HubError('BAD_MANIFEST', `plugin at ${folder}: capability "${cap.id}" is already provided by plugin "${owner}"`);
            }
            loaded.manifest.capabilities.forEach((c) => seenCapabilities.set(c.id, id));
            this.plugins.set(id, { loaded, source, sandbox: pluginSandbox([...this.opts.readable, loaded.folder], this.opts.runtime), unregister: [] });
          } catch (err) {
            this.rejected.push({ folder, error: (err as Error).message });
          }
        }
      }
    }
    // A plugin from the user folder starts only after the operator enabled it, having seen its permissions.
    for (const [id, plugin] of this.plugins) {
      if (this.opts.state.isEnabled(id, plugin.source === 'builtin') && plugin.sandbox.ok) this.activate(plugin);
    }
  }

  list(): { plugins: PluginInfo[]; rejected: RejectedPlugin[] } {
    return { plugins: [...this.plugins.keys()].sort().map((id) => this.info(id)), rejected: [...this.rejected] };
  }

  info(id: string): PluginInfo {
    const p = this.get(id);
    const m = p.loaded.manifest;
    return {
      id: m.id,
      name: m.name,
      version: m.version,
      ...(m.description ? { description: m.description } : {}),
      source: p.source,
      enabled: p.unregister.length > 0,
      capabilities: m.capabilities.map((c) => c.id),
      permissions: m.permissions,
      available: p.sandbox.ok,
      ...(p.sandbox.ok ? {} : { unavailableReason: p.sandbox.reason }),
      sandbox: p.sandbox.ok ? p.sandbox.description : 'none: not started',
      network: p.sandbox.ok ? p.sandbox.network : 'not started',
    };
  }

  enable(id: string, acceptPermissions?: string[]): PluginInfo {
    const p = this.get(id);
    if (!p.sandbox.ok) throw new HubError('UNAVAILABLE', `plugin "${id}" cannot be enabled: ${p.sandbox.reason}`);
    if (p.source === 'user') {
      const asked = [...p.loaded.manifest.permissions].sort();
      const accepted = [...new Set(acceptPermissions ?? [])].sort();
      if (!acceptPermissions || asked.join(',') !== accepted.join(',')) {
        throw new HubError(
          'FORBIDDEN',
          `plugin "${id}" comes from the user folder: enable it with the permissions it asks for, after reading them: ` +
            `[${asked.join(', ') || 'none'}] (network: ${p.sandbox.network})`,
          { permissions: asked },
        );
      }
    }
    this.opts.state.setEnabled(id, true);
    if (!p.unregister.length) this.activate(p);
    return this.info(id);
  }

  async disable(id: string): Promise<PluginInfo> {
    const p = this.get(id);
    this.opts.state.setEnabled(id, false);
    p.unregister.forEach((u) => u());
    p.unregister = [];
    const host = p.host;
    p.host = undefined;
    await host?.dispose();
    return this.info(id);
  }

  /** The host process of a plugin (tests use it to kill the process mid-job). */
  hostOf(id: string): HostProcess | undefined {
    return this.get(id).host;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.plugins.values()].map((p) => p.host?.dispose()));
  }

  private get(id: string): Plugin {
    const p = this.plugins.get(id);
    if (!p) throw new HubError('NOT_FOUND', `no plugin "${id}"`);
    return p;
  }

  private activate(p: Plugin): void {
    // Never unconfined: a runtime without a permission model does not start plugins (enable() says why).
    if (!p.sandbox.ok) return;
    const { manifest, folder, entryPath, validators } = p.loaded;
    const host = new HostProcess({
      name: `plugin "${manifest.id}"`,
      entry: this.opts.hostEntry,
      execArgv: p.sandbox.ok ? p.sandbox.execArgv : [],
      env: pluginEnv(),
      cwd: folder,
      onStderr: this.opts.onHostStderr,
      ...(this.opts.spawner ? { spawner: this.opts.spawner } : {}),
      // A runtime that ignores --permission (checked by the host itself) does not get to run the plugin.
      requirePermission: true,
      init: async (h) => {
        await h.callDuringInit('load', {
          entry: entryPath,
          pluginId: manifest.id,
          capabilities: manifest.capabilities.map((c) => c.id),
        });
      },
    });
    p.host = host;
    for (const cap of manifest.capabilities) {
      const v = validators.get(cap.id)!;
      const provider: CapabilityProvider = {
        info: {
          id: cap.id,
          title: cap.title,
          ...(cap.description ? { description: cap.description } : {}),
          provider: { kind: 'plugin', id: manifest.id },
          inputSchema: cap.input,
          outputSchema: cap.output,
        },
        parseInput: (input) => v.input(input, `input for ${cap.id}`),
        parseOutput: (output) => v.output(output, `output of ${cap.id} (plugin "${manifest.id}" broke its own schema)`, 'PLUGIN_ERROR'),
        invoke: async (input, ctx) => ({
          output: await host.call('invoke', { capability: cap.id, input }, { signal: ctx.signal, onProgress: ctx.onProgress }),
          engine: `plugin:${manifest.id}@${manifest.version}`,
        }),
      };
      p.unregister.push(this.opts.registry.register(provider));
    }
  }
}

function listFolders(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
}
