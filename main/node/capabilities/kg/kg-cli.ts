import path from 'node:path';
import type { KgAddOutput, KgAskResult, KgCatalogImportResult, KgStats } from '../../../common/contract/index.js';
import { UsageError } from '../../hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

function askText(r: KgAskResult): string {
  const engine = Object.entries(r.engine)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  if (r.noAnswer) {
    // The closest are pointers to open, not answers: their first line is enough (a facts passage runs to 500 characters).
    const short = (t: string) => ([...t].length > 120 ? [...t].slice(0, 120).join('') + '…' : t);
    const closest = (r.closest ?? []).flatMap((a, i) => [`  ${i + 1}. [${a.score}] ${short(a.text)}`, `     — ${a.citation.source} › ${a.citation.section} (${a.citation.passage})`]);
    return [
      '未找到答案 No answer found in the sources.',
      ...(closest.length ? ['最接近的内容（未达可信度，不是答案） Closest passages (below the confidence bar, not answers):', ...closest] : []),
      `  (${engine})`,
    ].join('\n');
  }
  return [
    ...r.answers.flatMap((a, i) => [
      `${i + 1}. [${a.score}] ${a.text}`,
      `   — ${a.citation.source} › ${a.citation.section} (${a.citation.passage})`,
      ...(a.matchedExample ? [`   ≈ 示例问法 Example question: ${a.matchedExample}`] : []),
      ...(a.facts
        ? [
            `   部门 Department: ${a.facts.department}`,
            ...(a.facts.timeLimit ? [`   时限 Time limit: ${a.facts.timeLimit}`] : []),
            ...(a.facts.fee ? [`   收费 Fee: ${a.facts.fee}`] : []),
            `   材料 Materials: ${a.facts.materials.map((m) => m.name + (m.required ? '' : '（非必需）')).join('；')}`,
          ]
        : []),
    ]),
    `  (${engine})`,
  ].join('\n');
}

export const ask = defineCommand({
  name: 'ask',
  usage: 'ic ask "<question>" [--k N] [--json]',
  summary: 'Ask the knowledge graph (Chinese or English): cited answers, service-item facts, or "no answer found".',
  options: { k: { type: 'string' } },
  positionals: {},
  async run({ hub, out, values, positionals }) {
    const question = positionals.join(' ').trim();
    if (!question) throw new UsageError('expected a question, e.g. ic ask "浙里办是什么"');
    const k = wholeNumberOption(values.k, 3, { min: 1, max: 20 }, '--k must be a whole number from 1 to 20');
    const r = await hub().client.call('kg.ask', { question, k });
    out.result(r, () => askText(r));
  },
});

export const kgBuild = defineCommand({
  name: 'kg build',
  usage: 'ic kg build [--out DIR] [--if-stale] [--json]',
  summary: 'Build the shipped sources (plan, service catalog, glossary) into the prebuilt graph (knowledge-graph/build/).',
  options: { out: { type: 'string' }, 'if-stale': { type: 'boolean' } },
  async run({ out, values }) {
    // No hub: runs at install time (npm ci → prepare) and must not create the user's data folder.
    const { baseIsCurrent, buildBase, defaultShippedRoot } = await import('./kg-engine.js');
    const root = defaultShippedRoot();
    const dir = path.resolve(values.out ?? path.join(root, 'build'));
    if (values['if-stale'] && baseIsCurrent(root, dir)) {
      return out.result({ file: path.join(dir, 'graph.sqlite'), upToDate: true }, () => `knowledge graph base is up to date (${dir})`);
    }
    const r = await buildBase(root, dir, (d, t, label) => {
      if (out.isTTY) out.progress(d, t, label);
      else if (!out.json) out.info(`kg build: ${label}`);
    });
    out.result(r, () => `built ${r.passages} passages into ${r.file} in ${(r.ms / 1000).toFixed(1)} s`);
  },
});

