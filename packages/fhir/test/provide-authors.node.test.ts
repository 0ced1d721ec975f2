// A document filed by its sender for authors the sender knows by name and identifiers only (as a
// CDA's header names them): the sender stays the first author, each other one is a contained
// PractitionerRole of a contained Practitioner and Organization, as MHD carries an XDS author. The
// values are those of ANS's lab report (CI-SIS test contents), written out here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  DocumentReference,
  List,
  Organization,
  Practitioner,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';
import { DspValidationError } from '../src/errors.js';
import { buildProvideBundle, type DocumentSubmission, type NamedAuthor } from '../src/provide.js';
import { cdaAuthors } from './submissions.js';

function documentOf(submission: DocumentSubmission): DocumentReference {
  return buildProvideBundle(submission).entry?.[1]?.resource as DocumentReference;
}

/** The contained resource a `#id` reference names. */
function containedIn(doc: DocumentReference, reference: string | undefined): Resource {
  assert.match(reference ?? '', /^#./, 'a contained reference');
  const found = doc.contained?.find((r) => `#${r.id ?? ''}` === reference);
  assert.ok(found, `${reference ?? ''} is contained`);
  return found;
}

function withAuthors(additionalAuthors: NamedAuthor[]): DocumentSubmission {
  const submission = cdaAuthors();
  const [doc] = submission.documents;
  assert.ok(doc);
  return { ...submission, documents: [{ ...doc, additionalAuthors }] };
}

function refusal(submission: DocumentSubmission): DspValidationError {
  try {
    buildProvideBundle(submission);
  } catch (error) {
    assert.ok(error instanceof DspValidationError, String(error));
    return error;
  }
  assert.fail('the submission was accepted');
}

describe('buildProvideBundle with authors beside the sender', () => {
  it('keeps the sender first and contains the CDA’s author: person, RPPS, laboratory, specialty', () => {
    const doc = documentOf(cdaAuthors());
    assert.equal(doc.author?.length, 3);
    const [sender, cda] = doc.author ?? [];
    assert.equal(sender?.display, 'Dr Paul Weber');
    const senderRole = containedIn(doc, sender?.reference) as PractitionerRole;
    assert.equal(senderRole.practitioner?.reference, 'Practitioner/paul-weber');

    assert.equal(cda?.display, 'M Marcel CAMPARINI DR');
    const role = containedIn(doc, cda?.reference) as PractitionerRole;
    assert.equal(role.resourceType, 'PractitionerRole');
    assert.deepEqual(role.specialty, [
      {
        coding: [
          {
            system: 'urn:oid:1.2.250.1.213.1.1.4.5',
            code: 'G15_10/SM03',
            display: 'Médecin - Biologie médicale (SM)',
          },
        ],
      },
    ]);
    const person = containedIn(doc, role.practitioner?.reference) as Practitioner;
    assert.equal(person.resourceType, 'Practitioner');
    assert.deepEqual(person.identifier, [
      { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234534765' },
    ]);
    assert.deepEqual(person.name, [
      {
        text: 'M Marcel CAMPARINI DR',
        prefix: ['M'],
        given: ['Marcel'],
        family: 'CAMPARINI',
        suffix: ['DR'],
      },
    ]);
    const lab = containedIn(doc, role.organization?.reference) as Organization;
    assert.equal(lab.name, 'Laboratoire des charmes');
    assert.deepEqual(lab.identifier, [
      { system: 'urn:oid:1.2.250.1.71.4.2.2', value: '1120459876' },
    ]);
    assert.equal(role.organization?.display, 'Laboratoire des charmes');
  });

  it('names an author the document gives no name by its identifier, with no name made up', () => {
    const doc = documentOf(cdaAuthors());
    const nameless = doc.author?.[2];
    assert.equal(nameless?.display, '801234567897');
    const role = containedIn(doc, nameless?.reference) as PractitionerRole;
    assert.equal(role.organization, undefined);
    const person = containedIn(doc, role.practitioner?.reference) as Practitioner;
    assert.equal(person.name, undefined);
    assert.deepEqual(person.identifier, [
      { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234567897' },
    ]);
  });

  it('gives every contained resource an id of its own', () => {
    const ids = (documentOf(cdaAuthors()).contained ?? []).map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
  });

  it('leaves the SubmissionSet to the sender, who submits', () => {
    const list = buildProvideBundle(cdaAuthors()).entry?.[0]?.resource as List;
    assert.equal(list.contained?.length, 1);
    assert.equal(
      (list.contained?.[0] as PractitionerRole).practitioner?.reference,
      'Practitioner/paul-weber',
    );
  });

  it('sends an organisation alone as a role of that organisation', () => {
    const doc = documentOf(withAuthors([{ organization: { name: 'Laboratoire des charmes' } }]));
    const other = doc.author?.[1];
    assert.equal(other?.display, 'Laboratoire des charmes');
    const role = containedIn(doc, other?.reference) as PractitionerRole;
    assert.equal(role.practitioner, undefined);
    assert.equal(
      (containedIn(doc, role.organization?.reference) as Organization).name,
      other?.display,
    );
  });

  it('refuses an author naming no one, an identifier without system, a blank name', () => {
    const field = 'documents[0].additionalAuthors[0]';
    const empty = refusal(withAuthors([{}]));
    assert.equal(empty.field, field);
    assert.match(empty.message, /names no one/);
    assert.equal(refusal(withAuthors([{ organization: { name: '  ' } }])).field, field);
    const system = refusal(withAuthors([{ identifiers: [{ value: '801234534765' }] }]));
    assert.equal(system.field, `${field}.identifiers[0]`);
    assert.match(system.message, /needs a system and a value/);
    const blank = refusal(withAuthors([{ name: { text: ' ' }, identifiers: cdaIds() }]));
    assert.equal(blank.field, `${field}.name`);
  });
});

function cdaIds() {
  return [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234534765' }];
}
