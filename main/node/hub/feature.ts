import type { HostMethodName, HostParsedParamsOf, HostResultOf } from '../../common/contract/index.js';
import type { DataLayout } from '../config/data-dir.js';
import type { HubLog } from '../log/hub-log.js';
import type { PackQuery, PackStore } from '../models/pack-store.js';
import type { MethodHandlers } from './api.js';
import type { AuditFields } from './audit-recorder.js';
import type { CapabilityProvider } from './capability-registry.js';
import type { Command } from './cli/command.js';
import type { HubEvents } from './events.js';
import type { HostCallContext } from './host-child.js';
import type { ModelHost } from './model-host.js';

/**
 * What a feature brings to the app, in one object (main/node/capabilities/<feature>/contribution.ts). The app root
 * (main/node/app/features.ts) lists the features; the hub knows this type and no feature. See docs/architecture.md,
 * "Adding a capability".
 */
export interface FeatureContribution {
  /** e.g. "ocr"; shown in `ic capabilities` and the hub log. */
  id: string;
  /**
   * Model packs the feature cannot work without, in the manifest's terms (capability, engines, languages). Each
   * need is met by one installed pack; while one is not, the feature's capabilities are listed as unavailable
   * with the reason (`capabilities.list`, `ic capabilities`), and calling them is UNAVAILABLE. Checked on every
   * call, so a pack imported or fetched later makes the feature available without a restart.
   */
  needs?: PackNeed[];
  /** Id of the feature's console screen (the renderer's screen registry). */
  screen?: string;
  /** `ic` commands. */
  commands?: Command[];
  /** Services the model host process runs for this feature (inference). */
  hostServices?: ModelHostService[];
  /** Builds the hub-side parts once the hub is up: capabilities (jobs) and API methods (contract/methods.ts). */
  activate?(ctx: FeatureContext): FeatureParts;
}

export interface PackNeed extends Omit<PackQuery, 'intact'> {
  /** Says what the pack is for, in the unavailable reason, e.g. "OCR (PP-OCRv4 or Tesseract, Chinese or English)". */
  what: string;
}

export interface FeatureParts {
  capabilities?: CapabilityProvider[];
  methods?: MethodHandlers;
  /** Runs when the hub closes, after running jobs stopped. */
  dispose?(): Promise<void>;
}

/** What the hub hands a feature's activate(). */
export interface FeatureContext {
  layout: DataLayout;
  packs: PackStore;
  /** Typed calls into the model host process (contract/host-methods.ts). */
  modelHost: ModelHost;
  log: HubLog;
  events: HubEvents;
  /** Writes an audit entry for an action that is not a job (e.g. an export of a citizen's document); masked. */
  audit(action: string, details?: Record<string, unknown>, fields?: AuditFields): void;
  /** The model manifest in use (tests pass their own). */
  catalogFile?: string;
  /** Capability ids of every installed plugin, enabled or not (answered by the app root, which owns plugins). */
  pluginCapabilities(): string[];
}

/** Handlers of model-host methods, typed by the host method table: params arrive parsed, results are checked by the hub. */
export type HostHandlers = {
  [M in HostMethodName]?: (params: HostParsedParamsOf<M>, ctx: HostCallContext) => HostResultOf<M> | Promise<HostResultOf<M>>;
};

/** A running model-host service: its handlers and how to release its engines. */
export interface HostServiceInstance {
  handlers: HostHandlers;
  dispose?(): Promise<void>;
}

/** What the model host gives a service when it starts. */
export interface HostServiceContext {
  packs: PackStore;
}

/**
 * A service of the model host process. `load` imports the service's module only inside the model host, so the hub,
 * the CLI and Electron's main process never load inference engines (onnxruntime, tesseract.js) by importing a
 * feature's contribution.
 */
export interface ModelHostService {
  id: string;
  load(): Promise<(ctx: HostServiceContext) => HostServiceInstance>;
}
