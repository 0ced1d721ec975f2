import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import { directoryOf, searchDocuments } from './document-search.js';
import { FhirFailure } from './fhir-http.js';
import { documents, fixtureResources, patients, practitioners } from './fixtures.js';
import { DspStore } from './store.js';

const base = 'http://127.0.0.1:8787/fhir/';
const store = new DspStore(fixtureResources);

function search(query: string, visible: (d: DocumentReference) => boolean = () => true) {
  return searchDocuments({
    url: new URL(`DocumentReference?${query}`, base),
    documents: (patient) =>
      patient ? store.documentsOf(patient) : store.list<DocumentReference>('DocumentReference'),
    visible,
    allowWithoutPatient: true,
  });
}

function ids(bundle: Bundle): (string | undefined)[] {
  return (bundle.entry ?? []).map((e) => e.resource?.id);
}

const marie = `patient=${patients.marie.id}`;

describe('searchDocuments', () => {
  it("returns a patient's current documents newest first by instant, with total and full URLs", () => {
    const bundle = search(marie);
    assert.equal(bundle.total, 7);
    assert.deepEqual(ids(bundle), [
      documents.hidden.id,
      documents.bloodTest.id,
      documents.cardiology.id,
      documents.summary.id,
      documents.certificate.id,
      documents.ownNote.id,
      documents.masked.id,
    ]);
    const first = bundle.entry?.[0];
    assert.equal(first?.fullUrl, `${base}DocumentReference/${documents.hidden.id}`);
    assert.equal(first?.search?.mode, 'match');
  });

  it('leaves out what the caller may not see, from the results and the total', () => {
    const bundle = search(marie, (d) => d.id !== documents.masked.id);
    assert.equal(bundle.total, 6);
    assert.ok(!ids(bundle).includes(documents.masked.id));
  });

  it('filters by type, class, confidentiality, author and date range with FHIR prefixes', () => {
    const system = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';
    assert.deepEqual(
      ids(search(`${marie}&type=${system}|certificat-medical,${system}|resume-patient`)),
      [documents.summary.id, documents.certificate.id],
    );
    assert.deepEqual(
      ids(search(`${marie}&type=11502-2`)),
      [documents.bloodTest.id],
      'a bare code matches any system',
    );
    assert.deepEqual(ids(search(`${marie}&type=http://loinc.org|11502-2`)), [
      documents.bloodTest.id,
    ]);
    assert.deepEqual(ids(search(`${marie}&category=patient`)), [documents.ownNote.id]);
    assert.deepEqual(ids(search(`${marie}&security-label=V`)), [documents.masked.id]);
    assert.deepEqual(ids(search(`${marie}&author.family=mull`)), [
      documents.hidden.id,
      documents.cardiology.id,
      documents.masked.id,
    ]);
    assert.deepEqual(ids(search(`${marie}&date=ge2026-01&date=lt2026-07`)), [
      documents.cardiology.id,
      documents.summary.id,
    ]);
    assert.deepEqual(ids(search(`${marie}&date=2025`)), [documents.certificate.id]);
    assert.deepEqual(ids(search(`${marie}&date=le2024-03-12`)), [documents.masked.id]);
  });

  it('sorts oldest first on request and pages with a next link carrying the offset', () => {
    assert.equal(ids(search(`${marie}&_sort=date`))[0], documents.masked.id);
    const first = search(`${marie}&_count=3`);
    assert.equal(first.entry?.length, 3);
    const next = first.link?.find((l) => l.relation === 'next')?.url;
    assert.ok(next);
    const second = searchDocuments({
      url: new URL(next),
      documents: (p) => store.documentsOf(p ?? ''),
      visible: () => true,
      allowWithoutPatient: false,
    });
    assert.deepEqual(ids(second), [
      documents.summary.id,
      documents.certificate.id,
      documents.ownNote.id,
    ]);
  });

  it('counts with _summary=count, and across every DSP when allowed', () => {
    const count = search(`${marie}&_summary=count`);
    assert.equal(count.total, 7);
    assert.equal(count.entry, undefined);
    const all = search('_summary=count&type=resume-patient');
    assert.equal(all.total, 5);
  });

  for (const [query, code, text] of [
    ['status=current', 'required', /"patient" search parameter is required/],
    ['patient=x&_count=0', 'value', /_count must be an integer from 1 to 1000/],
    ['patient=x&_count=abc', 'value', /_count/],
    ['patient=x&_offset=-1', 'value', /_offset/],
    ['patient=x&status=draft', 'value', /Unknown status "draft"/],
    ['patient=x&_sort=title', 'not-supported', /Unsupported _sort "title"/],
    ['patient=x&colour=blue', 'not-supported', /Unsupported search parameter "colour"/],
    ['patient=x&date=yesterday', 'value', /Invalid date parameter/],
    ['patient=x&_summary=data', 'not-supported', /_summary/],
  ] as const) {
    it(`answers 400 ${code} to ${query}`, () => {
      assert.throws(
        () =>
          searchDocuments({
            url: new URL(`DocumentReference?${query}`, base),
            documents: () => [],
            visible: () => true,
            allowWithoutPatient: false,
          }),
        (error: unknown) =>
          error instanceof FhirFailure &&
          error.status === 400 &&
          error.issues[0]?.code === code &&
          text.test(error.message),
      );
    });
  }
});

