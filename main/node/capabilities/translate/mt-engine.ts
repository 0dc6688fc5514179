/** Whatever turns source sentences (with placeholders) into target sentences: an OPUS-MT pack in the model host. */
export interface MtEngine {
  /** Pack id, printed as the engine that answered (e.g. "opus-mt-zh-en"). */
  readonly id: string;
  translate(texts: string[], signal?: AbortSignal): Promise<string[]>;
}
