import path from 'node:path';
import type { HubClient } from '../../common/contract/index.js';
import { appRoot, appVersion, builtinPluginsDir } from '../config/app-paths.js';
import { APP_NAME, ensureDataLayout, resolveDataDir, type DataLayout } from '../config/data-dir.js';
import { createPackStore } from '../models/models-service.js';
import { modelsMethods } from '../models/models-methods.js';
import { knownModelCapabilities, modelsArchiveMethods } from '../models/archive/import-export-methods.js';
import { fetchCapability } from '../models/fetch/fetch-capability.js';
import type { PackStore } from '../models/pack-store.js';
import { PluginManager } from '../plugins/plugin-manager.js';
import { pluginsMethods } from '../plugins/plugins-methods.js';
import { appReadableDirs } from '../plugins/plugin-sandbox.js';
import { openStores, type Stores } from '../store/database.js';
import { Api } from './api.js';
import { CapabilityRegistry } from './capability-registry.js';
import { HubEvents } from './events.js';
import { JobRunner } from './job-runner.js';
import { createModelHost } from './model-host.js';
import type { HostProcess } from './host-process.js';
import { ocrCapability } from '../capabilities/ocr/ocr-capability.js';
import { prereviewCapability } from '../capabilities/prereview/prereview-capability.js';
import { prereviewMethods } from '../capabilities/prereview/prereview-methods.js';
import { maskText } from '../capabilities/prereview/mask.js';
import { HubLog } from '../log/hub-log.js';
import { jobsMethods } from './jobs-methods.js';
import { restrictUmask } from '../config/permissions.js';
import { defaultKeyProviders } from '../store/crypto/default-providers.js';
import { openDataKey } from '../store/crypto/data-key.js';
import { FieldCipher } from '../store/crypto/field-cipher.js';
import type { KeyProvider } from '../store/crypto/key-provider.js';
import type { StorageInfo } from '../../common/contract/index.js';
import { AuditRecorder } from './audit-recorder.js';
import { JobRetention } from './job-retention.js';
import { operatorOf } from './operator.js';
import { auditMethods, settingsMethods } from './settings-methods.js';
import { packsForEngine } from './packs-for-engine.js';

export interface HubOptions {
  /** Defaults to resolveDataDir() (IC_DATA_DIR or the platform's app-data folder). */
  dataDir?: string;
  /** Extra plugin folders (tests). The built-in and the user plugin folders are always searched. */
  extraPluginDirs?: string[];
  /** The model manifest (tests); defaults to the app's models/manifest.json. */
  catalogFile?: string;
  onHostStderr?: (chunk: string) => void;
  /** Where the data key is kept, strongest first (Electron passes safeStorage first); default: keychain, key file. */
  keyProviders?: KeyProvider[];
}

export interface Hub {
  api: Api;
  client: HubClient;
  events: HubEvents;
  registry: CapabilityRegistry;
  jobs: JobRunner;
  plugins: PluginManager;
  models: PackStore;
  log: HubLog;
  audit: AuditRecorder;
  retention: JobRetention;
  storage: StorageInfo;
  /** The inference process (OCR now); its pid is what benchmarks measure. */
  modelHost: HostProcess;
  stores: Stores;
  layout: DataLayout;
  /** Number of jobs found unfinished from a previous run (now `interrupted`, resumable). */
  interruptedAtStart: number;
  close(): Promise<void>;
}

