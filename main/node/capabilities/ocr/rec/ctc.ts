import fs from 'node:fs';

/**
 * The recogniser's classes: CTC blank at 0, then the dictionary file's characters one a line, then a space
 * (PaddleOCR's use_space_char), as CTCLabelDecode builds them.
 */
export function loadCharacters(dictPath: string): string[] {
  const keys = fs.readFileSync(dictPath, 'utf8').split(/\r?\n/);
  // A trailing newline leaves one empty entry that is not a class.
  if (keys.length && keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

export interface CtcResult {
  text: string;
  /** Mean of the chosen classes' probabilities (0 when nothing was read). */
  confidence: number;
  /** Time step at which each character was emitted. */
  steps: number[];
  /** Each character's centre along the line crop, 0 (left end) .. 1 (right end); set by the recogniser. */
  at?: number[];
}

/**
 * Greedy CTC decoding of one sequence: the most likely class per time step, repeats collapsed, blanks (class 0)
 * dropped. `probs` holds `steps`×`classes` softmax outputs starting at `offset`.
 */
export function ctcGreedyDecode(probs: Float32Array, steps: number, classes: number, characters: readonly string[], offset = 0): CtcResult {
  const best = new Int32Array(steps);
  const prob = new Float32Array(steps);
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let b = 0;
    let bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) {
        bestP = p;
        b = c;
      }
    }
    best[t] = b;
    prob[t] = bestP;
  }
  return ctcDecodeBest(best, prob, steps, characters);
}

/**
 * Greedy CTC decoding from each time step's best class and its probability (what the folded recogniser outputs,
 * scripts/models/fold-ppocr.py step 5, and what ctcGreedyDecode finds first): repeats collapsed, blanks (class 0)
 * dropped, the confidence the mean probability of the characters emitted. `best`/`prob` hold `steps` values from
 * `offset`.
 */
export function ctcDecodeBest(best: ArrayLike<number>, prob: ArrayLike<number>, steps: number, characters: readonly string[], offset = 0): CtcResult {
  let text = '';
  let sum = 0;
  let count = 0;
  let prev = -1;
  const at: number[] = [];
  for (let t = 0; t < steps; t++) {
    const c = best[offset + t]!;
    if (c !== 0 && c !== prev) {
      text += characters[c] ?? '';
      sum += prob[offset + t]!;
      count++;
      at.push(t);
    }
    prev = c;
  }
  return { text, confidence: count ? sum / count : 0, steps: at };
}
