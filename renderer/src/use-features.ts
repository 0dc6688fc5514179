import type { CapabilityInfo } from '../../main/common/contract/capabilities.js';
import { L } from './i18n.js';
import { useLoad } from './use-load.js';

export interface Features {
  /** null until capabilities.list answered. */
  capabilities: CapabilityInfo[] | null;
  /** Capability id -> why it cannot run now (the hub's reason). */
  unavailable: ReadonlyMap<string, string>;
  /** True/false once known, null while loading. */
  isAvailable: (capability: string) => boolean | null;
  reload: () => void;
}

/** Built-in capabilities the console has screens for; a hub that does not list them at all cannot run them. */
const BUILTIN_WITH_SCREENS = ['prereview', 'ocr'];

/** The hub's reason a listed capability cannot run now (missing model packs …), if any. */
export function unavailableReason(c: CapabilityInfo): string | undefined {
  return (c as CapabilityInfo & { unavailable?: string }).unavailable;
}

/** What the hub can run now, and why not where it cannot (capabilities.list, reloaded on reconnect). */
export function useFeatures(): Features {
  const caps = useLoad<CapabilityInfo[]>((c) => c.call('capabilities.list'));
  const unavailable = new Map<string, string>();
  if (caps.data) {
    for (const c of caps.data) {
      const reason = unavailableReason(c);
      if (reason) unavailable.set(c.id, reason);
    }
    for (const id of BUILTIN_WITH_SCREENS) if (!caps.data.some((c) => c.id === id)) unavailable.set(id, L.packsMissing);
  }
  return {
    capabilities: caps.data,
    unavailable,
    isAvailable: (id) => (caps.data ? !unavailable.has(id) && caps.data.some((c) => c.id === id) : null),
    reload: caps.reload,
  };
}
