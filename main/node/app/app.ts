import fs from 'node:fs';
import path from 'node:path';
import { appRoot, builtinPluginsDir } from '../config/app-paths.js';
import { maskText } from '../capabilities/prereview/mask.js';
import { createHub, hostStderr, type Hub, type HubOptions } from '../hub/hub.js';
import type { FeatureContribution } from '../hub/feature.js';
import { PluginManager } from '../plugins/plugin-manager.js';
import { pluginsMethods } from '../plugins/plugins-methods.js';
import type { RuntimeFlags } from '../plugins/plugin-sandbox.js';
import { features as appFeatures } from './features.js';

export interface AppOptions extends HubOptions {
  /** Extra plugin folders (tests). The built-in and the user plugin folders are always searched. */
  extraPluginDirs?: string[];
  /** The runtime's flags for the plugin sandbox (tests: a runtime without a permission model). */
  pluginRuntime?: RuntimeFlags;
  /** The features (default: the app's list in features.ts). */
  features?: readonly FeatureContribution[];
}

/** The hub with the app's features and plugins: what Electron, the loopback server and the CLI open. */
export interface App extends Hub {
  plugins: PluginManager;
}

/** Compiled entry of the model host process (serves the features' host services). */
export const modelHostEntry = () => path.join(appRoot, 'dist', 'main', 'node', 'app', 'model-host-entry.js');

/**
 * The composition root: the hub built with the app's features, personal data masked in its log, the model host's
 * entry, and the plugin manager (plugins' capabilities join the same registry).
 */
export function createApp(options: AppOptions = {}): App {
  let plugins: PluginManager | undefined;
  const hub = createHub(options, {
    features: options.features ?? appFeatures,
    redact: maskText,
    modelHostEntry: modelHostEntry(),
    pluginCapabilities: () => plugins?.list().plugins.flatMap((p) => p.capabilities) ?? [],
  });
  try {
    plugins = new PluginManager({
      dirs: { builtin: [builtinPluginsDir(), ...(options.extraPluginDirs ?? [])], user: [hub.layout.plugins] },
      registry: hub.registry,
      state: hub.stores.pluginState,
      hostEntry: path.join(appRoot, 'dist', 'main', 'node', 'plugins', 'plugin-host-entry.js'),
      readable: pluginReadable(),
      onHostStderr: (chunk) => hostStderr(hub.log, options, chunk),
      ...(options.pluginRuntime ? { runtime: options.pluginRuntime } : {}),
      ...(options.hostSpawner ? { spawner: options.hostSpawner } : {}),
    });
    plugins.discover();
    hub.api.provide(pluginsMethods(plugins));
  } catch (err) {
    void hub.close();
    throw err;
  }
  const pluginManager = plugins;
  const closeHub = hub.close;
  let closed = false;
  return Object.assign(hub, {
    plugins: pluginManager,
    async close() {
      if (closed) return;
      closed = true;
      // Running jobs stop first (they may be plugin jobs), then the plugin hosts, then the hub's own parts.
      await hub.jobs.stopAll();
      await pluginManager.dispose();
      await closeHub();
    },
  });
}

/**
 * What a plugin host may read besides its own folder: the app's code, and node_modules where it really is (Node's
 * permission model checks real paths; a worktree or a test clone may link node_modules from elsewhere).
 */
function pluginReadable(): string[] {
  let modules: string | undefined;
  try {
    modules = fs.realpathSync(path.join(appRoot, 'node_modules'));
  } catch {
    // no node_modules beside the app (a packaged app keeps its modules inside app.asar)
  }
  return modules && !modules.startsWith(appRoot + path.sep) ? [appRoot, modules] : [appRoot];
}
