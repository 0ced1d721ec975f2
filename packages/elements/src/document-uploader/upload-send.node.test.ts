// One row as an ITI-65 submission, which failures are tried again, and the waits between tries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DspAuthError,
  DspConflictError,
  DspHttpError,
  DspNetworkError,
  DspValidationError,
} from '@dsp-kit/fhir';
import { buildProvideBundle } from '@dsp-kit/fhir/provide';
import type { DocumentReference } from '@medplum/fhirtypes';
import { createItem } from './upload-item.js';
import {
  backoffMs,
  instantNow,
  isPassing,
  MAX_RETRY_AFTER_MS,
  retryWaitMs,
  submissionOf,
} from './upload-send.js';

describe('submissionOf', () => {
  const bytes = new TextEncoder().encode('Questions pour ma consultation\n');
  const item = createItem(
    new File([bytes], 'questions.txt'),
    { patientMode: false, language: 'fr', practiceSetting: { system: 'urn:x', code: 'cardio' } },
    {
      typeCode: 'rapport-medical',
      title: ' Rapport ',
      date: '2026-11-20',
      confidentiality: 'R',
      hidden: true,
      replaces: 'DocumentReference/doc-old',
    },
  );
  item.contentType = 'text/plain';
  item.hash = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  it('keeps the row’s UUIDs, so every attempt is the same submission', () => {
    const date = instantNow(new Date(Date.UTC(2026, 10, 26, 8, 30, 0, 123)));
    assert.equal(date, '2026-11-26T08:30:00Z');
    const a = submissionOf(item, bytes, 'Patient/marie-schmit', 'Practitioner/paul-weber', date);
    const b = submissionOf(item, bytes, 'marie-schmit', 'Practitioner/paul-weber', date);
    assert.deepEqual(a, b);
    assert.equal(a.uuid, item.submissionUuid);
    assert.equal(a.documents[0]!.uuid, item.documentUuid);
    assert.equal(a.patient, 'marie-schmit');
  });

  it('carries every field of the form into the ITI-65 bundle', () => {
    const submission = submissionOf(item, bytes, 'marie-schmit', 'Practitioner/p', instantNow());
    const doc = buildProvideBundle(submission).entry![1]!.resource as {
      type: { coding: { code: string }[] };
      content: { attachment: { title: string; size: number; contentType: string } }[];
      context: { period: { start: string }; practiceSetting: { coding: { code: string }[] } };
      securityLabel: { coding: { code: string }[] }[];
      relatesTo: { code: string; target: { reference: string } }[];
    };
    assert.equal(doc.type.coding[0]!.code, 'rapport-medical');
    assert.equal(doc.content[0]!.attachment.title, 'Rapport');
    assert.equal(doc.content[0]!.attachment.size, bytes.byteLength);
    assert.equal(doc.content[0]!.attachment.contentType, 'text/plain');
    assert.equal(doc.context.period.start, '2026-11-20');
    assert.equal(doc.context.practiceSetting.coding[0]!.code, 'cardio');
    assert.deepEqual(
      doc.securityLabel.map((l) => l.coding[0]!.code),
      ['R', 'hidden-from-patient'],
    );
    assert.deepEqual(doc.relatesTo, [
      { code: 'replaces', target: { reference: 'DocumentReference/doc-old' } },
    ]);
  });
});

