import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/split-sentences.js';
import { tokenize } from '../../src/segment/tokenize.js';

/** Milliseconds of the fastest of three runs. */
function time(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const adversarial: [string, string][] = [
  ['spaced dots', '. '],
  ['dots', '.'],
  ['digits', '1234567890'],
  ['No. No.', 'No. '],
  ['glued No.', 'No.'],
  ['brackets and periods', '(.)'],
  ['initials', 'A. '],
  ['enumerators', '1. '],
  ['list items', '; (a) '],
  ['closing quotes', '."'],
  ['hyphens', 'a-'],
];

describe('linear time on adversarial input', () => {
  it.each(adversarial)('%s', (_name, unit) => {
    const small = unit.repeat(Math.ceil(100_000 / unit.length));
    const large = unit.repeat(Math.ceil(400_000 / unit.length));
    const tSmall = time(() => {
      splitSentences(small);
      tokenize(small);
    });
    const tLarge = time(() => {
      splitSentences(large);
      tokenize(large);
    });
    // Four times the input: a linear pass takes about four times as long, a quadratic one sixteen
    // (seconds at this size); the floor absorbs timer noise and JIT warm-up on a busy machine.
    expect(tLarge).toBeLessThan(Math.max(8 * tSmall, 250));
    expect(tSmall).toBeLessThan(1000);
  });
});
