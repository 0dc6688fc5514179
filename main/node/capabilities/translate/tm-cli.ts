import path from 'node:path';
import { defineCommand } from '../../hub/cli/define-command.js';

export const tmImport = defineCommand({
  name: 'tm import',
  usage: 'ic tm import <file.tmx> [--json]',
  summary: 'Import a TMX 1.4 translation memory (zh/en units; later imports replace earlier targets of the same source).',
  positionals: { min: 1, max: 1, error: 'expected one .tmx file' },
  async run({ hub, out, positionals: [file] }) {
    const r = await hub().client.call('tm.import', { path: path.resolve(file!) });
    out.result(r, () => `imported ${r.units} translation units from ${file}`);
  },
});

export const tmExport = defineCommand({
  name: 'tm export',
  usage: 'ic tm export <file.tmx> [--json]',
  summary: 'Write the whole translation memory as TMX 1.4.',
  positionals: { min: 1, max: 1, error: 'expected the .tmx file to write' },
  async run({ hub, out, positionals: [file] }) {
    const r = await hub().client.call('tm.export', { path: path.resolve(file!) });
    out.result(r, () => `wrote ${r.units} translation units to ${file}`);
  },
});

export const tmStats = defineCommand({
  name: 'tm stats',
  usage: 'ic tm stats [--json]',
  summary: 'Translation memory units per language pair, and the glossary size.',
  async run({ hub, out }) {
    const r = await hub().client.call('tm.stats', {});
    out.result(r, () => [`${r.units} units, ${r.glossaryTerms} glossary terms`, ...r.pairs.map((p) => `  ${p.srcLang}→${p.tgtLang}: ${p.units}`)].join('\n'));
  },
});
