// How a check's outcome becomes a row: its needs, what the CapabilityStatement lists, FHIR's ways
// of saying "not supported" (501, an OperationOutcome with code not-supported), and failures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CapabilityStatement, OperationOutcome } from '@medplum/fhirtypes';
import { DspHttpError } from '../../src/errors.js';
import type { Metadata } from './capabilities.js';
import type { Check } from './checks.js';
import type { ContractContext } from './context.js';
import { formatTable, runCheck, type CheckRow } from './run.js';
import { ContractFailure } from './verdict.js';

function context(metadata: Metadata, options: { write?: boolean; patient?: string } = {}) {
  return { metadata, write: options.write ?? false, patient: options.patient } as ContractContext;
}

function check(run: Check['run'], more: Partial<Check> = {}): Check {
  return { name: 'probe', interaction: 'probe interaction', needs: {}, uses: [], run, ...more };
}

const outcome = (code: string, text: string): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: code as 'not-supported', diagnostics: text }],
});

const statement = (rest: CapabilityStatement['rest']): Metadata => ({
  statement: {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest,
  },
});

const unknown: Metadata = { unsupported: 'HTTP 404' };

describe('runCheck', () => {
  it('skips a check whose needs the run does not meet, without running it', async () => {
    let ran = false;
    const probe = check(
      () => {
        ran = true;
        return Promise.resolve('passed');
      },
      { needs: { write: true, patient: true } },
    );
    const row = await runCheck(probe, context(unknown));
    assert.deepEqual([row.status, row.reason], ['skipped', 'needs --write and --patient']);
    assert.equal(
      (await runCheck(probe, context(unknown, { write: true }))).reason,
      'needs --patient',
    );
    assert.equal(ran, false);
  });

  it('marks unsupported what the CapabilityStatement does not list, without running it', async () => {
    const probe = (uses: Check['uses']) => check(() => Promise.reject(new Error('ran')), { uses });
    const metadata = statement([
      {
        mode: 'server',
        interaction: [{ code: 'batch' }],
        resource: [
          {
            type: 'DocumentReference',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [{ name: 'patient', type: 'reference' }],
          },
          { type: 'Consent' },
        ],
      },
    ]);
    const reasons = await Promise.all(
      (
        [
          [{ system: 'transaction' }],
          [{ type: 'RelatedPerson', interaction: 'create' }],
          [{ type: 'DocumentReference', interaction: 'create' }],
          [
            {
              type: 'DocumentReference',
              interaction: 'search-type',
              params: ['patient', 'author'],
            },
          ],
        ] as Check['uses'][]
      ).map(async (uses) => (await runCheck(probe(uses), context(metadata))).reason),
    );
    assert.deepEqual(reasons, [
      'the CapabilityStatement lists no transaction interaction',
      'the CapabilityStatement lists no RelatedPerson',
      'the CapabilityStatement lists no create of DocumentReference',
      'the CapabilityStatement lists no "author" search of DocumentReference',
    ]);
    // Listed, or a resource that lists no interactions: the check runs.
    for (const uses of [
      [{ system: 'batch' }],
      [{ type: 'DocumentReference', interaction: 'search-type', params: ['patient'] }],
      [{ type: 'Consent', interaction: 'update' }],
    ] as Check['uses'][]) {
      assert.deepEqual(
        [(await runCheck(probe(uses), context(metadata))).status],
        ['failed'],
        JSON.stringify(uses),
      );
    }
  });

  it('reads a 501 or a not-supported OperationOutcome as unsupported, other errors as failed', async () => {
    const failing = (error: Error) => check(() => Promise.reject(error));
    const rows = await Promise.all(
      [
        new DspHttpError(501, undefined, 'u'),
        new DspHttpError(400, outcome('not-supported', 'Unsupported search parameter "x"'), 'u'),
        new DspHttpError(400, outcome('invalid', 'Bad date'), 'u'),
        new ContractFailure('The search left out DocumentReference/d1\nsecond line'),
        new TypeError('x is not a function'),
      ].map((error) => runCheck(failing(error), context(unknown))),
    );
    assert.deepEqual(
      rows.map((row) => [row.status, row.reason]),
      [
        ['unsupported', 'HTTP 501'],
        ['unsupported', 'HTTP 400: Unsupported search parameter "x"'],
        ['failed', 'DspHttpError: HTTP 400: Bad date (u)'],
        ['failed', 'The search left out DocumentReference/d1'],
        ['failed', 'TypeError: x is not a function'],
      ],
    );
  });

  it('passes on what the check returns: passed, unsupported or skipped with its reason', async () => {
    const rows = await Promise.all(
      (['passed', { unsupported: 'no LOINC' }, { skipped: 'no document' }] as const).map((result) =>
        runCheck(
          check(() => Promise.resolve(result)),
          context(unknown),
        ),
      ),
    );
    assert.deepEqual(
      rows.map((row) => [row.status, row.reason]),
      [
        ['passed', undefined],
        ['unsupported', 'no LOINC'],
        ['skipped', 'no document'],
      ],
    );
  });
});

describe('formatTable', () => {
  it('aligns interaction, result and time, cuts long reasons and ends with a tally', () => {
    const rows: CheckRow[] = [
      { name: 'a', interaction: 'read Patient', status: 'passed', reason: undefined, ms: 7 },
      {
        name: 'b',
        interaction: 'ITI-65 provide documents',
        status: 'failed',
        reason: 'x'.repeat(200),
        ms: 1234,
      },
      {
        name: 'c',
        interaction: 'count batch',
        status: 'skipped',
        reason: 'needs --patient',
        ms: 0,
      },
    ];
    const lines = formatTable(rows).split('\n');
    assert.match(lines[0] ?? '', /^interaction {15}result {118}ms$/);
    assert.match(lines[1] ?? '', /^-{24} {2}-{120} {2}-{4}$/);
    assert.equal(lines[2], `read Patient${' '.repeat(14)}passed${' '.repeat(116)}   7`);
    assert.equal(lines[3], `ITI-65 provide documents  failed: ${'x'.repeat(111)}…  1234`);
    assert.equal(
      lines[4],
      `count batch${' '.repeat(15)}skipped: needs --patient${' '.repeat(98)}   0`,
    );
    assert.equal(lines.at(-1), '3 checks: 1 passed, 1 failed, 0 unsupported, 1 skipped');
  });
});
