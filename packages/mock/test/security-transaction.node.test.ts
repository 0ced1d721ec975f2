// The ITI-65 transaction grants nothing the rules refuse: each attack found against it, made over
// real HTTP against the `dsp-mock-server` CLI as each fixture user it concerns, is refused whole,
// with an OperationOutcome naming the entry, and leaves the record as it was.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  auditRows,
  CONFIDENTIALITY_SYSTEM,
  DspClient,
  type DocumentSubmission,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  sha1Base64,
} from '@dsp-kit/fhir';
import type {
  AuditEvent,
  Binary,
  Bundle,
  BundleEntry,
  DocumentReference,
  List,
  OperationOutcome,
  Parameters,
} from '@medplum/fhirtypes';
import { staticTokenProvider } from '@dsp-kit/auth';
import { documents, patients, practitioners, users } from '../src/fixtures.js';
import { callHttp, startCliServer, type CliServer, type HttpAnswer } from './cli-server.js';

interface Attempt {
  /** The patient the document is about. */
  patient: string;
  /** The document's author reference; the caller's own by default. */
  author: string;
  typeCode?: string;
  text?: string;
  contentType?: string;
  masterIdentifier?: string;
}

/** The FHIR reference of a fixture user: what a document they write names as its author. */
function referenceOf(user: string): string {
  if (Object.values(patients).some((p) => p.id === user)) return `Patient/${user}`;
  if (user === users.claire) return `RelatedPerson/${user}`;
  return `Practitioner/${user}`;
}

/**
 * A well-formed ITI-65 transaction of one text document (SubmissionSet List, DocumentReference,
 * Binary; `urn:uuid` fullUrls, POSTs only), written by hand so that each attack below is one
 * change to an otherwise acceptable submission.
 */
async function submission(attempt: Attempt): Promise<Bundle> {
  const type = documentTypeByCode(attempt.typeCode ?? 'rapport-medical');
  assert.ok(type);
  const bytes = new TextEncoder().encode(attempt.text ?? 'Compte rendu\n');
  const [list, doc, binary] = [randomUUID(), randomUUID(), randomUUID()].map(
    (u) => `urn:uuid:${u}`,
  );
  const subject = { reference: `Patient/${attempt.patient}` };
  const date = '2026-11-26T10:00:00Z';
  const contentType = attempt.contentType ?? 'text/plain';
  const listIdentifier = `urn:uuid:${randomUUID()}`;
  const masterIdentifier = attempt.masterIdentifier ?? `urn:uuid:${randomUUID()}`;
  const entries: BundleEntry[] = [
    {
      fullUrl: list,
      resource: {
        resourceType: 'List',
        identifier: [{ system: 'urn:ietf:rfc:3986', value: listIdentifier }],
        status: 'current',
        mode: 'working',
        code: {
          coding: [
            {
              system: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes',
              code: 'submissionset',
            },
          ],
        },
        subject,
        date,
        entry: [{ item: { reference: doc } }],
      },
      request: {
        method: 'POST',
        url: 'List',
        ifNoneExist: `identifier=urn:ietf:rfc:3986|${listIdentifier}`,
      },
    },
    {
      fullUrl: doc,
      resource: {
        resourceType: 'DocumentReference',
        masterIdentifier: {
          system: 'urn:ietf:rfc:3986',
          value: masterIdentifier,
        },
        status: 'current',
        type: documentTypeConcept(type),
        category: [documentClassConcept(type)],
        subject,
        date,
        author: [{ reference: attempt.author }],
        securityLabel: [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: 'N' }] }],
        content: [
          {
            attachment: {
              contentType,
              language: 'fr',
              url: binary,
              size: bytes.byteLength,
              hash: await sha1Base64(bytes),
              title: 'Compte rendu',
              creation: date,
            },
          },
        ],
      },
      request: {
        method: 'POST',
        url: 'DocumentReference',
        ifNoneExist: `identifier=urn:ietf:rfc:3986|${masterIdentifier}`,
      },
    },
    {
      fullUrl: binary,
      resource: {
        resourceType: 'Binary',
        contentType,
        data: Buffer.from(bytes).toString('base64'),
      },
      request: { method: 'POST', url: 'Binary' },
    },
  ];
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

const documentOf = (bundle: Bundle) => bundle.entry?.[1]?.resource as DocumentReference;
const binaryEntryOf = (bundle: Bundle) => bundle.entry?.[2] as BundleEntry<Binary>;

