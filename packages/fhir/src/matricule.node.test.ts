import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luhnDigit, makeMatricule, validateMatricule, verhoeffDigit } from './matricule.js';

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
  it('accepts known valid numbers, with or without spaces', () => {
    for (const valid of ['1978031412371', '1952061104526', '1990 1102 087 22']) {
      const result = validateMatricule(valid);
      assert.ok(result.valid, valid);
    }
    const result = validateMatricule('1978031412371');
    assert.deepEqual(result, {
      valid: true,
      matricule: '1978031412371',
      birthDate: '1978-03-14',
      form: 'current',
    });
  });

  it('computes the Luhn and Verhoeff digits of textbook examples', () => {
    assert.equal(luhnDigit('7992739871'), 3);
    assert.equal(verhoeffDigit('236'), 3);
  });

  it('accepts 500 generated valid numbers and rejects every single-digit change of them', () => {
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
    const valid = makeMatricule('1985-07-23', 17);
    const badLuhn = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}${valid[12]}`;
    const badVerhoeff = `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;
    const luhn = validateMatricule(badLuhn);
    assert.ok(!luhn.valid);
    assert.equal(luhn.problem, 'luhn');
    const result = validateMatricule(badVerhoeff);
    assert.ok(!result.valid);
    assert.equal(result.problem, 'verhoeff');
    assert.match(result.message, /13th digit/);
  });

  it('rejects bad length, non-digits and impossible dates with a specific reason', () => {
    const cases: [string, string, RegExp][] = [
      ['19780314123', 'length', /13 digits; this one has 11/],
      ['197803141237100', 'length', /has 15/],
      ['1978-03-14-123', 'format', /digits only/],
      ['', 'format', /digits only/],
      ['1978023012371', 'date', /19780230/],
      ['1978130112371', 'date', /not a valid birth date/],
      ['2999010112371', 'date', /not a valid birth date/],
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
