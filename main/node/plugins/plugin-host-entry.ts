// Entry of a plugin host process: one per plugin, started by the hub (fork, or a utility process under Electron)
// under Node's permission model; the host reports that model in force and is refused without it.
// The network guard comes first: nothing of the plugin runs before the network is taken away.
import './plugin-network-guard.js';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { HubError, parseOrThrow, type Progress } from '../../common/contract/index.js';
import { serveHost, type HostCallContext } from '../hub/host-child.js';

export interface PluginHandlerContext {
  signal: AbortSignal;
  progress(p: Progress): void;
}
// Plugins are plain JavaScript: their input was validated against the manifest's JSON Schema before it got here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginHandler = (input: any, ctx: PluginHandlerContext) => unknown | Promise<unknown>;
/** What a plugin's `activate(api)` receives. */
export interface PluginApi {
  apiVersion: 1;
  handle(capability: string, handler: PluginHandler): void;
  log(...args: unknown[]): void;
}

const handlers = new Map<string, PluginHandler>();

/** What the plugin manager sends (plugins/plugin-manager.ts). */
const LoadPayload = z.object({ entry: z.string(), capabilities: z.array(z.string()), pluginId: z.string() });
const InvokePayload = z.object({ capability: z.string(), input: z.unknown() });

serveHost({
  async load(raw) {
    const payload = parseOrThrow(LoadPayload, raw, 'plugin load');
    const mod = await import(pathToFileURL(payload.entry).href);
    const activate = mod.activate ?? mod.default?.activate;
    if (typeof activate !== 'function') throw new HubError('BAD_MANIFEST', `plugin "${payload.pluginId}": entry does not export activate(api)`);
    const api: PluginApi = {
      apiVersion: 1,
      handle(capability, handler) {
        if (!payload.capabilities.includes(capability)) {
          throw new HubError('BAD_MANIFEST', `plugin "${payload.pluginId}" handles "${capability}", which its manifest does not declare`);
        }
        if (typeof handler !== 'function') throw new HubError('BAD_MANIFEST', `handler for "${capability}" is not a function`);
        handlers.set(capability, handler);
      },
      log: (...args) => console.error(`[plugin ${payload.pluginId}]`, ...args),
    };
    await activate(api);
    const missing = payload.capabilities.filter((c) => !handlers.has(c));
    if (missing.length) throw new HubError('BAD_MANIFEST', `plugin "${payload.pluginId}" declares but does not handle: ${missing.join(', ')}`);
    return { handled: [...handlers.keys()] };
  },

  async invoke(raw, ctx: HostCallContext) {
    const payload = parseOrThrow(InvokePayload, raw, 'plugin call');
    const handler = handlers.get(payload.capability);
    if (!handler) throw new HubError('NOT_FOUND', `plugin does not handle "${payload.capability}"`);
    try {
      return await handler(payload.input, { signal: ctx.signal, progress: ctx.progress });
    } catch (err) {
      if (err instanceof HubError) throw err;
      throw new HubError('PLUGIN_ERROR', `${payload.capability}: ${(err as Error)?.message ?? String(err)}`);
    }
  },
});
