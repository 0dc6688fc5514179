import { HubError, isMethodName } from '../../common/contract/index.js';

/**
 * Paths on this machine may be named only by the user at the machine: on the command line, or (in the desktop app)
 * through the file dialog, whose answers the shell lists in `picked`. A page in a browser or a compromised renderer
 * must not make the hub read `~/.ssh/id_rsa` as an "ID card" or write a model export over a startup script, so the
 * loopback server and the IPC bridge refuse every parameter that names a path: the FileSource `{path}` form of any
 * capability input and the paths of models.import / models.export.
 */
export function refuseLocalPaths(method: string, params: unknown, door: string, picked: (p: string) => boolean = () => false): void {
  if (!isMethodName(method)) return; // the dispatcher answers NOT_FOUND
  const found: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (found.length || depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.path === 'string' && !picked(o.path)) found.push(o.path);
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(params, 0);
  if (found.length) {
    throw new HubError(
      'FORBIDDEN',
      `${method}: files on this machine can be named only on the command line or in the desktop file dialog, not from ${door}; upload the file instead`,
    );
  }
}
