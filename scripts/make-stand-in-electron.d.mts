/** @electron/fuses' sentinel, which the stand-in executable carries before its fuse wire. */
export const FUSE_SENTINEL: string;

/** The installed electron package's version. */
export function installedElectronVersion(): string;

/** Creates (or replaces) a stand-in unpacked Electron for linux in `dir`, for offline packaging tests only. */
export function makeStandInElectron(dir: string, opts?: { version?: string }): Promise<{ dir: string; executable: string; version: string }>;
