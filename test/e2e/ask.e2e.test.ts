// End to end: the Ask screen (知识问答) in Debian's Chromium against a real hub whose knowledge graph is built from
// the shipped sources (knowledge-graph/): questions in Chinese and English answered with citations, the cited
// section opened with its passage highlighted, "no answer" shown plainly, a service item's facts as a card, and the
// recent questions kept in the browser. What the screen shows is compared with what the hub answers (kg.ask).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KgAskResult } from '../../main/common/contract/kg.js';
import type { App } from '../../main/node/app/app.js';
import { root, startConsole, type ConsoleE2E } from '../helpers/e2e.js';

const PLAN_ZH = '数字政府建设的发展目标是什么？';
const PLAN_EN = 'What are the development goals of the digital government plan?';
const NONE = '火星上的天气怎么样？';
const SERVICE = '开餐馆需要准备哪些材料？';
/** The first ask opens the graph (copies the prebuilt base into the data folder). */
const ASK_TIMEOUT = 60_000;

describe('Ask screen e2e (Chromium + loopback server + knowledge graph)', () => {
  let e2e: ConsoleE2E;
  let hub: App;
  let page: Page;

  beforeAll(async () => {
    e2e = await startConsole({ name: 'ask', viewport: { width: 1440, height: 900 } });
    ({ hub, page } = e2e);
    await page.goto(`${e2e.server.url}#/ask`);
    await page.getByTestId('screen-ask').waitFor();
  }, ASK_TIMEOUT);

  afterAll(async () => {
    await e2e?.close();
  });

  async function ask(question: string): Promise<void> {
    const input = page.getByTestId('ask-input').locator('input');
    await input.fill(question);
    await input.press('Enter');
    await page.getByTestId('ask-question').filter({ hasText: question }).waitFor({ timeout: ASK_TIMEOUT });
  }
  const shownPassages = () => page.getByTestId('ask-answer').evaluateAll((els) => els.map((e) => e.getAttribute('data-passage')));

  it('answers a Chinese question about the plan with cited answers, each with its score', async () => {
    expect(await page.getByTestId('nav-ask').getAttribute('aria-current')).toBe('page');
    await ask(PLAN_ZH);
    const expected: KgAskResult = await hub.client.call('kg.ask', { question: PLAN_ZH, k: 3 });
    expect(expected.noAnswer).toBe(false);
    // The screen shows the hub's answers, in its order, each with source, section path and passage id.
    expect(await shownPassages()).toEqual(expected.answers.map((a) => a.citation.passage));
    const first = page.getByTestId('ask-answer').first();
    const c = expected.answers[0]!.citation;
    expect(await first.getByTestId('ask-citation-source').textContent()).toBe(c.source);
    expect(await first.getByTestId('ask-citation-section').textContent()).toBe(c.section);
    expect(await first.getByTestId('ask-citation-passage').textContent()).toBe(c.passage);
    expect(Number(await first.getAttribute('data-score'))).toBeCloseTo(expected.answers[0]!.score, 6);
    // At least one answer comes from the plan itself (the sources' plan, by its name).
    const plan = (await hub.client.call('kg.sources.list')).find((s) => s.kind === 'plan')!;
    const sources = await page.getByTestId('ask-citation-source').allTextContents();
    expect(sources).toContain(plan.name);

    // The engine line names every part as the hub reports it; a Chinese question needs no bridge.
    expect(await page.getByTestId('ask-engine-lexical').textContent()).toContain(expected.engine.lexical!);
    expect(await page.getByTestId('ask-engine-embedder').textContent()).toContain(expected.engine.embedder!);
    expect(await page.getByTestId('ask-engine-bridge').getAttribute('data-used')).toBe(expected.engine.bridge ? 'true' : 'false');
  });

  it('opens the cited section with the cited passage highlighted', async () => {
    const first = page.getByTestId('ask-answer').first();
    const passage = await first.getAttribute('data-passage');
    await first.getByTestId('ask-open-section').click();
    const marked = page.getByTestId('cited-passage');
    await marked.waitFor();
    const section = await hub.client.call('kg.section', { passage: passage! });
    // Exactly one passage is highlighted: the cited one, with the section's own text around it.
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-passage')).toBe(passage);
    expect(await marked.textContent()).toBe(section.passages.find((p) => p.highlight)!.text);
    expect(await page.getByTestId('cited-section-body').locator('[data-passage]').count()).toBe(section.passages.length);
    expect(await page.getByTestId('cited-section-path').textContent()).toContain(section.section.path.at(-1)!);
    expect(await page.getByTestId('cited-section-source').textContent()).toBe(section.source.name);
    expect(await marked.isVisible()).toBe(true);
    await e2e.shot('ask-section');
    await page.keyboard.press('Escape');
    await marked.waitFor({ state: 'detached' });
  });

  it('answers an English question from the Chinese sources through the bilingual bridge, and names it', async () => {
    await ask(PLAN_EN);
    const expected = await hub.client.call('kg.ask', { question: PLAN_EN, k: 3 });
    expect(expected.noAnswer).toBe(false);
    expect(await shownPassages()).toEqual(expected.answers.map((a) => a.citation.passage));
    expect(expected.engine.bridge).not.toBeNull();
    expect(await page.getByTestId('ask-engine-bridge').getAttribute('data-used')).toBe('true');
    expect(await page.getByTestId('ask-engine-bridge').textContent()).toContain(expected.engine.bridge!);
    // The cited text is the Chinese original.
    expect(await page.getByTestId('ask-answer-text').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says plainly that there is no answer for a question the sources do not answer', async () => {
    await ask(NONE);
    const expected = await hub.client.call('kg.ask', { question: NONE, k: 3 });
    expect(expected.noAnswer).toBe(true);
    const none = page.getByTestId('ask-no-answer');
    await none.waitFor();
    expect(await none.textContent()).toContain('未找到答案');
    expect(await none.textContent()).toContain('No answer found');
    expect(await page.getByTestId('ask-answer').count()).toBe(0);
    expect(await page.getByTestId('ask-result').getAttribute('data-no-answer')).toBe('true');
  });

  it("shows a service item's facts as a card: department, time limit, fee, channels, materials with form and count", async () => {
    await ask(SERVICE);
    const expected = await hub.client.call('kg.ask', { question: SERVICE, k: 3 });
    const facts = expected.answers.find((a) => a.facts)?.facts;
    expect(facts?.id).toBe('food-business-licence');
    const card = page.getByTestId('service-card').first();
    await card.waitFor();
    expect(await card.getAttribute('data-service')).toBe(facts!.id);
    expect(await card.getByTestId('facts-department').textContent()).toBe(facts!.department);
    expect(await card.getByTestId('facts-time-limit').textContent()).toBe(facts!.timeLimit);
    expect(await card.getByTestId('facts-fee').textContent()).toBe(facts!.fee);
    for (const ch of facts!.channels) expect(await card.getByTestId('facts-channels').textContent()).toContain(ch);
    const rows = card.locator('tr[data-material]');
    expect(await rows.count()).toBe(facts!.materials.length);
    const withForm = facts!.materials.find((m) => m.form === 'original')!;
    const row = card.locator(`tr[data-material="${withForm.id}"]`);
    expect(await row.textContent()).toContain(withForm.name);
    expect(await row.getByTestId('material-form').textContent()).toContain('原件');
    if (withForm.count !== undefined) expect(await row.getByTestId('material-count').textContent()).toContain(String(withForm.count));
    await e2e.shot('ask', path.join(root, 'docs', 'screenshots', 'ask.png'));
  });

  it('keeps the recent questions, newest first, across a reload; clicking one asks it again', async () => {
    const recent = () => page.getByTestId('ask-recent-item').allTextContents();
    expect(await recent()).toEqual([SERVICE, NONE, PLAN_EN, PLAN_ZH]);
    await page.reload();
    await page.getByTestId('screen-ask').waitFor();
    expect(await recent()).toEqual([SERVICE, NONE, PLAN_EN, PLAN_ZH]);
    await page.getByTestId('ask-recent-item').filter({ hasText: PLAN_ZH }).click();
    await page.getByTestId('ask-question').filter({ hasText: PLAN_ZH }).waitFor({ timeout: ASK_TIMEOUT });
    expect(await page.getByTestId('ask-answer').count()).toBeGreaterThan(0);
    expect((await recent())[0]).toBe(PLAN_ZH);
  });

  it('speaks English when the console is switched to English (zh-CN is the default)', async () => {
    await ask(NONE);
    expect(await page.getByTestId('ask-no-answer').textContent()).toContain('未找到答案 No answer found');
    await page.getByTestId('lang-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'English' }).first().click();
    await expect.poll(() => page.getByTestId('nav-ask').textContent()).toBe('Ask');
    const none = await page.getByTestId('ask-no-answer').textContent();
    expect(none).toContain('No answer found');
    expect(none).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('ask-engine-lexical').textContent()).toMatch(/^Lexical /);
    await page.getByTestId('lang-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '中文' }).first().click();
    await expect.poll(() => page.getByTestId('nav-ask').textContent()).toBe('知识问答 Ask');
  });

  it('lists the closest passages under "no answer found", visibly not as answers', async () => {
    // No catalog item is named, so the divorce registration item scores below its bar: refused, but it comes closest.
    const q = '我们俩想离婚，当天能拿到证吗？';
    await ask(q);
    const expected = await hub.client.call('kg.ask', { question: q, k: 3 });
    expect(expected.noAnswer).toBe(true);
    expect(expected.closest?.length).toBeGreaterThan(0);
    await page.getByTestId('ask-no-answer').waitFor();
    const shown = await page.getByTestId('ask-closest').evaluateAll((els) => els.map((e) => e.getAttribute('data-passage')));
    expect(shown).toEqual(expected.closest!.map((c) => c.citation.passage));
    expect(await page.getByTestId('ask-answer').count()).toBe(0);
    expect(await page.locator('.ask-closest').textContent()).toContain('不是答案');
  });

  it('says which example question found a passage asked about in other words', async () => {
    const q = '以后会不会有专门管数据的领导？';
    await ask(q);
    const expected = await hub.client.call('kg.ask', { question: q, k: 3 });
    const via = expected.answers[0]!.matchedExample;
    expect(via).toBeTruthy();
    expect(await page.getByTestId('ask-answer').first().getByTestId('ask-matched-example').textContent()).toContain(via!);
  });

  it('ran without CSP violations or script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
