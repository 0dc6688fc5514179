import { z } from 'zod';


/**
 * What a plugin may ask for. Plugins run in their own process under Node's permission model: no file writes,
 * no child processes, no worker threads, file reads only inside the plugin's own folder. Network access is never
 * granted (nothing leaves the machine), so it is not a permission one can ask for.
 */
export const PluginPermission = z.enum([
  // Receive the bytes of files the user picked in the console or named on the command line (never a path to read).
  'files.read-picked',
]);
export type PluginPermission = z.infer<typeof PluginPermission>;

export const CapabilityId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must be namespaced like "pii.mask" (lowercase, dot-separated)');

/** A JSON Schema object; compiled and checked by the plugin loader. */
export const JsonSchemaObject = z.record(z.string(), z.unknown());

export const PluginCapability = z.object({
  id: CapabilityId,
  title: z.string().min(1).max(80),
  description: z.string().max(1000).optional(),
  input: JsonSchemaObject,
  output: JsonSchemaObject,
});
export type PluginCapability = z.infer<typeof PluginCapability>;

export const PluginManifest = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lowercase letters, digits and "-", 2-64 characters'),
    name: z.string().min(1).max(80),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be semver like 1.0.0'),
    description: z.string().max(1000).optional(),
    apiVersion: z.literal(1, { message: 'this app supports plugin apiVersion 1' }),
    entry: z.string().regex(/^[^/\\].*\.(m?js|cjs)$/, 'a relative path to a .js, .mjs or .cjs file'),
    permissions: z.array(PluginPermission).default([]),
    capabilities: z.array(PluginCapability).min(1, 'a plugin must provide at least one capability'),
  })
  .strict();
export type PluginManifest = z.infer<typeof PluginManifest>;

export const PluginSource = z.enum(['builtin', 'user']);

export const PluginInfo = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string().optional(),
  source: PluginSource,
  enabled: z.boolean(),
  capabilities: z.array(z.string()),
  permissions: z.array(PluginPermission),
  /** False where the plugin cannot be run safely here (no permission model in this runtime); the reason says why. */
  available: z.boolean().default(true),
  unavailableReason: z.string().optional(),
  /** How the plugin is confined, in words for the plugin list, e.g. "Node permission model (--permission)". */
  sandbox: z.string().default(''),
  /** What the plugin can do on the network, said plainly (e.g. "blocked in the plugin process (not an OS firewall)"). */
  network: z.string().default(''),
});
export type PluginInfo = z.infer<typeof PluginInfo>;

/** A plugin folder that was refused, with the reason; listed apart so nothing broken looks usable. */
export const RejectedPlugin = z.object({ folder: z.string(), error: z.string() });
export type RejectedPlugin = z.infer<typeof RejectedPlugin>;

export const PluginRef = z.object({ id: z.string().min(1) });
/**
 * Enabling a plugin from the user folder needs the permissions the operator was shown, repeated back: a plugin
 * dropped into <data>/plugins never starts on its own, and never with permissions nobody saw.
 */
export const PluginEnableParams = PluginRef.extend({ acceptPermissions: z.array(PluginPermission).optional() });
