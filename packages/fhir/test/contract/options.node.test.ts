// The options of `npm run conformance`: what a run is given, and a precise refusal of each mistake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOptions, UsageError } from './options.js';

const BASE = 'https://fhir.example.lu/fhir';

describe('conformance options', () => {
  it('reads a read-only run and a write run', () => {
    assert.deepEqual(readOptions(['--base-url', BASE, '--token', 't', '--patient', 'p-1']), {
      baseUrl: BASE,
      token: 't',
      holderToken: undefined,
      patient: 'p-1',
      write: false,
      author: undefined,
    });
    assert.deepEqual(
      readOptions([
        '--base-url',
        BASE,
        '--patient',
        'p-1',
        '--patient-token',
        'h',
        '--write',
        '--author',
        'Practitioner/dr.1',
      ]),
      {
        baseUrl: BASE,
        token: undefined,
        holderToken: 'h',
        patient: 'p-1',
        write: true,
        author: { reference: 'Practitioner/dr.1' },
      },
    );
    assert.equal(readOptions(['--help']), 'help');
    assert.equal(readOptions(['-h']), 'help');
  });

  const mistakes: [string, string[], RegExp][] = [
    ['no base URL', [], /^--base-url is required$/],
    [
      'a relative base URL',
      ['--base-url', 'fhir.example.lu'],
      /^--base-url "fhir\.example\.lu" is not an absolute URL$/,
    ],
    [
      'a base URL of another scheme',
      ['--base-url', 'ftp://fhir.example.lu/'],
      /^--base-url must be http or https, not ftp:$/,
    ],
    ['--write without a patient', ['--base-url', BASE, '--write'], /^--write needs --patient/],
    [
      'a patient that is no FHIR id',
      ['--base-url', BASE, '--patient', 'a b'],
      /^--patient "a b" is not a FHIR id$/,
    ],
    [
      '--author without --write',
      ['--base-url', BASE, '--patient', 'p', '--author', 'Practitioner/x'],
      /^--author is for --write$/,
    ],
    [
      'an author of another kind',
      ['--base-url', BASE, '--patient', 'p', '--write', '--author', 'Device/x'],
      /^--author "Device\/x" is not a Practitioner\/<id>/,
    ],
    ['an unknown option', ['--base-url', BASE, '--bogus'], /Unknown option '--bogus'/],
    ['an option without its value', ['--base-url', BASE, '--token'], /--token/],
    ['a stray argument', ['--base-url', BASE, 'extra'], /Unexpected argument 'extra'/],
  ];
  for (const [mistake, args, message] of mistakes) {
    it(`refuses ${mistake}`, () => {
      assert.throws(
        () => readOptions(args),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }
});
