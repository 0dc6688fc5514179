// axe-core in the console e2e runs. The console's CSP is script-src 'self': a <script> tag added by the test
// (page.addScriptTag, inline or by path) would be refused and reported as a violation. page.evaluate goes through
// the DevTools protocol, which the page's CSP does not govern, so axe's source is evaluated that way, once per page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending nodes, with axe's summary of each. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page as it is now (WCAG 2.x A/AA and best practices); returns the violations. */
export async function axeViolations(page: Page, opts: { include?: string } = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const r = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, opts.include ?? null);
}

/** Only the serious and critical ones, as "rule (impact): help — node" lines (readable in a failed expect). */
export function seriousOf(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target} — ${n.summary.replace(/\s+/g, ' ').slice(0, 200)}`));
}

/**
 * Waits until no CSS transition or finite animation runs (a spinner's fading overlay or a colour change caught half-way
 * reads as low contrast to axe). Up to 10 s: under load (CI, 2 cores) antd's transitions finish late.
 */
export async function settledAnimations(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length), { timeout: 10_000 })
    .toBe(0);
}
