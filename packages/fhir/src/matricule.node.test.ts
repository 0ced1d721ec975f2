import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luhnDigit, makeMatricule, validateMatricule, verhoeffDigit } from './matricule.js';

// The expected digits below never come from the module under test: they are published test
// vectors, numbers worked out by hand (shown in the comments), or the output of the independent
// implementation that follows, itself checked first against the published vectors.

/**
 * Verhoeff's check digit as his 1969 tract defines it, without the usual lookup tables: the
 * digits are the dihedral group D5 — 0–4 the rotations r^k, 5–9 the reflections r^k·s — and each
 * digit is first moved by the permutation (0 1 5 8 9 4 2 7)(3 6), applied once more for each
 * position from the right.
 */
function independentVerhoeff(payload: string): number {
  const compose = (a: number, b: number): number => {
    const [i, j] = [a % 5, b % 5];
    if (a < 5) return b < 5 ? (i + j) % 5 : 5 + ((i + j) % 5);
    return b < 5 ? 5 + ((((i - j) % 5) + 5) % 5) : (((i - j) % 5) + 5) % 5;
  };
  const inverse = (a: number): number => (a < 5 ? (5 - a) % 5 : a); // reflections are involutions
  const cycle = new Map([
    [0, 1],
    [1, 5],
    [5, 8],
    [8, 9],
    [9, 4],
    [4, 2],
    [2, 7],
    [7, 0],
    [3, 6],
    [6, 3],
  ]);
  const permute = (times: number, digit: number): number => {
    let value = digit;
    for (let n = 0; n < times; n++) value = cycle.get(value) ?? Number.NaN;
    return value;
  };
  let check = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = Number(payload[payload.length - 1 - i]); // from the right
    check = compose(check, permute((i + 1) % 8, digit));
  }
  return inverse(check);
}

/** Published Verhoeff vectors: payload → check digit. */
const VERHOEFF_VECTORS: readonly [string, number][] = [
  ['236', 3], // Wikipedia, "Verhoeff algorithm", worked example
  ['12345', 1], // Wikipedia and Rosetta Code
  ['123456789012', 0], // Rosetta Code, "Verhoeff algorithm"
  ['142857', 0], // python-stdnum: is_valid('1428570')
  ['654', 8], // python-stdnum: calc_check_digit('654')
  ['1428570', 8], // python-stdnum
  ['398438246238642378648236487236482734', 7], // python-stdnum
  ['123456789', 0], // go-terminology: '1234567890' is valid
  ['2470000', 7], // go-terminology: '24700007' is valid
];

/** Published Luhn vectors: payload → check digit. */
const LUHN_VECTORS: readonly [string, number][] = [
  ['7992739871', 3], // Wikipedia, "Luhn algorithm": 79927398713
  ['411111111111111', 1], // the Visa test card 4111 1111 1111 1111
  ['37828224631000', 5], // the American Express test card 3782 822463 10005
  ['555555555555444', 4], // the Mastercard test card 5555 5555 5555 4444
];

/**
 * Matricules whose check digits were worked out by hand. 1978-03-14, sequence 123, payload
 * 19780314123:
 * - Luhn, from the right, doubling the 1st, 3rd… digit (3 2 1 4 1 3 0 8 7 9 1):
 *   6 + 2 + 2 + 4 + 2 + 3 + 0 + 8 + 5 (7×2=14 → 1+4) + 9 + 2 = 43 → (10 − 3) mod 10 = 7.
 * - Verhoeff, c = d(c, p((i+1) mod 8, digit)) from the right: p1(3)=6 → c=6; p2(2)=0 → 6;
 *   p3(1)=9 → d(6,9)=2; p4(4)=1 → d(2,1)=3; p5(1)=2 → d(3,2)=0; p6(3)=3 → 3; p7(0)=7 →
 *   d(3,7)=5; p0(8)=8 → d(5,8)=2; p1(7)=0 → 2; p2(9)=2 → d(2,2)=4; p3(1)=9 → d(4,9)=8;
 *   inv(8) = 8 (a reflection is its own inverse: d(8,8) = 0).
 */
const HAND_COMPUTED = '1978031412378';

describe('the independent Verhoeff implementation of this test', () => {
  it('gives the published check digits', () => {
    for (const [payload, digit] of VERHOEFF_VECTORS) {
      assert.equal(independentVerhoeff(payload), digit, payload);
    }
  });
});

