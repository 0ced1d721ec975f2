// Which parts of the narrative are abnormal results: the entries' `interpretationCode` (HL7
// ObservationInterpretation) carried to the narrative element their `reference` points at.
import { CDA_NAMESPACE } from './cda-dom.js';
import { all, at, attr } from './cda-dom.js';

export type AbnormalFlag = 'high' | 'low' | 'abnormal';

/**
 * HL7 v3 ObservationInterpretation (2.16.840.1.113883.5.83) codes that make a result stand out.
 * Susceptibility (S, R, I) and normal (N) are not flagged.
 */
const INTERPRETATIONS: Readonly<Record<string, AbnormalFlag>> = {
  H: 'high',
  HH: 'high',
  HU: 'high',
  '>': 'high',
  L: 'low',
  LL: 'low',
  LU: 'low',
  '<': 'low',
  A: 'abnormal',
  AA: 'abnormal',
  POS: 'abnormal',
};

/**
 * Narrative `styleCode`s that flag a result. CDA R2 lets documents add style codes starting
 * with `x`; these three are the ones the renderer knows.
 */
const STYLE_FLAGS: Readonly<Record<string, AbnormalFlag>> = {
  xhigh: 'high',
  xlow: 'low',
  xabnormal: 'abnormal',
};

/** The flag a narrative element's `styleCode` gives it, if any. */
export function styleFlag(styleCode: string | undefined): AbnormalFlag | undefined {
  for (const token of (styleCode ?? '').split(/\s+/)) {
    const flag = STYLE_FLAGS[token.toLowerCase()];
    if (flag) return flag;
  }
  return undefined;
}

/** The IDs of narrative elements the document's observations flag, with their flag. */
export function abnormalFlags(document: Document): Map<string, AbnormalFlag> {
  const flags = new Map<string, AbnormalFlag>();
  for (const observation of document.getElementsByTagNameNS(CDA_NAMESPACE, 'observation')) {
    const flag = all(observation, 'interpretationCode')
      .map((code) => INTERPRETATIONS[attr(code, 'code') ?? ''])
      .find((found) => found !== undefined);
    if (!flag) continue;
    // The observation's own text, its value's and its code's original text point at the narrative.
    const references = [
      at(observation, 'text', 'reference'),
      at(observation, 'value', 'originalText', 'reference'),
      at(observation, 'code', 'originalText', 'reference'),
    ];
    for (const reference of references) {
      const target = attr(reference, 'value');
      if (target?.startsWith('#')) flags.set(target.slice(1), flag);
    }
  }
  return flags;
}
