import path from 'node:path';
import { UsageError, type Command } from '../../hub/cli/command.js';

export const tmImport: Command = {
  name: 'tm import',
  usage: 'ic tm import <file.tmx> [--json]',
  summary: 'Import a TMX 1.4 translation memory (zh/en units; later imports replace earlier targets of the same source).',
  async run({ hub, out, args }) {
    if (args.length !== 1) throw new UsageError('expected one .tmx file');
    const r = await hub().client.call('tm.import', { path: path.resolve(args[0]!) });
    out.result(r, () => `imported ${r.units} translation units from ${args[0]}`);
    return 0;
  },
};

export const tmExport: Command = {
  name: 'tm export',
  usage: 'ic tm export <file.tmx> [--json]',
  summary: 'Write the whole translation memory as TMX 1.4.',
  async run({ hub, out, args }) {
    if (args.length !== 1) throw new UsageError('expected the .tmx file to write');
    const r = await hub().client.call('tm.export', { path: path.resolve(args[0]!) });
    out.result(r, () => `wrote ${r.units} translation units to ${args[0]}`);
    return 0;
  },
};

export const tmStats: Command = {
  name: 'tm stats',
  usage: 'ic tm stats [--json]',
  summary: 'Translation memory units per language pair, and the glossary size.',
  async run({ hub, out }) {
    const r = await hub().client.call('tm.stats', {});
    out.result(r, () => [`${r.units} units, ${r.glossaryTerms} glossary terms`, ...r.pairs.map((p) => `  ${p.srcLang}→${p.tgtLang}: ${p.units}`)].join('\n'));
    return 0;
  },
};
