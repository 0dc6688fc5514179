export interface BuildRendererOptions {
  /** Defaults to <repo>/dist/renderer. */
  outDir?: string;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  sourcemap?: boolean;
}

/** Builds the console (renderer/) with Vite into dist/renderer (or `outDir`). */
export function buildRenderer(opts?: BuildRendererOptions): Promise<{ outDir: string }>;
