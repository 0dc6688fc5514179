import { HubError } from '../../../common/contract/index.js';

/** Where packs are downloaded from when neither --base-url nor HF_ENDPOINT says otherwise. */
export const DEFAULT_HUB = 'https://huggingface.co';

/**
 * The model hub or mirror to download from: the caller's base URL, else HF_ENDPOINT (the variable the Hugging Face
 * tools read, so a machine set up for a mirror needs nothing more), else huggingface.co. Trailing slashes are
 * dropped; a path prefix (`https://mirror.example/hf`) is kept.
 */
export function hubBase(baseUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = baseUrl ?? (env.HF_ENDPOINT?.trim() || undefined) ?? DEFAULT_HUB;
  const from = baseUrl !== undefined ? 'the base URL' : env.HF_ENDPOINT?.trim() ? 'HF_ENDPOINT' : 'the default hub';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HubError('BAD_REQUEST', `${from} "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HubError('BAD_REQUEST', `${from} "${raw}" must be an http:// or https:// URL`);
  if (!secureOrLoopback(url.href)) throw new HubError('FORBIDDEN', `${from} "${raw}" must be an https:// URL (plain http only for a mirror on this machine)`);
  const allowed = modelHosts(env);
  if (!isLoopback(url.hostname) && !allowed.includes(url.hostname.toLowerCase())) {
    throw new HubError(
      'FORBIDDEN',
      `${from} "${raw}" is not a configured model host (${allowed.join(', ')}); add it to IC_MODEL_HOSTS (comma-separated) or HF_ENDPOINT`,
    );
  }
  if (url.search || url.hash) throw new HubError('BAD_REQUEST', `${from} "${raw}" must not carry a query or fragment`);
  return url.href.replace(/\/+$/, '');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
export const isLoopback = (hostname: string): boolean => LOOPBACK.has(hostname.toLowerCase());

/** https, or http to this machine (a local mirror: nothing crosses the network). */
export function secureOrLoopback(href: string): boolean {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname));
  } catch {
    return false;
  }
}

/**
 * Hosts packs may be downloaded from: the default hub, the host of HF_ENDPOINT, and those listed in IC_MODEL_HOSTS.
 * A base URL from a caller (the console, a script) must name one of them: the hub does not contact arbitrary hosts.
 */
export function modelHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const hosts = [new URL(DEFAULT_HUB).hostname];
  try {
    if (env.HF_ENDPOINT?.trim()) hosts.push(new URL(env.HF_ENDPOINT.trim()).hostname.toLowerCase());
  } catch {
    // a malformed HF_ENDPOINT is reported by hubBase when it is used
  }
  for (const h of (env.IC_MODEL_HOSTS ?? '').split(',')) if (h.trim()) hosts.push(h.trim().toLowerCase());
  return [...new Set(hosts)];
}

/** `<base>/<repo>/resolve/<revision>/<path>`, the Hugging Face layout that mirrors copy. */
export function resolveUrl(base: string, repo: string, revision: string, file: string): string {
  const repoPart = repo.split('/').map(encodeURIComponent).join('/');
  const filePart = file.split('/').map(encodeURIComponent).join('/');
  // A revision may itself hold "/" (refs/pr/1): the hub wants it as one encoded segment.
  return `${base}/${repoPart}/resolve/${encodeURIComponent(revision)}/${filePart}`;
}

/** A URL fit for messages: no user name or password, no query (CDN links carry signatures there). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The host named in a job's `engine` (e.g. `download:huggingface.co`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
