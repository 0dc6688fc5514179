// End to end: the Knowledge graph screen (知识图谱) in Debian's Chromium against a real hub: counts, entity search,
// an entity's neighbourhood drawn by Cytoscape.js (re-centred by clicking a node), the committed broken catalog
// CSV imported with its row errors (and nothing changed), and a user's .txt document added, cited and removed.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../main/node/app/app.js';
import { root, startConsole, type ConsoleE2E } from '../helpers/e2e.js';

const SLOW = 90_000;
const BROKEN_CSV = path.join(root, 'knowledge-graph', 'catalog', 'example-import-errors.csv');
const DOC_NAME = 'reading-room-hours.txt';
const DOC_TEXT = '城市书房开放时间\n\n城市书房每天上午八点半至晚上九点开放，节假日照常开放。读者凭社会保障卡或电子证照即可借阅图书，无需另办借书证。\n';

describe('Knowledge graph screen e2e (Chromium + loopback server + Cytoscape.js)', () => {
  let e2e: ConsoleE2E;
  let hub: App;
  let page: Page;
  let docFile: string;

  beforeAll(async () => {
    e2e = await startConsole({ name: 'kg', viewport: { width: 1440, height: 900 } });
    ({ hub, page } = e2e);
    docFile = path.join(e2e.tmp, DOC_NAME);
    fs.writeFileSync(docFile, DOC_TEXT);
    await page.goto(`${e2e.server.url}#/kg`);
    await page.getByTestId('screen-kg').waitFor();
  }, SLOW);

  afterAll(async () => {
    await e2e?.close();
  });

  const sourceIds = () => page.locator('tr[data-testid="kg-source"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));

  it("shows the graph's counts and its sources, shipped ones marked", async () => {
    await page.getByTestId('kg-stats').waitFor({ timeout: SLOW });
    const stats = await hub.client.call('kg.stats');
    expect(Number(await page.getByTestId('kg-stats').getAttribute('data-passages'))).toBe(stats.passages);
    expect(await page.getByTestId('kg-embedder').textContent()).toBe(stats.embedder);
    const sources = await hub.client.call('kg.sources.list');
    await page.locator('tr[data-testid="kg-source"]').first().waitFor();
    expect(await sourceIds()).toEqual(sources.map((s) => s.id));
    expect(sources.every((s) => s.shipped)).toBe(true);
    // Shipped sources cannot be removed from here.
    expect(await page.getByTestId('kg-remove').count()).toBe(0);
  });

  it("finds an entity and draws its neighbourhood with Cytoscape; clicking a node centres on it", async () => {
    const input = page.getByTestId('kg-search').locator('input[type=search]');
    await input.fill('食品经营许可');
    await input.press('Enter');
    const expected = await hub.client.call('kg.entities.search', { query: '食品经营许可', limit: 50 });
    const result = page.locator(`[data-testid="kg-result"][data-entity="service:food-business-licence"]`);
    await result.waitFor();
    const shown = await page.getByTestId('kg-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity')));
    expect(shown).toEqual(expected.map((e) => e.id));

    await result.click();
    const graph = page.getByTestId('kg-graph');
    await page.waitForFunction(() => document.querySelector('[data-testid="kg-graph"]')?.getAttribute('data-center') === 'service:food-business-licence');
    const hood = await hub.client.call('kg.entities.neighbourhood', { id: 'service:food-business-licence', depth: 1, limit: 150 });
    expect(hood.nodes.length).toBeGreaterThan(3);
    expect(Number(await graph.getAttribute('data-nodes'))).toBe(hood.nodes.length);
    expect(Number(await graph.getAttribute('data-edges'))).toBe(hood.edges.length);
    expect(page.url()).toContain(`#/kg/${encodeURIComponent('service:food-business-licence')}`);

    // Cytoscape drew it: its canvases fill the box, every node is inside the view, coloured by type; edges carry
    // the relation's label.
    const drawn = await graph.evaluate((el) => {
      const cy = (el as HTMLElement & { cy?: import('cytoscape').Core }).cy!;
      const box = el.getBoundingClientRect();
      const canvases = [...el.querySelectorAll('canvas')].map((c) => {
        // Pixels actually painted (not transparent) on this layer.
        const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let painted = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
        return { w: c.clientWidth, h: c.clientHeight, painted };
      });
      const nodes = cy.nodes().map((n) => ({ id: n.id(), type: n.data('type') as string, colour: n.style('background-color') as string, pos: n.renderedPosition() }));
      const edges = cy.edges().map((e) => e.style('label') as string);
      return { box: { w: box.width, h: box.height }, canvases, nodes, edges };
    });
    expect(drawn.canvases.length).toBeGreaterThan(0);
    expect(drawn.canvases.every((c) => c.w > 0 && c.h > 0)).toBe(true);
    expect(Math.max(...drawn.canvases.map((c) => c.painted))).toBeGreaterThan(500);
    for (const n of drawn.nodes) {
      expect(n.pos.x).toBeGreaterThanOrEqual(0);
      expect(n.pos.x).toBeLessThanOrEqual(drawn.box.w);
      expect(n.pos.y).toBeGreaterThanOrEqual(0);
      expect(n.pos.y).toBeLessThanOrEqual(drawn.box.h);
    }
    const colourOf = new Map<string, Set<string>>();
    for (const n of drawn.nodes) colourOf.set(n.type, new Set([...(colourOf.get(n.type) ?? []), n.colour]));
    expect(colourOf.size).toBeGreaterThan(1);
    for (const set of colourOf.values()) expect(set.size).toBe(1);
    expect(new Set([...colourOf.values()].map((s) => [...s][0])).size).toBe(colourOf.size);
    expect(drawn.edges).toContain('需要 requires');
    await e2e.shot('kg', path.join(root, 'docs', 'screenshots', 'kg.png'));

    // A real click on the department's node (where Cytoscape drew it) re-centres the graph there.
    const dept = hood.nodes.find((n) => n.type === 'department')!;
    const at = drawn.nodes.find((n) => n.id === dept.id)!.pos;
    const box = (await graph.boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction((id) => document.querySelector('[data-testid="kg-graph"]')?.getAttribute('data-center') === id, dept.id);
    const deptHood = await hub.client.call('kg.entities.neighbourhood', { id: dept.id, depth: 1, limit: 150 });
    await page.waitForFunction((n) => document.querySelector('[data-testid="kg-graph"]')?.getAttribute('data-nodes') === String(n), deptHood.nodes.length);
  });

  it('imports the committed broken catalog CSV and shows each row error; nothing is changed', async () => {
    const before = await hub.client.call('prereview.services');
    const expected = await hub.client.call('kg.catalog.import', { path: BROKEN_CSV, dryRun: true });
    expect(expected.failed).toBeGreaterThan(0);

    await page.getByTestId('kg-import-upload').locator('input[type=file]').setInputFiles(BROKEN_CSV);
    expect(await page.getByTestId('kg-import-file').textContent()).toContain('example-import-errors.csv');
    await page.getByTestId('kg-import-run').click();
    const report = page.getByTestId('kg-import-report');
    await report.waitFor({ timeout: SLOW });
    expect(Number(await report.getAttribute('data-failed'))).toBe(expected.failed);
    expect(Number(await report.getAttribute('data-imported'))).toBe(0);
    expect(await page.getByTestId('kg-import-summary').textContent()).toContain('未作任何更改');

    // Only the rows in error are listed at first, each with its problems (column and message) as the hub reports them.
    const bad = expected.rows.filter((r) => r.status === 'error');
    const rows = page.locator('tr[data-testid="kg-import-row"]');
    expect(await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))).toEqual(bad.map((r) => r.row));
    for (const r of bad) {
      const text = await page.locator(`tr[data-testid="kg-import-row"][data-row="${r.row}"]`).textContent();
      for (const e of r.errors) {
        expect(text).toContain(e.message);
        if (e.column) expect(text).toContain(e.column);
      }
    }
    // All the rows, the good ones too, at the switch.
    await page.getByTestId('kg-import-only-errors').click();
    expect(await rows.count()).toBe(expected.rows.length);
    // All or nothing: the catalog pre-review reads is as it was.
    expect(await hub.client.call('prereview.services')).toEqual(before);
  });

  it("adds a .txt document with progress, cites it by its file name, and removes it after a confirmation", async () => {
    const passagesBefore = (await hub.client.call('kg.stats')).passages;
    await page.getByTestId('kg-add-upload').locator('input[type=file]').setInputFiles(docFile);
    expect(await page.getByTestId('kg-add-picked').textContent()).toContain(DOC_NAME);
    await page.getByTestId('kg-add-run').click();
    const added = page.getByTestId('kg-added');
    await added.waitFor({ timeout: SLOW });
    const id = (await added.getAttribute('data-source'))!;
    const sources = await hub.client.call('kg.sources.list');
    const mine = sources.find((s) => s.id === id)!;
    expect(mine.shipped).toBe(false);
    expect(mine.name).toBe(DOC_NAME);
    expect(mine.passages).toBeGreaterThan(0);
    const row = page.locator(`tr[data-testid="kg-source"][data-source="${id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-shipped')).toBe('false');
    expect(Number(await page.getByTestId('kg-stats').getAttribute('data-passages'))).toBe(passagesBefore + mine.passages);

    // Its passages answer questions, and the citation names the file.
    await page.getByTestId('nav-ask').click();
    const input = page.getByTestId('ask-input').locator('input');
    await input.fill('城市书房几点开放？');
    await input.press('Enter');
    const cite = page.getByTestId('ask-citation-source').filter({ hasText: DOC_NAME });
    await cite.first().waitFor({ timeout: SLOW });
    await page.getByTestId('nav-kg').click();

    // Removal asks first; cancelling keeps the source.
    await row.getByTestId('kg-remove').click();
    await page.getByRole('button', { name: /取消/ }).last().click();
    expect(await sourceIds()).toContain(id);
    await row.getByTestId('kg-remove').click();
    await page.getByTestId('kg-remove-confirm').click();
    await page.getByTestId('kg-removed').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await hub.client.call('kg.sources.list')).map((s) => s.id)).not.toContain(id);
    await page.waitForFunction((n) => document.querySelector('[data-testid="kg-stats"]')?.getAttribute('data-passages') === String(n), passagesBefore);
    // Nothing stale is answered.
    const again = await hub.client.call('kg.ask', { question: '城市书房几点开放？', k: 3 });
    expect(again.answers.map((a) => a.citation.source)).not.toContain(DOC_NAME);
  });

  it('ran without CSP violations or script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
