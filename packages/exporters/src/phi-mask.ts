// Which tokens PHI entities cover (words only, as `redact` does): shared by the DOCX and HTML marks.
import type { Transcript } from '@scribekit/core';

/** For each token, 1 + the index of the PHI entity covering it, else 0. */
export function phiTokenMask(t: Transcript): Int32Array {
  const mask = new Int32Array(t.tokens.length);
  t.entities.forEach((e, i) => {
    for (let k = Math.max(0, e.firstToken); k < e.endToken && k < t.tokens.length; k++) {
      if (t.tokens[k]!.kind === 'word') mask[k] = i + 1;
    }
  });
  return mask;
}