describe('searchDocuments with the codings and chains of national servers', () => {
  const LOINC = 'http://loinc.org';
  const DSP = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';

  /** A current document of Marie's with the given type codings and author. */
  function stored(
    id: string,
    coding: { system: string; code: string }[],
    author = 'Practitioner/x',
  ) {
    return {
      ...(structuredClone(documents.bloodTest) as DocumentReference),
      id,
      type: { coding },
      author: [{ reference: author, display: 'Dr Jeanne Muller' }],
    };
  }

  function searchAmong(query: string, docs: DocumentReference[]) {
    return searchDocuments({
      url: new URL(`DocumentReference?${query}`, base),
      documents: () => docs,
      visible: () => true,
      allowWithoutPatient: false,
    });
  }

  it('finds a type by either coding: the LOINC one, or the kit’s own', () => {
    const docs = [
      stored('loinc-only', [{ system: LOINC, code: '11502-2' }]),
      stored('dsp-only', [{ system: DSP, code: 'resultat-biologie' }]),
      stored('both', [
        { system: DSP, code: 'resultat-biologie' },
        { system: LOINC, code: '11502-2' },
      ]),
      stored('other', [
        { system: DSP, code: 'resume-patient' },
        { system: LOINC, code: '60591-5' },
      ]),
      stored('same-code-other-system', [{ system: 'urn:oid:1.2.3', code: '11502-2' }]),
    ];
    const found = ids(searchAmong(`${marie}&type=${LOINC}|11502-2,${DSP}|resultat-biologie`, docs));
    assert.deepEqual(found.sort(), ['both', 'dsp-only', 'loinc-only']);
  });

  it('finds authors by the typed chain author:Practitioner.family, and still by author.family', () => {
    const docs = [
      stored('by-practitioner', [], 'Practitioner/muller'),
      stored('by-organization', [], 'Organization/lab'),
      stored('by-patient', [], 'Patient/marie'),
    ];
    assert.deepEqual(ids(searchAmong(`${marie}&author:Practitioner.family=mull`, docs)), [
      'by-practitioner',
    ]);
    assert.deepEqual(
      ids(searchAmong(`${marie}&author.family=mull`, docs)).sort(),
      ['by-organization', 'by-patient', 'by-practitioner'],
      'the untyped chain, as before, looks at every author',
    );
    const contained = (resourceType: 'Practitioner' | 'Organization', family: string) => ({
      ...stored(`contained-${resourceType}`, [], '#author'),
      contained: [
        resourceType === 'Practitioner'
          ? { resourceType, id: 'author', name: [{ family }] }
          : { resourceType, id: 'author', name: family },
      ],
    });
    assert.deepEqual(
      ids(
        searchAmong(`${marie}&author:Practitioner.family=mull`, [
          contained('Practitioner', 'Muller'),
          contained('Organization', 'Muller'),
        ]),
      ),
      ['contained-Practitioner'],
      'a chain is evaluated inside contained resources too',
    );
    assert.deepEqual(ids(search(`${marie}&author:Practitioner.family=mull`)), [
      documents.hidden.id,
      documents.cardiology.id,
      documents.masked.id,
    ]);
  });

  it('answers 400 to a chain on a type the search does not know', () => {
    assert.throws(
      () => searchAmong(`${marie}&author:Device.family=x`, []),
      (error: unknown) =>
        error instanceof FhirFailure &&
        error.status === 400 &&
        /Unsupported search parameter "author:Device.family"/.test(error.message),
    );
  });
});