export const kgStats = defineCommand({
  name: 'kg stats',
  usage: 'ic kg stats [--json]',
  summary: 'Counts of sources, passages, vectors, entities and relations of the knowledge graph.',
  async run({ hub, out }) {
    const s: KgStats = await hub().client.call('kg.stats');
    const sources = await hub().client.call('kg.sources.list');
    out.result(
      { ...s, sourceList: sources },
      () =>
        [
          `${s.sources} sources, ${s.passages} passages, ${s.vectors} vectors${s.vectorDims ? ` of ${s.vectorDims} dimensions` : ''} (${s.embedder})${s.exampleQuestions ? `, ${s.exampleQuestions} example questions` : ''}`,
          ...(s.embedderNote ? [`note: ${s.embedderNote}`] : []),
          `entities: ${Object.entries(s.entities).map(([k, v]) => `${k} ${v}`).join(', ')}`,
          `relations: ${Object.entries(s.relations).map(([k, v]) => `${k} ${v}`).join(', ')}`,
          ...sources.map((x) => `  ${x.id.padEnd(22)} ${x.shipped ? 'shipped ' : 'document'} ${String(x.passages).padStart(5)} passages  ${x.name}`),
          `shipped build ${s.shippedHash ?? '-'} at ${s.shippedBuiltAt ?? '-'}; ${s.dataFile}`,
        ].join('\n'),
    );
  },
});

export const kgAdd = defineCommand({
  name: 'kg add',
  usage: 'ic kg add <file…> [--replace] [--name NAME] [--json]',
  summary: "Add your documents (txt, md, docx, pdf, images) to the knowledge graph; prints each source's id.",
  options: { replace: { type: 'boolean' }, name: { type: 'string' } },
  positionals: { min: 1, error: 'expected one or more files' },
  async run({ hub, out, values, positionals }) {
    if (values.name && positionals.length > 1) throw new UsageError('--name applies to one file only');
    const files = positionals.map((f) => path.resolve(f));
    const h = hub();
    const inputs = files.map((f) => ({ path: f, replace: Boolean(values.replace), ...(values.name ? { name: values.name } : {}) }));
    return streamJob(h, () => h.jobs.start('kg.add', inputs, 60 * 60_000), out, {
      labelOf: (i) => files[i],
      present: (i, output) => ({ file: files[i], ...(output as KgAddOutput) }),
      text: (o) => {
        const r = o as KgAddOutput;
        return `${r.source.id}  ${r.source.name}: ${r.source.passages} passages (${r.reader})${r.replaced ? ', replaced the earlier version' : ''}`;
      },
    });
  },
});

export const kgRemove = defineCommand({
  name: 'kg remove',
  usage: 'ic kg remove <source> [--json]',
  summary: 'Remove one of your documents (by id or name) and everything derived from it.',
  positionals: { min: 1, max: 1, error: 'expected one source id (see ic kg stats)' },
  async run({ hub, out, positionals }) {
    const r = await hub().client.call('kg.sources.remove', { source: positionals[0]! });
    out.result(r, () => `removed ${r.source}: ${r.removed.passages} passages, ${r.removed.vectors} vectors, ${r.removed.entities} entities, ${r.removed.relations} relations`);
  },
});

export const kgImportCatalog = defineCommand({
  name: 'kg import-catalog',
  usage: 'ic kg import-catalog <file.csv|file.xlsx> [--dry-run] [--replace] [--json]',
  summary: 'Import or update service items from CSV/XLSX (one row per material); reports every bad row, writes nothing then.',
  options: { 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' } },
  positionals: { min: 1, max: 1, error: 'expected one .csv or .xlsx file' },
  async run({ hub, out, values, positionals }) {
    const r: KgCatalogImportResult = await hub().client.call('kg.catalog.import', {
      path: path.resolve(positionals[0]!),
      mode: values.replace ? 'replace' : 'merge',
      dryRun: Boolean(values['dry-run']),
    });
    out.result(r, () =>
      [
        ...r.rows.filter((x) => x.status === 'error').flatMap((x) => x.errors.map((e) => `row ${x.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`)),
        r.failed
          ? `${r.failed} row(s) with errors: nothing imported`
          : r.dryRun
            ? `${r.rows.length} row(s) fine (dry run: nothing written)`
            : `imported ${r.imported} service item(s) from ${r.rows.length} row(s)`,
      ].join('\n'),
    );
    return r.failed ? 1 : 0;
  },
});