let server: CliServer;
const call = (
  user: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<HttpAnswer> => callHttp(server.url, user, method, path, body, headers);
const send = (user: string, bundle: Bundle) => call(user, 'POST', '', bundle);
/** The raw content of a Binary, as `user` asks for it (ITI-68). */
const content = (user: string, id: string) =>
  call(user, 'GET', `Binary/${id}`, undefined, { Accept: '*/*' });
const contentId = (doc: DocumentReference) =>
  (doc.content[0]?.attachment.url ?? '').replace(/^Binary\//, '');

/**
 * Asserts that the transaction was refused whole (a 4xx with an OperationOutcome) and that an
 * issue names entry `entry` (at `path` within it, when given).
 */
function assertRefused(answer: HttpAnswer, entry: number, path = ''): void {
  assert.ok(
    answer.status >= 400 && answer.status < 500,
    `expected a refusal, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
  );
  const outcome = answer.body as OperationOutcome;
  assert.equal(outcome.resourceType, 'OperationOutcome');
  const expressions = outcome.issue.flatMap((i) => i.expression ?? []);
  const named = `Bundle.entry[${entry}]${path}`;
  assert.ok(
    expressions.some((e) => e.startsWith(named)),
    `no issue names ${named}: ${expressions.join(', ')}`,
  );
}

/** Asserts that `user` cannot read the content at `Binary/<id>`. */
async function assertUnreadable(user: string, id: string, secret: string): Promise<void> {
  const answer = await content(user, id);
  assert.ok(
    answer.status === 403 || answer.status === 404,
    `${user} read Binary/${id}: ${answer.status}`,
  );
  assert.ok(!String(answer.body).includes(secret));
}

/** The ways an entry of a transaction can name an existing Binary as its own. */
const pointAtExisting = {
  'attachment.url and the Binary entry’s request.url': (bundle: Bundle, id: string) => {
    documentOf(bundle).content[0]!.attachment.url = `Binary/${id}`;
    binaryEntryOf(bundle).request = { method: 'POST', url: `Binary/${id}` };
  },
  'attachment.url and the Binary entry’s fullUrl': (bundle: Bundle, id: string) => {
    documentOf(bundle).content[0]!.attachment.url = `Binary/${id}`;
    binaryEntryOf(bundle).fullUrl = `Binary/${id}`;
  },
  'attachment.url and the Binary’s id': (bundle: Bundle, id: string) => {
    documentOf(bundle).content[0]!.attachment.url = `Binary/${id}`;
    binaryEntryOf(bundle).resource!.id = id;
  },
  'a second content pointing at it': (bundle: Bundle, id: string) => {
    const doc = documentOf(bundle);
    doc.content.push({ attachment: { ...doc.content[0]!.attachment, url: `Binary/${id}` } });
  },
};

describe('ITI-65 read-through: a document of one’s own pointing at content one may not read', () => {
  before(async () => {
    server = await startCliServer();
  });
  after(() => server.stop());

  const masked = contentId(documents.masked);
  const cases: [string, string, string, string][] = [
    // [caller, patient written to, target Binary, a phrase of the target's content]
    [users.lucien, patients.lucien.id, masked, 'confidentiel'],
    [users.claire, patients.lucien.id, masked, 'confidentiel'],
    [users.schmitt, patients.marie.id, masked, 'confidentiel'],
    [users.marie, patients.marie.id, contentId(documents.hidden), 'annoncer'],
    [users.weber, patients.marie.id, contentId(documents.sophieSummary), 'antécédent'],
    [users.muller, patients.tom.id, contentId(documents.sophieSummary), 'antécédent'],
    [users.kremer, patients.tom.id, contentId(documents.summary), 'asthme'],
  ];
  for (const [user, patient, target, secret] of cases) {
    for (const [how, point] of Object.entries(pointAtExisting)) {
      it(`${user} writing to ${patient} cannot read Binary/${target} through ${how}`, async () => {
        const own = ['lucien-wagner', 'claire-wagner', 'marie-schmit'].includes(user);
        const bundle = await submission({
          patient,
          author: referenceOf(user),
          typeCode: own ? 'expression-titulaire' : 'rapport-medical',
        });
        point(bundle, target);
        assertRefused(await send(user, bundle), 1, '.resource.content');
        await assertUnreadable(user, target, secret);
      });
    }
  }
});

describe('ITI-65 writes: nothing existing is replaced, moved or overwritten', () => {
  before(async () => {
    server = await startCliServer();
  });
  after(() => server.stop());

  const certificate = contentId(documents.certificate);
  const overwrites: Record<string, (entry: BundleEntry<Binary>) => void> = {
    'PUT Binary/<id>': (entry) => {
      entry.request = { method: 'PUT', url: `Binary/${certificate}` };
      entry.resource!.id = certificate;
    },
    'POST with the id in the resource': (entry) => {
      entry.resource!.id = certificate;
    },
    'POST with the Binary’s reference as fullUrl': (entry) => {
      entry.fullUrl = `Binary/${certificate}`;
    },
  };
  for (const [how, overwrite] of Object.entries(overwrites)) {
    it(`the blocked doctor cannot overwrite Marie's certificate as text/html (${how})`, async () => {
      const before = await content(users.weber, certificate);
      assert.equal(before.status, 200);
      const bundle = await submission({
        patient: patients.tom.id,
        author: referenceOf(users.kremer),
      });
      // A Binary no document references, beside an acceptable document of Tom's.
      const unreferenced: BundleEntry<Binary> = {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Binary',
          contentType: 'text/html',
          data: Buffer.from('<script>alert(document.cookie)</script>').toString('base64'),
        },
        request: { method: 'POST', url: 'Binary' },
      };
      overwrite(unreferenced);
      bundle.entry!.push(unreferenced);
      assertRefused(await send(users.kremer, bundle), 3);
      const after = await content(users.weber, certificate);
      assert.equal(after.status, 200);
      assert.equal(after.headers.get('content-type'), 'application/pdf');
      assert.equal(after.body, before.body);
    });
  }

  it('refuses an unreferenced Binary even of an allowed type, and one Binary shared by two documents', async () => {
    const spare = await submission({ patient: patients.tom.id, author: referenceOf(users.muller) });
    spare.entry!.push({ ...binaryEntryOf(spare), fullUrl: `urn:uuid:${randomUUID()}` });
    assertRefused(await send(users.muller, spare), 3);

    const shared = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.muller),
    });
    const second = structuredClone(shared.entry![1]!);
    second.fullUrl = `urn:uuid:${randomUUID()}`;
    const identifier = `urn:uuid:${randomUUID()}`;
    (second.resource as DocumentReference).masterIdentifier!.value = identifier;
    second.request!.ifNoneExist = `identifier=urn:ietf:rfc:3986|${identifier}`;
    shared.entry!.push(second);
    (shared.entry![0]!.resource as List).entry!.push({ item: { reference: second.fullUrl } });
    assertRefused(await send(users.muller, shared), 2);
  });

  const summaryId = documents.summary.id;
  const moves: Record<string, (entry: BundleEntry) => void> = {
    [`PUT DocumentReference/${summaryId}`]: (entry) => {
      entry.request = { method: 'PUT', url: `DocumentReference/${summaryId}` };
      entry.resource!.id = summaryId;
    },
    'POST with the id in the resource': (entry) => {
      entry.resource!.id = summaryId;
    },
  };
  for (const [how, move] of Object.entries(moves)) {
    it(`the blocked doctor cannot move Marie's summary into Tom's record (${how})`, async () => {
      const bundle = await submission({
        patient: patients.tom.id,
        author: referenceOf(users.kremer),
      });
      move(bundle.entry![1]!);
      const answer = await send(users.kremer, bundle);
      if (how.startsWith('PUT')) assertRefused(answer, 1, '.request');
      const locations = ((answer.body as Bundle).entry ?? []).map((e) => e.response?.location);
      assert.ok(
        !locations.some((l) => l?.startsWith(`DocumentReference/${summaryId}/`)),
        `answered ${locations.join(', ')}`,
      );
      const summary = await call(users.weber, 'GET', `DocumentReference/${summaryId}`);
      const kept = summary.body as DocumentReference;
      assert.equal(kept.subject?.reference, `Patient/${patients.marie.id}`);
      assert.equal(kept.author?.[0]?.reference, `Practitioner/${practitioners.weber.id}`);
      assert.equal(kept.meta?.versionId, '1');
      assert.equal((await call(users.kremer, 'GET', `DocumentReference/${summaryId}`)).status, 403);
    });
  }

  const hiddenId = documents.hidden.id;
  // [how, the change, the part of the entry a refusal names (none: the id is ignored)]
  const replaces: [string, (entry: BundleEntry) => void, string | undefined][] = [
    [
      `PUT DocumentReference/${hiddenId}`,
      (entry) => {
        entry.request = { method: 'PUT', url: `DocumentReference/${hiddenId}` };
        entry.resource!.id = hiddenId;
      },
      '.request',
    ],
    [
      `PATCH DocumentReference/${hiddenId}`,
      (entry) => {
        entry.request = { method: 'PATCH', url: `DocumentReference/${hiddenId}` };
      },
      '.request',
    ],
    [
      'the document’s reference as fullUrl',
      (entry) => {
        entry.fullUrl = `DocumentReference/${hiddenId}`;
      },
      '.fullUrl',
    ],
    [
      'POST with the id in the resource',
      (entry) => {
        entry.resource!.id = hiddenId;
      },
      undefined,
    ],
  ];
  for (const [how, replace, refusedAt] of replaces) {
    it(`Marie cannot replace the result hidden from her (${how})`, async () => {
      const bundle = await submission({
        patient: patients.marie.id,
        author: referenceOf(users.marie),
        typeCode: 'expression-titulaire',
      });
      replace(bundle.entry![1]!);
      const answer = await send(users.marie, bundle);
      if (refusedAt !== undefined) assertRefused(answer, 1, refusedAt);
      const hidden = await call(users.muller, 'GET', `DocumentReference/${hiddenId}`);
      const kept = hidden.body as DocumentReference;
      assert.equal(kept.meta?.versionId, '1');
      assert.equal(kept.author?.[0]?.reference, `Practitioner/${practitioners.muller.id}`);
      assert.ok(kept.securityLabel?.some((l) => l.coding?.[0]?.code === 'hidden-from-patient'));
      assert.equal((await call(users.marie, 'GET', `DocumentReference/${hiddenId}`)).status, 404);
    });
  }
});