describe('author chains through the contained authors of MHD Comprehensive metadata', () => {
  // IHE's own example (IHE/ITI.MHD, ex-ProvideBundles5.fsh, compiled as the fhir package's MHD
  // tests keep it): a DocumentReference whose authors are a contained Organization and a contained
  // Practitioner.
  const example = JSON.parse(
    readFileSync(
      new URL(
        '../../fhir/test/mhd/examples/Bundle-ex-comprehensiveProvideDocumentBundleComplete.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ) as Bundle;
  const iheDocument = example.entry?.find((e) => e.resource?.resourceType === 'DocumentReference')
    ?.resource as DocumentReference;

  /** IHE's document in Marie's record, with changes to its contained resources and authors. */
  function shaped(id: string, change: (d: DocumentReference) => void): DocumentReference {
    const document = structuredClone(iheDocument);
    document.id = id;
    document.subject = { reference: `Patient/${patients.marie.id}` };
    change(document);
    return document;
  }

  /** IHE's contained author Practitioner (it has no name there: one is given). */
  const named = (d: DocumentReference, family: string) => {
    const person = d.contained?.find((r) => r.id === 'in-practitionerAuthor');
    if (person?.resourceType !== 'Practitioner') throw new Error('IHE example changed');
    person.name = [{ family, given: ['Jeanne'] }];
  };

  /**
   * MHD's mapping of an XDS author (authorPerson, authorInstitution): a contained PractitionerRole
   * pointing at the person and the institution, the document's author pointing at the role.
   */
  const throughRole = (d: DocumentReference, practitioner: string) => {
    d.contained?.push({
      resourceType: 'PractitionerRole',
      id: 'in-role',
      practitioner: { reference: practitioner },
      organization: { reference: '#in-organizationAuthor' },
    });
    d.author = [{ reference: '#in-role' }];
  };

  function searchAmong(query: string, docs: DocumentReference[]) {
    return searchDocuments({
      url: new URL(`DocumentReference?patient=${patients.marie.id}&${query}`, base),
      documents: () => docs,
      visible: () => true,
      allowWithoutPatient: false,
      practitioner: directoryOf(store),
    });
  }

  it('finds IHE’s contained Practitioner author by its family name, and not without one', () => {
    const docs = [
      shaped('ihe-as-is', () => undefined),
      shaped('ihe-named', (d) => {
        named(d, 'Muller');
      }),
    ];
    assert.deepEqual(ids(searchAmong('author:Practitioner.family=mull', docs)), ['ihe-named']);
  });

  it('finds a contained PractitionerRole’s contained Practitioner (a CDA’s other author)', () => {
    const docs = [
      shaped('role-of-contained', (d) => {
        named(d, 'Muller');
        throughRole(d, '#in-practitionerAuthor');
      }),
      shaped('role-of-other', (d) => {
        named(d, 'Hansen');
        throughRole(d, '#in-practitionerAuthor');
      }),
    ];
    assert.deepEqual(ids(searchAmong('author:Practitioner.family=mull', docs)), [
      'role-of-contained',
    ]);
    assert.deepEqual(ids(searchAmong('author.family=mull', docs)), ['role-of-contained']);
  });

  it('finds a contained PractitionerRole’s directory Practitioner by its name there', () => {
    // No display anywhere: only the directory knows Dr Muller's name.
    const docs = [
      shaped('role-of-directory', (d) => {
        throughRole(d, `Practitioner/${practitioners.muller.id}`);
      }),
      shaped('role-of-unknown', (d) => {
        throughRole(d, 'Practitioner/nobody');
      }),
    ];
    assert.deepEqual(ids(searchAmong('author:Practitioner.family=mull', docs)), [
      'role-of-directory',
    ]);
  });
});
