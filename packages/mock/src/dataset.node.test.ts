import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_TYPE_SYSTEM,
  MATRICULE_SYSTEM,
  PROFESSION_SYSTEM,
  documentTypeOf,
  professions,
} from '@dsp-kit/fhir';
import { validateMatricule } from '@dsp-kit/fhir/matricule';
import type {
  Binary,
  DocumentReference,
  Organization,
  Patient,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';
import { assertValidR4 } from '../../fhir/test/fhir-r4.js';
import { seed2017 } from './data/seed-2017.js';
import {
  LABORATORY_IDS,
  SEED_2017_DATES,
  authorProfessions,
  generateDataset,
  seed2017Dataset,
  snapshotBound,
} from './dataset.js';
import { sampleFiles } from './sample-files.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

function ofType<T extends Resource>(resources: Resource[], type: T['resourceType']): T[] {
  return resources.filter((r): r is T => r.resourceType === type);
}

function typeCode(doc: DocumentReference): string {
  const code = documentTypeOf(doc.type)?.code;
  assert.ok(code, `${doc.id} has a DSP type`);
  return code;
}

const small = generateDataset({ seed: 7, patients: 60, documents: 2000 });
const seedData = seed2017Dataset();

describe('generateDataset', () => {
  it('is deterministic: the same options give deep-equal output', () => {
    assert.deepEqual(generateDataset({ seed: 7, patients: 60, documents: 2000 }), small);
  });

  it('gives different data for different seeds', () => {
    const other = generateDataset({ seed: 8, patients: 60, documents: 2000 });
    assert.notDeepEqual(other, small);
    const ids = (r: Resource[]) =>
      ofType<DocumentReference>(r, 'DocumentReference').map((d) => d.masterIdentifier?.value);
    assert.notDeepEqual(ids(other), ids(small));
  });

  it('makes the requested patients and documents, 7 organizations, a role per professional and a Binary per sample file and per CDA document', () => {
    const counts = new Map<string, number>();
    for (const r of small) counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1);
    assert.equal(counts.get('Patient'), 60);
    assert.equal(counts.get('DocumentReference'), 2000);
    assert.equal(counts.get('Organization'), 7);
    const cdas = ofType<DocumentReference>(small, 'DocumentReference').filter(
      (d) => d.content[0]?.attachment.contentType === 'text/xml',
    );
    assert.ok(cdas.length > 0 && cdas.length <= 20 * 5, `${cdas.length} CDA documents`);
    assert.equal(counts.get('Binary'), sampleFiles().length + cdas.length);
    assert.ok((counts.get('Practitioner') ?? 0) >= 16);
    assert.equal(counts.get('PractitionerRole'), counts.get('Practitioner'));
    assert.equal(counts.size, 6);
    const big = generateDataset({ seed: 1, patients: 1000, documents: 0 });
    assert.equal(ofType(big, 'Practitioner').length, 50, 'one professional per 20 patients');
    assert.equal(ofType(big, 'DocumentReference').length, 0);
    for (const type of counts.keys()) {
      const ids = small.filter((r) => r.resourceType === type).map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, `${type} ids are unique`);
    }
  });

  it('names the seed presentation’s hospitals and laboratories', () => {
    const names = ofType<Organization>(small, 'Organization').map((o) => o.name);
    assert.deepEqual(names, [
      'Centre Hospitalier de Luxembourg',
      'Centre Hospitalier Emile Mayrisch',
      'Hôpitaux Robert Schuman',
      'Centre Hospitalier du Nord',
      'Laboratoires Ketterthill',
      'Laboratoires BioNext',
      'Laboratoire national de santé',
    ]);
  });

  it('gives patients unique, valid matricules matching their birth dates', () => {
    const patients = ofType<Patient>(
      generateDataset({ seed: 3, patients: 3000, documents: 0 }),
      'Patient',
    );
    const values = patients.map((p) => {
      const identifier = p.identifier?.[0];
      assert.equal(identifier?.system, MATRICULE_SYSTEM);
      const result = validateMatricule(identifier?.value ?? '');
      assert.ok(result.valid, `${p.id}: ${identifier?.value}`);
      assert.equal(result.birthDate, p.birthDate);
      assert.ok(p.name?.[0]?.family && p.name[0].given?.[0]);
      return identifier?.value;
    });
    assert.equal(new Set(values).size, values.length);
  });

  it('gives every PractitionerRole a profession, a practitioner and an organization that exist', () => {
    const ids = new Set(small.map((r) => `${r.resourceType}/${r.id}`));
    const codes = new Set<string>(professions.map((p) => p.code));
    for (const role of ofType<PractitionerRole>(small, 'PractitionerRole')) {
      const coding = role.code?.[0]?.coding?.[0];
      assert.equal(coding?.system, PROFESSION_SYSTEM);
      assert.ok(codes.has(coding?.code ?? ''), role.id);
      assert.ok(ids.has(role.practitioner?.reference ?? ''), role.id);
      assert.ok(ids.has(role.organization?.reference ?? ''), role.id);
    }
  });

  it("gives each attachment the size and SHA-1 of the Binary it points to, and the Binary's type", () => {
    const binaries = new Map(ofType<Binary>(small, 'Binary').map((b) => [`Binary/${b.id}`, b]));
    for (const doc of ofType<DocumentReference>(small, 'DocumentReference')) {
      const attachment = doc.content[0]?.attachment;
      const binary = binaries.get(attachment?.url ?? '');
      assert.ok(attachment && binary, `${doc.id}: ${attachment?.url}`);
      const bytes = Buffer.from(binary.data ?? '', 'base64');
      assert.equal(attachment.size, bytes.length);
      assert.equal(attachment.hash, createHash('sha1').update(bytes).digest('base64'));
      assert.equal(attachment.contentType, binary.contentType);
    }
  });

  it('shapes documents like the fixtures: identifiers, status, dates, labels, content', () => {
    const masters = new Set<string>();
    for (const doc of ofType<DocumentReference>(small, 'DocumentReference')) {
      const master = doc.masterIdentifier?.value ?? '';
      assert.match(
        master,
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      masters.add(master);
      assert.equal(doc.status, 'current');
      assert.equal(doc.type?.coding?.[0]?.system, DOCUMENT_TYPE_SYSTEM);
      assert.ok(doc.category?.[0]?.coding?.[0]?.code);
      assert.match(doc.subject?.reference ?? '', /^Patient\//);
      assert.match(doc.date ?? '', INSTANT);
      assert.ok(doc.author?.[0]?.display);
      assert.ok(doc.description);
      const label = doc.securityLabel?.[0]?.coding?.[0];
      assert.equal(label?.system, CONFIDENTIALITY_SYSTEM);
      const attachment = doc.content[0]?.attachment;
      // Only the emergency department summaries are written in German.
      const german = attachment?.contentType === 'text/xml' && typeCode(doc) === 'passage-urgences';
      assert.equal(attachment?.language, german ? 'de' : 'fr');
      assert.equal(attachment?.title, doc.description);
      assert.equal(attachment?.creation, doc.date);
    }
    assert.equal(masters.size, 2000);
  });

  it('mostly labels documents N, with some R and V', () => {
    const codes = ofType<DocumentReference>(small, 'DocumentReference').map(
      (d) => d.securityLabel?.[0]?.coding?.[0]?.code,
    );
    const share = (code: string) => codes.filter((c) => c === code).length / codes.length;
    assert.ok(share('N') > 0.8, `N ${share('N')}`);
    assert.ok(share('R') > 0.02, `R ${share('R')}`);
    assert.ok(share('V') > 0, `V ${share('V')}`);
    assert.equal(share('N') + share('R') + share('V'), 1);
  });

  it('dates documents within from..to in Luxembourg time, with the right offset', () => {
    const data = generateDataset({
      seed: 5,
      patients: 10,
      documents: 3000,
      from: '2020-03-01',
      to: '2020-11-30',
    });
    for (const doc of ofType<DocumentReference>(data, 'DocumentReference')) {
      const date = doc.date ?? '';
      assert.match(date, INSTANT);
      const ms = Date.parse(date);
      assert.ok(ms >= Date.parse('2020-03-01T00:00:00+01:00'), date);
      assert.ok(ms < Date.parse('2020-12-01T00:00:00+01:00'), date);
      // Summer time in 2020: 29 March 01:00 UTC to 25 October 01:00 UTC.
      const summer =
        ms >= Date.parse('2020-03-29T01:00:00Z') && ms < Date.parse('2020-10-25T01:00:00Z');
      assert.ok(date.endsWith(summer ? '+02:00' : '+01:00'), date);
      const hour = Number(date.slice(11, 13));
      assert.ok(hour >= 7 && hour < 20, `${date}: working hours`);
    }
  });

  it('rejects invalid options', () => {
    assert.throws(() => generateDataset({ seed: 1.5, patients: 1, documents: 1 }), RangeError);
    assert.throws(() => generateDataset({ seed: 1, patients: 0, documents: 1 }), RangeError);
    assert.throws(() => generateDataset({ seed: 1, patients: 1, documents: -1 }), RangeError);
    assert.throws(
      () => generateDataset({ seed: 1, patients: 1, documents: 1, from: '2020-02-30' }),
      RangeError,
    );
    assert.throws(
      () =>
        generateDataset({
          seed: 1,
          patients: 1,
          documents: 1,
          from: '2021-01-01',
          to: '2020-01-01',
        }),
      RangeError,
    );
  });

  it('follows the March 2017 distribution of types', () => {
    const data = generateDataset({ seed: 11, patients: 500, documents: 20_000 });
    const docs = ofType<DocumentReference>(data, 'DocumentReference');
    const counts = new Map<string, number>();
    for (const doc of docs) counts.set(typeCode(doc), (counts.get(typeCode(doc)) ?? 0) + 1);
    const share = (code: string) => (counts.get(code) ?? 0) / docs.length;
    assert.ok(
      share('resume-patient') > 0.5 && share('resume-patient') < 0.66,
      `${share('resume-patient')}`,
    );
    assert.ok(share('certificat-medical') > 0.09 && share('certificat-medical') < 0.16);
    assert.ok(share('cr-acte-diagnostique') > 0.07 && share('cr-acte-diagnostique') < 0.13);
    assert.ok(share('resultat-biologie') > 0.02 && share('resultat-biologie') < 0.06);
    assert.ok(share('expression-titulaire') > 0.008 && share('expression-titulaire') < 0.025);
  });

  it('gives each document an author whose profession fits its type', () => {
    assertAuthorsFit(generateDataset({ seed: 2, patients: 200, documents: 5000 }));
  });

  it('produces valid FHIR R4 for a sample of every resource type', () => {
    const seen = new Map<string, number>();
    for (const resource of [...small, ...seedData]) {
      const n = seen.get(resource.resourceType) ?? 0;
      if (n >= 25) continue;
      seen.set(resource.resourceType, n + 1);
      assertValidR4(resource);
    }
    assert.equal(seen.size, 6);
  });
});

describe('snapshotBound', () => {
  it('is the first instant (UTC) of the following month', () => {
    assert.equal(snapshotBound('2015-10'), '2015-11-01T00:00:00Z');
    assert.equal(snapshotBound('2017-03'), '2017-04-01T00:00:00Z');
    assert.equal(snapshotBound('2016-12'), '2017-01-01T00:00:00Z');
    assert.throws(() => snapshotBound('2016-13'), RangeError);
    assert.throws(() => snapshotBound('2016-1'), RangeError);
  });
});

describe('seed2017Dataset', () => {
  const docs = ofType<DocumentReference>(seedData, 'DocumentReference');

  it('reproduces every cell of the agency table', () => {
    assert.equal(docs.length, seed2017.total[6]);
    const dated = docs.map((d) => ({ code: typeCode(d), ms: Date.parse(d.date ?? '') }));
    for (const row of seed2017.rows) {
      SEED_2017_DATES.forEach((month, i) => {
        const bound = Date.parse(snapshotBound(month));
        const count = dated.filter((d) => d.code === row.code && d.ms < bound).length;
        assert.equal(count, row.counts[i], `${row.code} at ${month}`);
      });
    }
  });

  it('dates every document with a real instant strictly inside its snapshot window', () => {
    const bounds = [
      Date.parse('2015-01-01T00:00:00Z'),
      ...SEED_2017_DATES.map((m) => Date.parse(snapshotBound(m))),
    ];
    for (const doc of docs) {
      const date = doc.date ?? '';
      assert.match(date, INSTANT);
      const ms = Date.parse(date);
      assert.ok(!Number.isNaN(ms), date);
      // A real calendar instant: formatting it back gives the same local wall time.
      const offset = Number(date.slice(20, 22)) * 60;
      assert.equal(new Date(ms + offset * 60_000).toISOString().slice(0, 19), date.slice(0, 19));
      assert.ok(!bounds.includes(ms), `${date} is on a bound`);
      assert.ok(ms > bounds[0]! && ms < bounds[bounds.length - 1]!, date);
    }
  });

  it('has 500 patients by default, or the number asked for, and is deterministic', () => {
    assert.equal(ofType(seedData, 'Patient').length, 500);
    const fewer = seed2017Dataset({ patients: 40 });
    assert.equal(ofType(fewer, 'Patient').length, 40);
    assert.equal(ofType(fewer, 'DocumentReference').length, 14_070);
    assert.deepEqual(seed2017Dataset(), seedData);
  });

  it('gives each document an author whose profession fits its type', () => {
    assertAuthorsFit(seedData);
  });
});

function assertAuthorsFit(resources: Resource[]): void {
  const professionOf = new Map<string, string>();
  for (const role of ofType<PractitionerRole>(resources, 'PractitionerRole')) {
    professionOf.set(role.practitioner?.reference ?? '', role.code?.[0]?.coding?.[0]?.code ?? '');
  }
  const labs = new Set(LABORATORY_IDS.map((id) => `Organization/${id}`));
  const seenKinds = new Set<string>();
  for (const doc of ofType<DocumentReference>(resources, 'DocumentReference')) {
    const code = typeCode(doc);
    const author = doc.author?.[0]?.reference ?? '';
    const allowed = authorProfessions(code);
    if (author.startsWith('Patient/')) {
      assert.equal(allowed, 'patient', `${doc.id}: a ${code} by the patient`);
      assert.equal(author, doc.subject?.reference, `${doc.id}: the patient's own document`);
      seenKinds.add('patient');
    } else if (author.startsWith('Organization/')) {
      assert.equal(
        code,
        'resultat-biologie',
        `${doc.id}: only lab results come from organizations`,
      );
      assert.ok(labs.has(author), `${doc.id}: ${author} is a laboratory`);
      seenKinds.add('laboratory');
    } else {
      const profession = professionOf.get(author);
      assert.ok(profession, `${doc.id}: ${author} has a role`);
      assert.notEqual(allowed, 'patient', `${doc.id}: ${code} must be the patient's`);
      assert.ok(
        (allowed as readonly string[]).includes(profession),
        `${doc.id}: ${profession} wrote a ${code}`,
      );
      if (code === 'resultat-biologie') assert.equal(profession, 'biologiste');
      seenKinds.add('practitioner');
    }
  }
  assert.deepEqual([...seenKinds].sort(), ['laboratory', 'patient', 'practitioner']);
}
