import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic } from '../helpers/cli.js';
import { cleanupTempDirs, repoRoot, tempDir } from '../helpers/temp.js';

// The shipped sources of the repository (knowledge-graph/), built by `ic kg build` into a temporary base.
let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(() => {
  const base = tempDir('ic-kg-cli-base-');
  const b = ic(['kg', 'build', '--out', base, '--json']);
  expect(b.code, b.stderr).toBe(0);
  expect(b.lines[0].passages).toBeGreaterThan(100);
  env = { IC_KG_BASE_DIR: base };
  dataDir = tempDir('ic-kg-cli-data-');
}, 120_000);
afterAll(cleanupTempDirs);

describe('ic ask / ic kg', () => {
  it('answers with citations in Chinese and English, and says plainly when nothing answers', () => {
    const zh = ic(['ask', '政务云体系要怎样建设？', '--json', '--data-dir', dataDir], env);
    expect(zh.code, zh.stderr).toBe(0);
    const r = zh.lines[0];
    expect(Object.keys(r).sort()).toEqual(['answers', 'engine', 'ms', 'noAnswer', 'question']);
    expect(r.noAnswer).toBe(false);
    // The plan's passage, cited with its source (the glossary's entry for 政务云 may rank above it).
    const plan = r.answers.find((a: { text: string }) => a.text.includes('政務雲體系'));
    expect(plan?.citation).toEqual({ source: expect.stringContaining('數字政府'), section: expect.any(String), passage: expect.any(String), original: plan?.text });

    const en = ic(['ask', 'What is the name of the provincial government service app?', '--json', '--k', '2', '--data-dir', dataDir], env).lines[0];
    expect(en.engine.bridge).toBeTruthy();
    expect(en.answers.length).toBeLessThanOrEqual(2);
    expect(en.answers.some((a: { text: string }) => /浙里办|浙裏辦/.test(a.text))).toBe(true);

    const none = ic(['ask', '杭州地铁晚上几点停运？', '--data-dir', dataDir], env);
    expect(none.stdout).toContain('No answer found');
    expect(ic(['ask', '--data-dir', dataDir], env).code).toBe(2);
  });

  it("adds a document printing its source id, finds it, removes it, and reports a catalog's bad rows", () => {
    const file = path.join(tempDir(), '窗口须知.md');
    fs.writeFileSync(file, '# 窗口须知\n\n星河大厅第九窗口专门受理无人机飞行申报。\n');
    const add = ic(['kg', 'add', file, '--data-dir', dataDir], env);
    expect(add.code, add.stderr).toBe(0);
    const id = add.stdout.trim().split(/\s+/)[0]!;
    expect(id).toMatch(/^doc-/);
    const hit = ic(['ask', '无人机飞行申报在哪个窗口受理？', '--json', '--data-dir', dataDir], env).lines[0];
    expect(hit.answers[0].citation.source).toBe('窗口须知.md');
    const rm = ic(['kg', 'remove', id, '--json', '--data-dir', dataDir], env);
    expect(rm.lines[0].removed.passages).toBe(1);
    const stats = ic(['kg', 'stats', '--json', '--data-dir', dataDir], env).lines[0];
    expect(stats.sourceList.map((s: { id: string }) => s.id)).not.toContain(id);

    const imp = ic(['kg', 'import-catalog', path.join(repoRoot, 'knowledge-graph', 'catalog', 'example-import-errors.csv'), '--data-dir', dataDir], env);
    expect(imp.code).toBe(1);
    expect(imp.stdout).toMatch(/row 4, count: "two" is not a whole number/);
    expect(imp.stdout).toMatch(/nothing imported/);
  });
});