describe('ITI-65 authorship and identifiers', () => {
  before(async () => {
    server = await startCliServer();
  });
  after(() => server.stop());

  const spoofs: [string, string, string][] = [
    // [caller, patient, the author claimed]
    [users.weber, patients.marie.id, `Practitioner/${practitioners.muller.id}`],
    [users.kremer, patients.tom.id, `Practitioner/${practitioners.muller.id}`],
    [users.schmitt, patients.marie.id, 'Organization/chl'],
    [users.marie, patients.marie.id, `Practitioner/${practitioners.weber.id}`],
    [users.claire, patients.lucien.id, `Patient/${patients.lucien.id}`],
  ];
  for (const [user, patient, claimed] of spoofs) {
    it(`${user} cannot write a document authored by ${claimed}`, async () => {
      const own = user === users.marie || user === users.claire;
      const bundle = await submission({
        patient,
        author: claimed,
        typeCode: own ? 'expression-titulaire' : 'rapport-medical',
      });
      assertRefused(await send(user, bundle), 1, '.resource.author');
      // The attempt is in the patient's access log, refused.
      const log = await call(patient, 'GET', `AuditEvent?patient=${patient}&_sort=-date`);
      const [last] = auditRows(
        ((log.body as Bundle).entry ?? []).map((e) => e.resource as AuditEvent),
      );
      assert.deepEqual(
        [last?.who.reference, last?.action, last?.outcome],
        [referenceOf(user), 'create', 'refused'],
      );
    });
  }

  it('accepts each caller writing as themselves (the control of the refusals above)', async () => {
    for (const [user, patient] of [
      [users.weber, patients.marie.id],
      [users.kremer, patients.tom.id],
      [users.marie, patients.marie.id],
      [users.claire, patients.lucien.id],
    ] as const) {
      const own = user === users.marie || user === users.claire;
      const bundle = await submission({
        patient,
        author: referenceOf(user),
        typeCode: own ? 'expression-titulaire' : 'rapport-medical',
      });
      const answer = await send(user, bundle);
      assert.equal(answer.status, 200, `${user}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
  });

  const summaryIdentifier = documents.summary.masterIdentifier!.value!;
  for (const [user, patient] of [
    [users.lucien, patients.lucien.id],
    [users.kremer, patients.tom.id],
  ] as const) {
    it(`${user} learns nothing of Marie's summary from its identifier`, async () => {
      const bundle = await submission({
        patient,
        author: referenceOf(user),
        typeCode: user === users.lucien ? 'expression-titulaire' : 'rapport-medical',
        masterIdentifier: summaryIdentifier,
      });
      const answer = await send(user, bundle);
      assert.equal(answer.status, 200);
      const entries = (answer.body as Bundle).entry ?? [];
      assert.equal(entries[1]?.response?.status, '201 Created');
      assert.doesNotMatch(JSON.stringify(answer.body), new RegExp(documents.summary.id));
      const created = (entries[1]?.response?.location ?? '').split('/')[1] ?? '';
      const read = await call(user, 'GET', `DocumentReference/${created}`);
      assert.equal((read.body as DocumentReference).subject?.reference, `Patient/${patient}`);
    });
  }

  it('Marie learns nothing of the result hidden from her from its identifier', async () => {
    const bundle = await submission({
      patient: patients.marie.id,
      author: referenceOf(users.marie),
      typeCode: 'expression-titulaire',
      masterIdentifier: documents.hidden.masterIdentifier!.value!,
    });
    const answer = await send(users.marie, bundle);
    assert.doesNotMatch(JSON.stringify(answer.body), new RegExp(documents.hidden.id));
    assert.equal(
      (await call(users.marie, 'GET', `DocumentReference/${documents.hidden.id}`)).status,
      404,
    );
  });

  it('gives new content an unguessable id, owned by its document alone', async () => {
    const locations: string[] = [];
    for (let i = 0; i < 2; i++) {
      const bundle = await submission({
        patient: patients.marie.id,
        author: referenceOf(users.weber),
      });
      const answer = await send(users.weber, bundle);
      assert.equal(answer.status, 200);
      const [, doc, binary] = ((answer.body as Bundle).entry ?? []).map(
        (e) => e.response?.location ?? '',
      );
      const id = binary!.split('/')[1] ?? '';
      // 122 random bits (a version-4 UUID), nothing taken from the submission.
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.doesNotMatch(JSON.stringify(bundle), new RegExp(id));
      locations.push(id);
      const stored = await call(users.weber, 'GET', `Binary/${id}`);
      assert.equal((stored.body as Binary).securityContext?.reference, doc!.split('/_history/')[0]);
      // Served raw as its declared type only: no browser guesses HTML from the bytes.
      const raw = await content(users.weber, id);
      assert.equal(raw.headers.get('x-content-type-options'), 'nosniff');
    }
    assert.notEqual(locations[0], locations[1]);
  });

  it('refuses a second document with an identifier the record holds, unless it is a resend', async () => {
    const first = await submission({ patient: patients.tom.id, author: referenceOf(users.muller) });
    assert.equal((await send(users.muller, first)).status, 200);
    const identifier = documentOf(first).masterIdentifier!.value!;
    const again = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.muller),
      masterIdentifier: identifier,
    });
    delete again.entry![1]!.request!.ifNoneExist;
    assertRefused(await send(users.muller, again), 1, '.resource.masterIdentifier');
  });

  it('answers a malformed submission with 422 and its entry, never a 500', async () => {
    const noContent = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.kremer),
    });
    delete (documentOf(noContent) as Partial<DocumentReference>).content;
    assertRefused(await send(users.kremer, noContent), 1, '.resource.content');

    const noItem = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.kremer),
    });
    (noItem.entry![0]!.resource as List).entry = [{} as never];
    assertRefused(await send(users.kremer, noItem), 0, '.resource.entry[0]');

    const nullEntry = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.kremer),
    });
    nullEntry.entry!.push(null as never);
    assertRefused(await send(users.kremer, nullEntry), 3);
  });

  it('keeps the SubmissionSet about the same patient, listing the documents it brings', async () => {
    const foreign = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.kremer),
    });
    (foreign.entry![0]!.resource as List).subject = { reference: `Patient/${patients.marie.id}` };
    assertRefused(await send(users.kremer, foreign), 0, '.resource.subject');

    const listing = await submission({
      patient: patients.tom.id,
      author: referenceOf(users.kremer),
    });
    (listing.entry![0]!.resource as List).entry!.push({
      item: { reference: `DocumentReference/${documents.summary.id}` },
    });
    assertRefused(await send(users.kremer, listing), 0, '.resource.entry');
  });
});

