import { SCREENS } from '../screens/registry.js';

/** Where the console is: a screen of the registry and its optional parameter (`#/jobs/<id>`). */
export interface Route {
  screen: string;
  param: string | null;
}

/**
 * Routes live in the hash (#/<screen>[/<param>]) so they work under app:// and the loopback server alike. An unknown
 * screen opens the first one of the registry (pre-review, the clerk's main job).
 */
export function parseHash(hash: string): Route {
  const [screen, param] = hash.replace(/^#\/?/, '').split('/');
  const known = SCREENS.find((s) => s.id === screen);
  if (!known) return { screen: SCREENS[0]!.id, param: null };
  return { screen: known.id, param: param ? decodeURIComponent(param) : null };
}

export function hashOf(r: Route): string {
  return r.param ? `#/${r.screen}/${encodeURIComponent(r.param)}` : `#/${r.screen}`;
}