/** The hub core: plain Node, no Electron. Every door (IPC, loopback server, CLI) talks to one of these. */
export function createHub(options: HubOptions = {}): Hub {
  restrictUmask();
  const layout = ensureDataLayout(options.dataDir ?? resolveDataDir());
  const dataKey = openDataKey(layout.root, options.keyProviders ?? defaultKeyProviders(layout.root));
  const stores = openStores(layout.db, { cipher: new FieldCipher(dataKey.key) });
  dataKey.key.fill(0); // the cipher holds its own copy
  const interruptedAtStart = stores.jobs.markInterrupted();
  const events = new HubEvents();
  const log = new HubLog(layout.logs, maskText);
  events.on((e) => {
    if (e.type !== 'job.updated' || !['succeeded', 'failed', 'cancelled'].includes(e.job.status)) return;
    const j = e.job;
    log.write(j.status === 'failed' ? 'error' : 'info', `job ${j.id} ${j.capability} ${j.status} (${j.itemsDone}/${j.itemsTotal} done, ${j.itemsFailed} failed)${j.error ? ': ' + j.error.message : ''}`);
  });
  events.on((e) => {
    if (e.type === 'job.item' && e.item.error) log.write('warn', `job ${e.jobId} item ${e.item.index + 1}: ${e.item.error.message}`);
  });
  // Host processes' stderr (plugins' api.log, engine warnings) goes to the log, masked, as well as to the caller.
  // Host processes deliver whole lines (HostProcess splits on newlines), so a number is never masked in halves.
  // The copy shown on the terminal is masked too: terminals get captured into files.
  const onHostStderr = (chunk: string) => {
    const masked = maskText(chunk);
    log.write('warn', masked.trim());
    (options.onHostStderr ?? ((c: string) => process.stderr.write(c)))(masked);
  };
  const registry = new CapabilityRegistry();
  const jobs = new JobRunner(stores.jobs, registry, events);
  const plugins = new PluginManager({
    dirs: { builtin: [builtinPluginsDir(), ...(options.extraPluginDirs ?? [])], user: [layout.plugins] },
    registry,
    state: stores.pluginState,
    hostEntry: path.join(appRoot, 'dist', 'main', 'node', 'plugins', 'plugin-host-entry.js'),
    readable: appReadableDirs(appRoot),
    onHostStderr,
  });
  plugins.discover();
  const models = createPackStore(layout, options.catalogFile);
  registry.register(fetchCapability(models));
  const modelHost = createModelHost({ dataDir: layout.root, catalogFile: options.catalogFile, onStderr: onHostStderr });
  // Registered only where an engine's pack is installed: nothing is offered that cannot run.
  const ocrPacks = ['pp-ocrv4-ch', 'tesseract-chi-sim', 'tesseract-eng'].filter((id) => models.get(id));
  if (ocrPacks.length) {
    registry.register(ocrCapability(modelHost));
    registry.register(prereviewCapability(modelHost));
  }

  const operator = () => operatorOf(stores.settings);
  const audit = new AuditRecorder({
    audit: stores.audit,
    events,
    detail: (id) => jobs.detail(id),
    operator,
    mask: maskText,
    packsFor: (capability, engine) => packsForEngine(models, capability, engine),
    onError: (err) => log.write('error', `audit entry not written: ${(err as Error).message}`),
  });
  const retention = new JobRetention({
    db: stores.db,
    jobs: stores.jobs,
    settings: stores.settings,
    isActive: (id) => jobs.isActive(id),
    record: (action, details) => audit.action(action, details),
  });
  try {
    retention.schedule();
  } catch (err) {
    log.write('error', `retention purge failed: ${(err as Error).message}`);
  }
  const storage: StorageInfo = {
    encryption: 'aes-256-gcm',
    keyProvider: dataKey.provider.kind,
    keyWhere: dataKey.provider.where,
    keySkipped: dataKey.skipped,
    get operator() {
      return operator();
    },
  };

  const api = new Api();
  api.provide({
    health: () => ({
      ok: true as const,
      app: APP_NAME,
      version: appVersion,
      dataDir: layout.root,
      schemaVersion: stores.schemaVersion,
      capabilities: registry.list().length,
      keyProvider: dataKey.provider.kind,
    }),
  });
  api.provide(settingsMethods({ settings: stores.settings, storage: () => ({ ...storage }), retention, record: (a, d) => audit.action(a, d) }));
  api.provide(auditMethods(stores.audit));
  api.provide(jobsMethods(jobs, stores.jobs, registry, retention));
  api.provide(pluginsMethods(plugins));
  api.provide(modelsMethods(models));
  api.provide(prereviewMethods());
  api.provide(modelsArchiveMethods(models, { knownCapabilities: () => knownModelCapabilities(plugins) }));

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
    log,
    audit,
    retention,
    storage,
    modelHost,
    stores,
    layout,
    interruptedAtStart,
    async close() {
      if (closed) return;
      closed = true;
      retention.stop();
      await jobs.stopAll();
      await audit.close();
      await plugins.dispose();
      await modelHost.dispose();
      stores.close();
    },
  };
}
