import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle } from '@medplum/fhirtypes';
import { documents, fixtureResources, patients } from './fixtures.js';
import { searchDocuments } from './document-search.js';
import { DspStore } from './store.js';

const base = 'http://127.0.0.1:8787/fhir/';
const store = new DspStore(fixtureResources);

function search(query: string) {
  return searchDocuments(store, new URL(`DocumentReference?${query}`, base));
}

function ids(bundle: Bundle): (string | undefined)[] {
  return (bundle.entry ?? []).map((e) => e.resource?.id);
}

describe('searchDocuments', () => {
  it("returns a patient's current documents, newest first, with total and full URLs", () => {
    const result = search(`patient=${patients.marie.id}`);
    assert.ok(result.ok);
    assert.equal(result.bundle.total, 5);
    assert.deepEqual(ids(result.bundle), [
      documents.bloodTest.id,
      documents.cardiology.id,
      documents.summary.id,
      documents.certificate.id,
      documents.ownNote.id,
    ]);
    const first = result.bundle.entry?.[0];
    assert.ok(first);
    assert.equal(first.fullUrl, `${base}DocumentReference/${documents.bloodTest.id}`);
    assert.equal(first.search?.mode, 'match');
  });

  it('accepts the patient as a reference and sorts oldest first on request', () => {
    const result = search(`patient=Patient/${patients.marie.id}&_sort=date`);
    assert.ok(result.ok);
    assert.equal(ids(result.bundle)[0], documents.ownNote.id);
  });

  it('pages with _count and a next link that carries the offset', () => {
    const first = search(`patient=${patients.marie.id}&_count=2`);
    assert.ok(first.ok);
    assert.equal(first.bundle.entry?.length, 2);
    const next = first.bundle.link?.find((l) => l.relation === 'next')?.url;
    assert.ok(next);
    const last = searchDocuments(store, new URL(next));
    assert.ok(last.ok);
    const third = searchDocuments(
      store,
      new URL(last.bundle.link!.find((l) => l.relation === 'next')!.url),
    );
    assert.ok(third.ok);
    assert.deepEqual(ids(third.bundle), [documents.ownNote.id]);
    assert.equal(
      third.bundle.link?.some((l) => l.relation === 'next'),
      false,
    );
  });

  it('finds nothing for a patient with an empty DSP, or with another status', () => {
    const empty = search(`patient=${patients.jean.id}`);
    assert.ok(empty.ok);
    assert.equal(empty.bundle.total, 0);
    assert.deepEqual(empty.bundle.entry, []);
    const superseded = search(`patient=${patients.marie.id}&status=superseded`);
    assert.ok(superseded.ok);
    assert.equal(superseded.bundle.total, 0);
  });

  for (const [query, code, text] of [
    ['status=current', 'required', /"patient" search parameter is required/],
    ['patient=x&_count=0', 'value', /_count must be an integer from 1 to 1000/],
    ['patient=x&_count=abc', 'value', /_count/],
    ['patient=x&_offset=-1', 'value', /_offset/],
    ['patient=x&status=draft', 'value', /Unknown status "draft"/],
    ['patient=x&_sort=title', 'not-supported', /Unsupported _sort "title"/],
    ['patient=x&colour=blue', 'not-supported', /Unsupported search parameter "colour"/],
  ] as const) {
    it(`answers 400 ${code} to ${query}`, () => {
      const result = search(query);
      assert.ok(!result.ok);
      assert.equal(result.status, 400);
      assert.equal(result.code, code);
      assert.match(result.text, text);
    });
  }
});
