// Checks a Luxembourg national identifier (matricule): 13 digits — birth date YYYYMMDD, three
// sequence digits, a Luhn check digit and a Verhoeff check digit, both over the first eleven.

export type MatriculeProblem = 'format' | 'length' | 'date' | 'luhn' | 'verhoeff';

export type MatriculeResult =
  | { valid: true; matricule: string; birthDate: string; form: 'current' | 'legacy' }
  | { valid: false; problem: MatriculeProblem; message: string };

export interface MatriculeOptions {
  /** Accept the older 11-digit form (birth date and sequence, no check digits). Default false. */
  allowLegacy?: boolean;
}

// Verhoeff's dihedral-group tables.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
// The inverse of each element of D5 (d(j, INV[j]) = 0): a rotation k undoes with 5 − k, a
// reflection (5–9) is its own inverse.
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** A cell of a constant table (indices are always in range: digits and mod-8 positions). */
function table(rows: number[][], row: number, column: number): number {
  return rows[row]?.[column] ?? 0;
}

function digits(text: string): number[] {
  return Array.from(text, Number);
}

/** The Luhn check digit for `payload`. */
export function luhnDigit(payload: string): number {
  let sum = 0;
  digits(payload)
    .reverse()
    .forEach((digit, i) => {
      let value = digit;
      if (i % 2 === 0) {
        value *= 2;
        if (value > 9) value -= 9;
      }
      sum += value;
    });
  return (10 - (sum % 10)) % 10;
}

/** The Verhoeff check digit for `payload`. */
export function verhoeffDigit(payload: string): number {
  let check = 0;
  digits(payload)
    .reverse()
    .forEach((digit, i) => {
      check = table(D, check, table(P, (i + 1) % 8, digit));
    });
  return INV[check] ?? 0;
}

function validDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1850 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

/** Builds a valid 13-digit matricule from a birth date and a 3-digit sequence (fixtures, tests). */
export function makeMatricule(birthDate: string, sequence: number): string {
  const payload = `${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${payload}${luhnDigit(payload)}${verhoeffDigit(payload)}`;
}

/** Checks a matricule; spaces are ignored. Says precisely what is wrong when it is invalid. */
export function validateMatricule(input: string, options: MatriculeOptions = {}): MatriculeResult {
  const text = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
  if (!/^\d+$/.test(text)) {
    return { valid: false, problem: 'format', message: 'A matricule has digits only.' };
  }
  const legacy = options.allowLegacy === true && text.length === 11;
  if (text.length !== 13 && !legacy) {
    return {
      valid: false,
      problem: 'length',
      message: `A matricule has 13 digits${options.allowLegacy ? ' (or 11 in its older form)' : ''}; this one has ${text.length}.`,
    };
  }
  const date = text.slice(0, 8);
  if (!validDate(date)) {
    return {
      valid: false,
      problem: 'date',
      message: `The first eight digits (${date}) are not a valid birth date (YYYYMMDD).`,
    };
  }
  const birthDate = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  if (legacy) return { valid: true, matricule: text, birthDate, form: 'legacy' };
  const payload = text.slice(0, 11);
  if (Number(text[11]) !== luhnDigit(payload)) {
    return {
      valid: false,
      problem: 'luhn',
      message: 'The 12th digit (Luhn check) does not match.',
    };
  }
  if (Number(text[12]) !== verhoeffDigit(payload)) {
    return {
      valid: false,
      problem: 'verhoeff',
      message: 'The 13th digit (Verhoeff check) does not match.',
    };
  }
  return { valid: true, matricule: text, birthDate, form: 'current' };
}