describe('verhoeffDigit and luhnDigit', () => {
  it('give the published Verhoeff check digits', () => {
    for (const [payload, digit] of VERHOEFF_VECTORS) {
      assert.equal(verhoeffDigit(payload), digit, payload);
    }
  });

  it('give the published Luhn check digits', () => {
    for (const [payload, digit] of LUHN_VECTORS) assert.equal(luhnDigit(payload), digit, payload);
  });

  it('agree with the independent Verhoeff on every final check state', () => {
    // Every running check value 0–9 must map to its inverse: the table bug hit 4 to 8.
    const next = random(7);
    const seen = new Set<number>();
    for (let n = 0; n < 2000; n++) {
      const payload = String(Math.floor(next() * 1e11)).padStart(11, '0');
      const expected = independentVerhoeff(payload);
      seen.add(expected);
      assert.equal(verhoeffDigit(payload), expected, payload);
    }
    assert.equal(seen.size, 10, 'every check digit occurred');
  });
});

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomBirthDate(next: () => number): string {
  const date = new Date(Date.UTC(1920, 0, 1) + Math.floor(next() * 100 * 365.25) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

describe('validateMatricule', () => {
  it('accepts the matricule computed by hand', () => {
    assert.deepEqual(validateMatricule(HAND_COMPUTED), {
      valid: true,
      matricule: HAND_COMPUTED,
      birthDate: '1978-03-14',
      form: 'current',
    });
    assert.equal(makeMatricule('1978-03-14', 123), HAND_COMPUTED);
  });

  it('accepts matricules whose check digits were computed independently, spaced or not', () => {
    // [birth date, sequence, Luhn digit by hand]: the digits from the right, every other one
    // doubled from the first (a doubled 5–9 counts its two digits), summed, then (10 − sum mod 10).
    const cases: [string, string, number][] = [
      // 19520611045: doubled 5 0 1 0 5 1 → 1+0+2+0+1+2 = 6; others 4 1 6 2 9 = 22; 28 → 2
      ['1952-06-11', '045', 2],
      // 19901102087: doubled 7 0 0 1 9 1 → 5+0+0+2+9+2 = 18; others 8 2 1 0 9 = 20; 38 → 2
      ['1990-11-02', '087', 2],
      // 19610517044: doubled 4 0 1 0 6 1 → 8+0+2+0+3+2 = 15; others 4 7 5 1 9 = 26; 41 → 9
      ['1961-05-17', '044', 9],
      // 20010228999: doubled 9 9 2 0 0 2 → 9+9+4+0+0+4 = 26; others 9 8 2 1 0 = 20; 46 → 4
      ['2001-02-28', '999', 4],
      // 19850723017: doubled 7 0 2 0 8 1 → 5+0+4+0+7+2 = 18; others 1 3 7 5 9 = 25; 43 → 7
      ['1985-07-23', '017', 7],
    ];
    for (const [date, sequence, luhn] of cases) {
      const payload = `${date.replaceAll('-', '')}${sequence}`;
      const matricule = `${payload}${luhn}${independentVerhoeff(payload)}`;
      const spaced = `${matricule.slice(0, 4)} ${matricule.slice(4, 8)} ${matricule.slice(8, 11)} ${matricule.slice(11)}`;
      assert.ok(validateMatricule(matricule).valid, matricule);
      assert.ok(validateMatricule(spaced).valid, spaced);
      assert.equal(makeMatricule(date, Number(sequence)), matricule);
    }
  });

  it('rejects every single-digit change of 500 valid numbers, naming the check that fails', () => {
    const next = random(42);
    for (let n = 0; n < 500; n++) {
      const matricule = makeMatricule(randomBirthDate(next), Math.floor(next() * 1000));
      assert.ok(validateMatricule(matricule).valid, matricule);
      const position = 8 + Math.floor(next() * 5); // sequence or check digits
      const digit = Number(matricule[position]);
      const changed = `${matricule.slice(0, position)}${(digit + 1 + Math.floor(next() * 9)) % 10}${matricule.slice(position + 1)}`;
      const result = validateMatricule(changed);
      assert.ok(!result.valid, `${changed} (from ${matricule}) should be invalid`);
      assert.ok(result.problem === 'luhn' || result.problem === 'verhoeff', changed);
    }
  });

  it('says which check fails', () => {
    // HAND_COMPUTED with its Luhn digit changed, then with its Verhoeff digit changed.
    const luhn = validateMatricule('1978031412388');
    assert.ok(!luhn.valid);
    assert.equal(luhn.problem, 'luhn');
    const result = validateMatricule('1978031412379');
    assert.ok(!result.valid);
    assert.equal(result.problem, 'verhoeff');
    assert.match(result.message, /13th digit/);
  });

  it('rejects bad length, non-digits and impossible dates with a specific reason', () => {
    const cases: [string, string, RegExp][] = [
      ['19780314123', 'length', /13 digits; this one has 11/],
      ['197803141237800', 'length', /has 15/],
      ['1978-03-14-123', 'format', /digits only/],
      ['', 'format', /digits only/],
      ['1978023012378', 'date', /19780230/],
      ['1978130112378', 'date', /not a valid birth date/],
      ['2999010112378', 'date', /not a valid birth date/],
    ];
    for (const [input, problem, message] of cases) {
      const result = validateMatricule(input);
      assert.ok(!result.valid, input);
      assert.equal(result.problem, problem, input);
      assert.match(result.message, message, input);
    }
  });

  it('accepts the older 11-digit form only when asked', () => {
    assert.equal(validateMatricule('19780314123').valid, false);
    const result = validateMatricule('19780314123', { allowLegacy: true });
    assert.ok(result.valid);
    assert.equal(result.form, 'legacy');
    const wrongLength = validateMatricule('1978031412', { allowLegacy: true });
    assert.ok(!wrongLength.valid);
    assert.match(wrongLength.message, /or 11 in its older form/);
  });
});
