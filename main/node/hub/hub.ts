import type { HubClient, StorageInfo } from '../../common/contract/index.js';
import { appVersion } from '../config/app-paths.js';
import { APP_NAME, ensureDataLayout, resolveDataDir, type DataLayout } from '../config/data-dir.js';
import { HubLog } from '../log/hub-log.js';
import { createPackStore } from '../models/models-service.js';
import type { PackStore } from '../models/pack-store.js';
import { openStores, type Stores } from '../store/database.js';
import { Api } from './api.js';
import { CapabilityRegistry } from './capability-registry.js';
import { HubEvents } from './events.js';
import { activateFeatures, type FeatureStatus } from './features.js';
import type { FeatureContribution } from './feature.js';
import { JobRunner } from './job-runner.js';
import { jobsMethods } from './jobs-methods.js';
import { restrictUmask } from '../config/permissions.js';
import { defaultKeyProviders } from '../store/crypto/default-providers.js';
import { openDataKey } from '../store/crypto/data-key.js';
import { FieldCipher } from '../store/crypto/field-cipher.js';
import type { KeyProvider } from '../store/crypto/key-provider.js';
import { AuditRecorder } from './audit-recorder.js';
import { JobRetention } from './job-retention.js';
import { operatorOf } from './operator.js';
import { auditMethods, settingsMethods } from './settings-methods.js';
import { packsForEngine } from './packs-for-engine.js';
import { ModelHost } from './model-host.js';
import type { HostSpawner } from './host-spawner.js';
import { modelHostSandbox } from './model-host-sandbox.js';
import { modelHostPaths } from './model-host-paths.js';

export interface HubOptions {
  /** Defaults to resolveDataDir() (IC_DATA_DIR or the platform's app-data folder). */
  dataDir?: string;
  /** The model manifest (tests); defaults to the app's models/manifest.json. */
  catalogFile?: string;
  onHostStderr?: (chunk: string) => void;
  /** Where the data key is kept, strongest first (Electron passes safeStorage first); default: keychain, key file. */
  keyProviders?: KeyProvider[];
  /** How host processes start (default: child_process.fork). The Electron main passes utilityProcess's. */
  hostSpawner?: HostSpawner;
}

/** What only the composition root (main/node/app/) knows: the features, the log's masking, the model host's entry. */
export interface HubWiring {
  features?: readonly FeatureContribution[];
  /** Applied to every log line (personal data masked); the identity when not given. */
  redact?: (text: string) => string;
  /** Compiled JS entry of the model host process; without it, model-host calls fail as UNAVAILABLE. */
  modelHostEntry?: string;
  /** Capability ids of every installed plugin (for features that accept plugin model packs). */
  pluginCapabilities?: () => string[];
}

export interface Hub {
  api: Api;
  client: HubClient;
  events: HubEvents;
  registry: CapabilityRegistry;
  jobs: JobRunner;
  models: PackStore;
  log: HubLog;
  audit: AuditRecorder;
  retention: JobRetention;
  storage: StorageInfo;
  /** The inference process; its pid is what benchmarks measure. */
  modelHost: ModelHost;
  stores: Stores;
  layout: DataLayout;
  /** Each feature, available or not (with the reason). */
  features: () => FeatureStatus[];
  /** Number of jobs found unfinished from a previous run (now `interrupted`, resumable). */
  interruptedAtStart: number;
  close(): Promise<void>;
}

/**
 * The hub core: plain Node, no Electron, no feature. Every door (IPC, loopback server, CLI) talks to one of these;
 * main/node/app/createApp() builds it with the app's features. Called bare (tests of the contract, the store, the
 * job runner) it has jobs, health and capabilities.list and nothing else.
 */
export function createHub(options: HubOptions = {}, wiring: HubWiring = {}): Hub {
  restrictUmask();
  const layout = ensureDataLayout(options.dataDir ?? resolveDataDir());
  const dataKey = openDataKey(layout.root, options.keyProviders ?? defaultKeyProviders(layout.root));
  const stores = openStores(layout.db, { cipher: new FieldCipher(dataKey.key) });
  dataKey.key.fill(0); // the cipher holds its own copy
  const interruptedAtStart = stores.jobs.markInterrupted();
  const events = new HubEvents();
  const log = new HubLog(layout.logs, wiring.redact ?? ((t) => t));
  events.on((e) => {
    if (e.type !== 'job.updated' || !['succeeded', 'failed', 'cancelled'].includes(e.job.status)) return;
    const j = e.job;
    log.write(j.status === 'failed' ? 'error' : 'info', `job ${j.id} ${j.capability} ${j.status} (${j.itemsDone}/${j.itemsTotal} done, ${j.itemsFailed} failed)${j.error ? ': ' + j.error.message : ''}`);
  });
  events.on((e) => {
    if (e.type === 'job.item' && e.item.error) log.write('warn', `job ${e.jobId} item ${e.item.index + 1}: ${e.item.error.message}`);
  });
  const registry = new CapabilityRegistry();
  const jobs = new JobRunner(stores.jobs, registry, events);
  const models = createPackStore(layout, options.catalogFile);
  const modelHost = new ModelHost({
    ...(wiring.modelHostEntry ? { entry: wiring.modelHostEntry } : {}),
    dataDir: layout.root,
    ...(options.catalogFile ? { catalogFile: options.catalogFile } : {}),
    onStderr: (chunk) => hostStderr(log, options, chunk),
    ...(options.hostSpawner ? { spawner: options.hostSpawner } : {}),
    ...(wiring.modelHostEntry ? { sandbox: modelHostSandbox(modelHostPaths(layout, options.catalogFile)) } : {}),
  });

  const operator = () => operatorOf(stores.settings);
  const audit = new AuditRecorder({
    audit: stores.audit,
    events,
    detail: (id) => jobs.detail(id),
    operator,
    mask: (t) => log.mask(t),
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
      sandbox: modelHost.sandbox,
    }),
  });
  api.provide(settingsMethods({ settings: stores.settings, storage: () => ({ ...storage }), retention, record: (a, d) => audit.action(a, d) }));
  api.provide(auditMethods(stores.audit));
  api.provide(jobsMethods(jobs, stores.jobs, registry, retention));
  const features = activateFeatures(wiring.features ?? [], {
    registry,
    api,
    ctx: {
      layout,
      packs: models,
      modelHost,
      log,
      events,
      audit: (action, details, fields) => audit.action(action, details, fields),
      ...(options.catalogFile ? { catalogFile: options.catalogFile } : {}),
      pluginCapabilities: wiring.pluginCapabilities ?? (() => []),
    },
  });

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
    models,
    log,
    audit,
    retention,
    storage,
    modelHost,
    stores,
    layout,
    features: features.status,
    interruptedAtStart,
    async close() {
      if (closed) return;
      closed = true;
      retention.stop();
      await jobs.stopAll();
      await features.dispose();
      await audit.close();
      await modelHost.dispose();
      stores.close();
    },
  };
}

/**
 * Host processes' stderr (plugins' api.log, engine warnings) goes to the log, masked, as well as to the caller.
 * Hosts deliver whole lines (HostProcess splits on newlines), so a number is never masked in halves; the copy for
 * the terminal is masked too (terminals get captured into files).
 */
export function hostStderr(log: HubLog, options: Pick<HubOptions, 'onHostStderr'>, chunk: string): void {
  const masked = log.mask(chunk);
  log.write('warn', masked.trim());
  (options.onHostStderr ?? ((c: string) => process.stderr.write(c)))(masked);
}