describe('ITI-65 from DspClient: its MHD Comprehensive bundle, end to end', () => {
  before(async () => {
    server = await startCliServer();
  });
  after(() => server.stop());

  const client = (user: string) =>
    new DspClient({
      baseUrl: server.url,
      tokens: staticTokenProvider(`mock:${user}`),
      retry: false,
    });

  it('stores the submission once, resent or not, and serves its content through its document', async () => {
    const bytes = new TextEncoder().encode('Compte rendu de consultation\n');
    const submission: DocumentSubmission = {
      uuid: randomUUID(),
      patient: patients.marie.id,
      author: { reference: `Practitioner/${practitioners.muller.id}`, display: 'Dr Anne Muller' },
      date: '2026-11-26T10:00:00Z',
      documents: [
        {
          uuid: randomUUID(),
          typeCode: 'rapport-medical',
          title: 'Consultation',
          contentType: 'text/plain',
          data: Buffer.from(bytes).toString('base64'),
          size: bytes.byteLength,
          hash: await sha1Base64(bytes),
          maskedFromProfessionals: true,
        },
      ],
    };
    const muller = client(users.muller);
    const first = await muller.provideDocuments(submission);
    assert.deepEqual(
      first.entries.map((e) => e.status),
      ['201 Created', '201 Created', '201 Created'],
    );
    const again = await muller.provideDocuments(submission);
    assert.deepEqual(
      again.entries.map((e) => [e.status, e.location]),
      first.entries.map((e) => ['200 OK', e.location]),
    );
    const id = (first.entries[1]?.location ?? '').split('/')[1] ?? '';
    // Its author (contained, as MHD's Comprehensive metadata wants) reads the document she
    // masked, which only she and the référent may see; the List lists it by its id.
    const stored = await muller.readDocument(id);
    assert.equal(stored.masterIdentifier?.value, `urn:uuid:${submission.documents[0]!.uuid}`);
    assert.equal(stored.author?.[0]?.display, 'Dr Anne Muller');
    const content = await muller.retrieveContent(stored.content[0]!.attachment);
    assert.equal(await content.text(), 'Compte rendu de consultation\n');
    assert.equal((await call(users.schmitt, 'GET', `DocumentReference/${id}`)).status, 404);
    assert.equal((await call(users.weber, 'GET', `DocumentReference/${id}`)).status, 200);
    // Found by its author's name (ITI-67), through the contained author.
    const byAuthor = await muller.searchDocuments({ patient: patients.marie.id, author: 'Muller' });
    assert.ok(byAuthor.entries.some((d) => d.id === id));
  });
});

