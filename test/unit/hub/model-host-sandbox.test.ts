import { describe, expect, it } from 'vitest';
import { modelHostSandbox } from '../../../main/node/hub/model-host-sandbox.js';

const runtime = (...flags: string[]) => ({ has: (f: string) => flags.includes(f) });
const paths = { read: ['/app', '/app/', '/data/models'], write: ['/data/models/.tessdata'] };

describe('model host sandbox flags (probed from the runtime, not its version)', () => {
  it('Node >= 22 / Electron 41 (Node 24): --permission, reads and writes limited, addons and workers allowed', () => {
    const s = modelHostSandbox(paths, runtime('--permission', '--allow-addons', '--allow-worker', '--disable-warning'));
    expect(s.execArgv).toEqual([
      '--permission',
      '--allow-fs-read=/app/*',
      '--allow-fs-read=/data/models/*',
      '--allow-fs-write=/data/models/.tessdata/*',
      '--allow-addons',
      '--allow-worker',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=SecurityWarning',
    ]);
    expect(s.execArgv).not.toContain('--allow-child-process');
    expect(s.description).toMatch(/^permission model \(--permission\)/);
  });

  it('Node 20.x with --allow-addons: the experimental flag', () => {
    const s = modelHostSandbox(paths, runtime('--experimental-permission', '--allow-addons', '--allow-worker'));
    expect(s.execArgv[0]).toBe('--experimental-permission');
    expect(s.execArgv).not.toContain('--disable-warning=ExperimentalWarning');
  });

  it('a permission model without --allow-addons: runs unconfined and says why', () => {
    const s = modelHostSandbox(paths, runtime('--experimental-permission', '--allow-worker'));
    expect(s).toEqual({ execArgv: [], description: expect.stringMatching(/^none: .*no --allow-addons/) });
  });

  it('no permission model at all: runs unconfined and says why', () => {
    expect(modelHostSandbox(paths, runtime('--allow-addons'))).toEqual({ execArgv: [], description: 'none: this runtime has no Node permission model' });
  });
});
