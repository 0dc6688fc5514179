import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../../main/common/csp.js';
import { CONSOLE_CSP as reExportedCsp, mainWindowOptions } from '../../../main/electron/window-options.js';

const preload = path.resolve('/opt/ic/dist/main/preload/preload.cjs');

describe('mainWindowOptions', () => {
  const options = mainWindowOptions(preload);
  const web = options.webPreferences ?? {};

  it('sets every security flag of the Electron checklist', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('enables no extra Blink features', () => {
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(JSON.stringify(options)).not.toContain('enableBlinkFeatures');
  });

  it('uses the given preload and keeps DevTools off unless asked', () => {
    expect(web.preload).toBe(preload);
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions(preload, { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('refuses a relative preload path', () => {
    expect(() => mainWindowOptions('preload.cjs')).toThrow(/absolute/);
  });

  it('is hidden until ready-to-show, titled, and sensibly sized', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Intelligent Center');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.minWidth).toBeLessThanOrEqual(options.width!);
    expect(options.minHeight).toBeLessThanOrEqual(options.height!);
  });

  it('returns a fresh object each time (callers may mutate it)', () => {
    expect(mainWindowOptions(preload)).not.toBe(mainWindowOptions(preload));
  });
});

describe('CONSOLE_CSP', () => {
  it('is the agreed policy, shared from main/common/csp.ts', () => {
    expect(CONSOLE_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(reExportedCsp).toBe(CONSOLE_CSP);
  });

  it('allows no inline script and no eval; inline is allowed for styles only', () => {
    const directives = new Map(CONSOLE_CSP.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(CONSOLE_CSP).not.toMatch(/unsafe-eval/);
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect([...directives.values()].filter((d) => d.includes('unsafe-inline'))).toEqual(["style-src 'self' 'unsafe-inline'"]);
  });
});