/**
 * The FHIRPath Patch (FHIR R4 fhirpatch.html) of MHD's UpdateDocumentRefs slice, written out as
 * the standard defines it: one `replace` operation setting `DocumentReference.status` to
 * `superseded`.
 */
function supersedePatch(): Parameters {
  return {
    resourceType: 'Parameters',
    parameter: [
      {
        name: 'operation',
        part: [
          { name: 'type', valueCode: 'replace' },
          { name: 'path', valueString: 'DocumentReference.status' },
          { name: 'value', valueCode: 'superseded' },
        ],
      },
    ],
  };
}

/**
 * An acceptable submission of one document replacing `target` (ITI-65.md, "Replace … Associations"):
 * the document's `relatesTo` `replaces` and, as entry 3, the PATCH superseding the target.
 */
async function replacing(attempt: Attempt, target: string): Promise<Bundle> {
  const bundle = await submission(attempt);
  documentOf(bundle).relatesTo = [
    { code: 'replaces', target: { reference: `DocumentReference/${target}` } },
  ];
  bundle.entry!.push({
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: supersedePatch(),
    request: { method: 'PATCH', url: `DocumentReference/${target}` },
  });
  return bundle;
}
const patchOf = (bundle: Bundle) => bundle.entry![3]!.resource as Parameters;
const RELATES_TO = '.resource.relatesTo[0].target';

