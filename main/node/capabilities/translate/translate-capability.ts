import { TranslateInput, TranslateOutput } from '../../../common/contract/index.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { TranslateService } from './translate-service.js';

/**
 * `translate`: a text or document, zh↔en, segment by segment: memory, glossary, the OPUS-MT pack when installed
 * (in the model host), else a labelled dictionary draft. Always registered: memory, glossary and the draft need
 * no model. Progress per segment; cancellation between segments and batches.
 */
export function translateCapability(service: TranslateService) {
  return builtinCapability({
    id: 'translate',
    title: 'Translation (zh↔en) with glossary and translation memory',
    description: 'Translates text, Markdown, DOCX or XLIFF; every segment says whether memory, glossary, the MT model or a dictionary draft answered.',
    input: TranslateInput,
    output: TranslateOutput,
    async invoke(input, ctx) {
      const out = await service.translate(input, { signal: ctx.signal, onProgress: (done, total, message) => ctx.onProgress({ done, total, message }) });
      return { output: out, engine: out.engine };
    },
  });
}