describe('submissionOf, the act date and the author', () => {
  const bytes = new TextEncoder().encode('Compte rendu opératoire\n');
  const item = createItem(
    new File([bytes], 'cr.txt'),
    { patientMode: false, language: 'fr' },
    { typeCode: 'cr-acte-therapeutique', title: 'Compte rendu opératoire', date: '2024-03-10' },
  );
  item.contentType = 'text/plain';
  item.hash = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  it('sends the act date as the service period and the content’s creation, apart from the filing date', () => {
    const filed = '2026-11-26T08:30:00Z';
    const submission = submissionOf(item, bytes, 'marie-schmit', 'Practitioner/p', filed, 'Dr P');
    const doc = buildProvideBundle(submission).entry![1]!.resource as DocumentReference;
    assert.deepEqual(doc.context?.period, { start: '2024-03-10' });
    assert.equal(doc.content[0]!.attachment.creation, '2024-03-10');
    assert.equal(doc.date, filed);
  });

  it('names the author: the reference with its display', () => {
    const submission = submissionOf(
      item,
      bytes,
      'marie-schmit',
      'Practitioner/paul-weber',
      instantNow(),
      'Dr Paul Weber',
    );
    assert.deepEqual(submission.author, {
      reference: 'Practitioner/paul-weber',
      display: 'Dr Paul Weber',
    });
    const doc = buildProvideBundle(submission).entry![1]!.resource as DocumentReference;
    assert.equal(doc.author?.[0]?.display, 'Dr Paul Weber');
    // No name given (a blank one either): the reference alone, never an empty display.
    for (const name of [undefined, '  ']) {
      const bare = submissionOf(item, bytes, 'marie-schmit', 'Practitioner/p', instantNow(), name);
      assert.deepEqual(bare.author, { reference: 'Practitioner/p' });
    }
  });
});

describe('isPassing', () => {
  it('tries again when no answer came or the server was busy', () => {
    assert.equal(isPassing(new DspNetworkError('offline')), true);
    assert.equal(isPassing(new DspNetworkError('slow', true)), true);
    for (const status of [429, 502, 503, 504])
      assert.equal(isPassing(new DspHttpError(status)), true);
  });

  it('never tries again a refusal, a conflict, an expired session or a bad request', () => {
    for (const status of [400, 403, 404, 422])
      assert.equal(isPassing(new DspHttpError(status)), false);
    assert.equal(isPassing(new DspConflictError(409)), false);
    assert.equal(isPassing(new DspAuthError('expired')), false);
    assert.equal(isPassing(new DspValidationError('bad', 'title')), false);
    assert.equal(isPassing(new Error('bug')), false);
  });
});

describe('backoffMs', () => {
  it('doubles from the base, between half and all of it, capped at a minute', () => {
    assert.equal(
      backoffMs(1, 1000, () => 1),
      1000,
    );
    assert.equal(
      backoffMs(1, 1000, () => 0),
      500,
    );
    assert.equal(
      backoffMs(3, 1000, () => 1),
      4000,
    );
    assert.equal(
      backoffMs(20, 1000, () => 1),
      60_000,
    );
    const spread = Array.from({ length: 50 }, () => backoffMs(2, 1000));
    assert.ok(spread.every((ms) => ms >= 1000 && ms <= 2000));
  });
});

describe('retryWaitMs', () => {
  const busy = (status: number, retryAfterMs?: number) =>
    new DspHttpError(status, undefined, 'https://dsp.example/fhir', { retryAfterMs });
  const full = () => 1;

  it('waits as long as a busy server asks, when longer than the backoff', () => {
    assert.equal(retryWaitMs(busy(503, 1000), 1, 50, full), 1000);
    assert.equal(retryWaitMs(busy(429, 30_000), 2, 1000, full), 30_000);
  });

  it('never waits less than the backoff', () => {
    assert.equal(retryWaitMs(busy(503, 0), 1, 1000, full), 1000);
    assert.equal(retryWaitMs(busy(429, 500), 3, 1000, full), 4000);
  });

  it('waits at most five minutes, whatever the server asks', () => {
    assert.equal(MAX_RETRY_AFTER_MS, 300_000);
    assert.equal(retryWaitMs(busy(503, 3_600_000), 1, 1000, full), MAX_RETRY_AFTER_MS);
  });

  it('keeps to the backoff without Retry-After, or on a status that is not "busy"', () => {
    assert.equal(retryWaitMs(busy(503), 2, 1000, full), 2000);
    assert.equal(retryWaitMs(busy(502, 60_000), 1, 1000, full), 1000);
    assert.equal(retryWaitMs(new DspNetworkError('offline'), 1, 1000, full), 1000);
  });
});
