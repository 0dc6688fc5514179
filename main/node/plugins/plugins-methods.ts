import type { MethodHandlers } from '../hub/api.js';
import type { PluginManager } from './plugin-manager.js';

export function pluginsMethods(plugins: PluginManager): MethodHandlers {
  return {
    'plugins.list': () => plugins.list(),
    'plugins.enable': (p) => plugins.enable(p.id, p.acceptPermissions),
    'plugins.disable': (p) => plugins.disable(p.id),
  };
}