describe('ITI-65 replacement: the replaced document superseded in the same transaction', () => {
  before(async () => {
    server = await startCliServer();
  });
  after(() => server.stop());

  const read = async (user: string, id: string) =>
    (await call(user, 'GET', `DocumentReference/${id}`)).body as DocumentReference;
  /** Every document of the record, whatever its status, as `user` may list them. */
  const record = async (user: string, patient: string) =>
    (
      (
        (
          await call(
            user,
            'GET',
            `DocumentReference?patient=${patient}&status=current,superseded,entered-in-error&_count=1000`,
          )
        ).body as Bundle
      ).entry ?? []
    ).map((e) => e.resource as DocumentReference);
  /** Asserts that the refused replacement left the target and the record as they were. */
  async function assertNothingApplied(
    reader: string,
    patient: string,
    target: string,
    before: readonly DocumentReference[],
  ): Promise<void> {
    const kept = await read(reader, target);
    assert.equal(kept.status, 'current');
    assert.equal(kept.meta?.versionId, '1');
    assert.deepEqual(
      (await record(reader, patient)).map((d) => d.id).sort(),
      before.map((d) => d.id).sort(),
    );
  }
  const updates = async (patient: string, document: string) => {
    const log = await call(patient, 'GET', `AuditEvent?patient=${patient}&_sort=-date`);
    return auditRows(((log.body as Bundle).entry ?? []).map((e) => e.resource as AuditEvent))
      .filter((r) => r.action === 'update' && r.document?.id === document)
      .map((r) => [r.who.reference, r.outcome]);
  };

  // [what, caller, patient, author type, target, the status and the element a refusal names]
  const attacks: [string, string, string, string, string, number, number, string][] = [
    [
      'a document of another author',
      users.weber,
      patients.marie.id,
      'rapport-medical',
      documents.cardiology.id,
      403,
      1,
      RELATES_TO,
    ],
    [
      'a patient superseding a professional’s document',
      users.marie,
      patients.marie.id,
      'expression-titulaire',
      documents.certificate.id,
      403,
      1,
      RELATES_TO,
    ],
    [
      'an assistant superseding a professional’s document',
      users.claire,
      patients.lucien.id,
      'expression-titulaire',
      documents.lucienDischarge.id,
      403,
      1,
      RELATES_TO,
    ],
    [
      'a blocked doctor',
      users.kremer,
      patients.marie.id,
      'rapport-medical',
      documents.summary.id,
      403,
      1,
      '.resource.subject',
    ],
    [
      'a closed DSP, the caller its document’s author',
      users.kremer,
      patients.sophie.id,
      'rapport-medical',
      documents.sophieSummary.id,
      403,
      1,
      '.resource.subject',
    ],
  ];
  for (const [what, user, patient, typeCode, target, status, entry, path] of attacks) {
    it(`refuses ${what}, whole, and leaves the target current`, async () => {
      const reader = patient === patients.sophie.id ? patient : users.weber;
      const before = await record(reader, patient);
      const bundle = await replacing({ patient, author: referenceOf(user), typeCode }, target);
      const answer = await send(user, bundle);
      assert.equal(answer.status, status, JSON.stringify(answer.body).slice(0, 300));
      assertRefused(answer, entry, path);
      await assertNothingApplied(reader, patient, target, before);
    });
  }

  it('answers a document the caller may not see exactly as an unknown one (masked, hidden, another record)', async () => {
    const unknown = async (user: string, patient: string, typeCode: string, target: string) => {
      const answer = await send(
        user,
        await replacing({ patient, author: referenceOf(user), typeCode }, target),
      );
      assertRefused(answer, 1, RELATES_TO);
      const outcome = answer.body as OperationOutcome;
      return [
        answer.status,
        outcome.issue.map((i) => [i.code, i.details?.text?.replace(target, '<id>')]),
      ];
    };
    const before = await record(users.weber, patients.marie.id);
    // Dr Hansen reads Marie's record, but not the document Marie masked from professionals.
    assert.equal(
      (await call(users.hansen, 'GET', `DocumentReference/${documents.masked.id}`)).status,
      404,
    );
    const none = await unknown(users.hansen, patients.marie.id, 'rapport-medical', 'doc-none');
    assert.equal(none[0], 422);
    assert.deepEqual(
      await unknown(users.hansen, patients.marie.id, 'rapport-medical', documents.masked.id),
      none,
    );
    // Her own document, in Nadia's record, named from Marie's.
    assert.deepEqual(
      await unknown(users.hansen, patients.marie.id, 'rapport-medical', documents.nadiaAllergy.id),
      none,
    );
    // Marie and the result hidden from her until it is explained.
    assert.deepEqual(
      await unknown(users.marie, patients.marie.id, 'expression-titulaire', documents.hidden.id),
      await unknown(users.marie, patients.marie.id, 'expression-titulaire', 'doc-none'),
    );
    await assertNothingApplied(users.weber, patients.marie.id, documents.masked.id, before);
    await assertNothingApplied(users.weber, patients.marie.id, documents.hidden.id, before);
    assert.equal((await read(users.hansen, documents.nadiaAllergy.id)).status, 'current');
  });

  const tampered: [string, (patch: Parameters) => void][] = [
    [
      'another field (the author)',
      (patch) => {
        const [, path, value] = patch.parameter![0]!.part!;
        path!.valueString = 'DocumentReference.author';
        delete value!.valueCode;
        value!.valueReference = { reference: `Practitioner/${practitioners.muller.id}` };
      },
    ],
    [
      'another status',
      (patch) => {
        patch.parameter![0]!.part![2]!.valueCode = 'entered-in-error';
      },
    ],
    [
      'a delete rather than a replace',
      (patch) => {
        patch.parameter![0]!.part![0]!.valueCode = 'delete';
      },
    ],
    [
      'an extra operation',
      (patch) => {
        patch.parameter!.push({
          name: 'operation',
          part: [
            { name: 'type', valueCode: 'delete' },
            { name: 'path', valueString: 'DocumentReference.securityLabel' },
          ],
        });
      },
    ],
    [
      'an extra part',
      (patch) => {
        patch.parameter![0]!.part!.push({ name: 'index', valueInteger: 0 });
      },
    ],
  ];
  for (const [how, tamper] of tampered) {
    it(`refuses a PATCH of ${how}`, async () => {
      const before = await record(users.weber, patients.marie.id);
      const bundle = await replacing(
        { patient: patients.marie.id, author: referenceOf(users.weber) },
        documents.certificate.id,
      );
      tamper(patchOf(bundle));
      const answer = await send(users.weber, bundle);
      assert.equal(answer.status, 422);
      assertRefused(answer, 3, '.resource.parameter');
      await assertNothingApplied(users.weber, patients.marie.id, documents.certificate.id, before);
    });
  }

  it('refuses a PATCH without its relatesTo, and a relatesTo without its PATCH', async () => {
    const before = await record(users.weber, patients.marie.id);
    const patchAlone = await replacing(
      { patient: patients.marie.id, author: referenceOf(users.weber) },
      documents.certificate.id,
    );
    delete documentOf(patchAlone).relatesTo;
    const alone = await send(users.weber, patchAlone);
    assert.equal(alone.status, 422);
    assertRefused(alone, 3, '.request.url');

    const relationAlone = await replacing(
      { patient: patients.marie.id, author: referenceOf(users.weber) },
      documents.certificate.id,
    );
    relationAlone.entry!.pop();
    const unpatched = await send(users.weber, relationAlone);
    assert.equal(unpatched.status, 422);
    assertRefused(unpatched, 1, RELATES_TO);

    // A PATCH of another document than the one replaced: both halves lack their other.
    const mismatched = await replacing(
      { patient: patients.marie.id, author: referenceOf(users.weber) },
      documents.certificate.id,
    );
    mismatched.entry![3]!.request!.url = `DocumentReference/${documents.summary.id}`;
    const crossed = await send(users.weber, mismatched);
    assertRefused(crossed, 1, RELATES_TO);
    assertRefused(crossed, 3, '.request.url');
    await assertNothingApplied(users.weber, patients.marie.id, documents.certificate.id, before);
    assert.equal((await read(users.weber, documents.summary.id)).meta?.versionId, '1');
  });

  it('lets the author replace their document: the old one superseded and still readable, the new one current, audited', async () => {
    const target = documents.certificate.id;
    const bundle = await replacing(
      { patient: patients.marie.id, author: referenceOf(users.weber), text: 'Certificat v2\n' },
      target,
    );
    const answer = await send(users.weber, bundle);
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    const entries = (answer.body as Bundle).entry ?? [];
    assert.deepEqual(
      entries.map((e) => e.response?.status),
      ['201 Created', '201 Created', '201 Created', '200 OK'],
    );
    assert.equal(entries[3]?.response?.location, `DocumentReference/${target}/_history/2`);
    const old = await read(users.weber, target);
    assert.equal(old.status, 'superseded');
    assert.equal(old.meta?.versionId, '2');
    // Nothing else of it changed: the author's words stay theirs.
    const unversioned = (doc: DocumentReference): Partial<DocumentReference> => {
      const copy: Partial<DocumentReference> = structuredClone(doc);
      delete copy.meta;
      delete copy.status;
      return copy;
    };
    assert.deepEqual(unversioned(old), unversioned(documents.certificate));
    // Its content stays readable; the patient reads it too.
    assert.equal((await content(users.weber, contentId(old))).status, 200);
    assert.equal((await read(users.marie, target)).status, 'superseded');
    const id = (entries[1]?.response?.location ?? '').split('/')[1] ?? '';
    const replacement = await read(users.weber, id);
    assert.equal(replacement.status, 'current');
    assert.deepEqual(replacement.relatesTo, [
      { code: 'replaces', target: { reference: `DocumentReference/${target}` } },
    ]);
    // The list (status=current) shows the new document, not the old one.
    const current = (
      (
        (await call(users.weber, 'GET', `DocumentReference?patient=${patients.marie.id}`))
          .body as Bundle
      ).entry ?? []
    ).map((e) => e.resource?.id);
    assert.ok(current.includes(id));
    assert.ok(!current.includes(target));
    assert.deepEqual(await updates(patients.marie.id, target), [
      [`Practitioner/${practitioners.weber.id}`, 'success'],
    ]);

    // The answer was lost: the same submission again changes nothing and succeeds.
    const again = await send(users.weber, bundle);
    assert.equal(again.status, 200, JSON.stringify(again.body).slice(0, 300));
    assert.deepEqual(
      ((again.body as Bundle).entry ?? []).map((e) => [e.response?.status, e.response?.location]),
      [
        ['200 OK', entries[0]?.response?.location],
        ['200 OK', entries[1]?.response?.location],
        ['200 OK', entries[2]?.response?.location],
        ['200 OK', `DocumentReference/${target}/_history/2`],
      ],
    );
    assert.equal((await read(users.weber, target)).meta?.versionId, '2');
    assert.equal((await updates(patients.marie.id, target)).length, 1);

    // Another document cannot replace it again: it is no longer current.
    const late = await send(
      users.weber,
      await replacing({ patient: patients.marie.id, author: referenceOf(users.weber) }, target),
    );
    assert.equal(late.status, 409);
    assertRefused(late, 1, RELATES_TO);
  });

  it('lets the patient replace their own note, and a colleague of the author’s organisation replace its document', async () => {
    const own = await send(
      users.marie,
      await replacing(
        {
          patient: patients.marie.id,
          author: referenceOf(users.marie),
          typeCode: 'expression-titulaire',
        },
        documents.ownNote.id,
      ),
    );
    assert.equal(own.status, 200, JSON.stringify(own.body).slice(0, 300));
    assert.equal((await read(users.marie, documents.ownNote.id)).status, 'superseded');
    // The CHL signed Lucien's discharge letter; Dr Muller works at the CHL (policy default).
    const colleague = await send(
      users.muller,
      await replacing(
        { patient: patients.lucien.id, author: referenceOf(users.muller) },
        documents.lucienDischarge.id,
      ),
    );
    assert.equal(colleague.status, 200, JSON.stringify(colleague.body).slice(0, 300));
    assert.equal((await read(users.muller, documents.lucienDischarge.id)).status, 'superseded');
  });
});
