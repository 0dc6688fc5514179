/** The runtime's Node flags, probed (never guessed from version strings). */
export interface RuntimeFlagSet {
  has(flag: string): boolean;
}

export const currentRuntimeFlags = (): RuntimeFlagSet => ({ has: (f) => process.allowedNodeEnvironmentFlags.has(f) });

export interface ModelHostSandbox {
  /** Node flags the model host starts with (empty: no permission model). */
  execArgv: string[];
  /** Shown by `ic health` and the capabilities: "permission model (...)" or "none: <reason>". */
  description: string;
}

export interface ModelHostPaths {
  /** Folders it reads: the app's code and modules, the model packs (app and data folder), the model manifest's. */
  read: string[];
  /** Folders it writes: only the Tesseract language folder it assembles from the packs (links to traineddata). */
  write: string[];
}

/**
 * Flags that confine the model host, which parses untrusted images and PDFs: Node's permission model with reads
 * limited to the app, the packs and the manifest, writes only to the Tesseract language folder, no child
 * processes. It needs `--allow-addons` (onnxruntime-node and sharp are native addons) and `--allow-worker`
 * (tesseract.js runs each Tesseract in a worker thread). Native addons are outside the permission model, so it
 * confines the JavaScript and wasm parsers (pdf.js, tesseract.js's wasm, the image sniffing), not a memory-safety
 * bug in a native decoder. Where the runtime lacks the permission model or `--allow-addons`, the host cannot load
 * its models under it: it runs unconfined and says so.
 */
export function modelHostSandbox(paths: ModelHostPaths, runtime: RuntimeFlagSet = currentRuntimeFlags()): ModelHostSandbox {
  const flag = runtime.has('--permission') ? '--permission' : runtime.has('--experimental-permission') ? '--experimental-permission' : undefined;
  if (!flag) return { execArgv: [], description: 'none: this runtime has no Node permission model' };
  if (!runtime.has('--allow-addons')) {
    return { execArgv: [], description: `none: this runtime's permission model cannot allow native addons (no --allow-addons), which the OCR engines need` };
  }
  if (!runtime.has('--allow-worker')) {
    return { execArgv: [], description: 'none: this runtime cannot allow worker threads under its permission model (no --allow-worker), which Tesseract needs' };
  }
  // One flag per folder: Node 20.20 no longer accepts a comma-separated list.
  const execArgv = [
    flag,
    ...unique(paths.read).map((d) => `--allow-fs-read=${d}/*`),
    ...unique(paths.write).map((d) => `--allow-fs-write=${d}/*`),
    '--allow-addons',
    '--allow-worker',
  ];
  if (runtime.has('--disable-warning')) execArgv.push('--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning');
  return {
    execArgv,
    description: `permission model (${flag}): reads only the app, the model packs and the manifest; writes only the Tesseract language folder; no child processes; native addons and worker threads allowed (the OCR engines need them)`,
  };
}

const unique = (dirs: string[]) => [...new Set(dirs.map((d) => d.replace(/[/\\]+$/, '')))];
