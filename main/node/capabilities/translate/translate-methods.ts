import fs from 'node:fs';
import { HubError } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import type { TranslateService } from './translate-service.js';

const extOf = { txt: 'txt', md: 'md', docx: 'docx', xliff12: 'xlf', xliff20: 'xlf', tmx: 'tmx' } as const;

/** translate.export and the tm.* methods (memory and glossary work with or without a model pack). */
export function translateMethods(service: TranslateService): MethodHandlers {
  return {
    'translate.export': async (p) => {
      const bytes = await service.export(p.format, p.blocks, p.segments, p.from, p.to);
      return { name: `translation.${p.to}.${extOf[p.format]}`, base64: bytes.toString('base64') };
    },
    'tm.add': (p) => service.remember(p.units),
    'tm.lookup': (p) => service.lookup(p.srcLang, p.tgtLang, p.src, p.minScore, p.limit),
    'tm.import': (p) => {
      if ((p.path === undefined) === (p.tmx === undefined)) throw new HubError('BAD_REQUEST', 'give exactly one of path or tmx');
      let xml = p.tmx;
      if (p.path !== undefined) {
        try {
          xml = fs.readFileSync(p.path, 'utf8');
        } catch (err) {
          throw new HubError('NOT_FOUND', `cannot read ${p.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
      return service.importTmx(xml!);
    },
    'tm.export': (p) => {
      const tmx = service.exportTmx();
      const units = service.stats().units;
      if (p.path) {
        fs.writeFileSync(p.path, tmx);
        return { units, path: p.path };
      }
      return { units, tmx };
    },
    'tm.stats': () => service.stats(),
  };
}
