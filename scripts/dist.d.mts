export interface DistOptions {
  /** `npm run dist` arguments: electron-builder's (--dir, --linux [targets], --x64, -c.<key>=<value>, …) and --output, --skip-build. Default: process.argv. */
  argv?: string[];
  /** Instead of process.env (IC_ELECTRON_DIST, IC_SKIP_BUILD). */
  env?: NodeJS.ProcessEnv;
  /** electron-builder options merged over electron-builder.yml. */
  config?: Record<string, unknown>;
}

/** `npm run build`, then electron-builder with electron-builder.yml; offline with IC_ELECTRON_DIST. */
export function dist(opts?: DistOptions): Promise<{ outputDir: string; artifacts: string[]; seconds: number }>;
