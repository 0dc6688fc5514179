import path from 'node:path';
import type { HubClient } from '../../common/contract/index.js';
import { appRoot, appVersion, builtinPluginsDir } from '../config/app-paths.js';
import { APP_NAME, ensureDataLayout, resolveDataDir, type DataLayout } from '../config/data-dir.js';
import { createPackStore } from '../models/models-service.js';
import { modelsMethods } from '../models/models-methods.js';
import type { PackStore } from '../models/pack-store.js';
import { PluginManager } from '../plugins/plugin-manager.js';
import { pluginsMethods } from '../plugins/plugins-methods.js';
import { openStores, type Stores } from '../store/database.js';
import { Api } from './api.js';
import { CapabilityRegistry } from './capability-registry.js';
import { HubEvents } from './events.js';
import { JobRunner } from './job-runner.js';
import { jobsMethods } from './jobs-methods.js';

export interface HubOptions {
  /** Defaults to resolveDataDir() (IC_DATA_DIR or the platform's app-data folder). */
  dataDir?: string;
  /** Extra plugin folders (tests). The built-in and the user plugin folders are always searched. */
  extraPluginDirs?: string[];
  onHostStderr?: (chunk: string) => void;
}

export interface Hub {
  api: Api;
  client: HubClient;
  events: HubEvents;
  registry: CapabilityRegistry;
  jobs: JobRunner;
  plugins: PluginManager;
  models: PackStore;
  stores: Stores;
  layout: DataLayout;
  /** Number of jobs found unfinished from a previous run (now `interrupted`, resumable). */
  interruptedAtStart: number;
  close(): Promise<void>;
}

/** The hub core: plain Node, no Electron. Every door (IPC, loopback server, CLI) talks to one of these. */
export function createHub(options: HubOptions = {}): Hub {
  const layout = ensureDataLayout(options.dataDir ?? resolveDataDir());
  const stores = openStores(layout.db);
  const interruptedAtStart = stores.jobs.markInterrupted();
  const events = new HubEvents();
  const registry = new CapabilityRegistry();
  const jobs = new JobRunner(stores.jobs, registry, events);
  const plugins = new PluginManager({
    dirs: { builtin: [builtinPluginsDir(), ...(options.extraPluginDirs ?? [])], user: [layout.plugins] },
    registry,
    state: stores.pluginState,
    hostEntry: path.join(appRoot, 'dist', 'main', 'node', 'plugins', 'plugin-host-entry.js'),
    readable: [appRoot],
    onHostStderr: options.onHostStderr,
  });
  plugins.discover();
  const models = createPackStore(layout);

  const api = new Api();
  api.provide({
    health: () => ({
      ok: true as const,
      app: APP_NAME,
      version: appVersion,
      dataDir: layout.root,
      schemaVersion: stores.schemaVersion,
      capabilities: registry.list().length,
    }),
  });
  api.provide(jobsMethods(jobs, stores.jobs, registry));
  api.provide(pluginsMethods(plugins));
  api.provide(modelsMethods(models));

  const client: HubClient = {
    call: (method, params) => api.call(method, params),
    onEvent: (listener) => events.on(listener),
  };

  let closed = false;
  return {
    api,
    client,
    events,
    registry,
    jobs,
    plugins,
    models,
    stores,
    layout,
    interruptedAtStart,
    async close() {
      if (closed) return;
      closed = true;
      await jobs.stopAll();
      await plugins.dispose();
      stores.close();
    },
  };
}
