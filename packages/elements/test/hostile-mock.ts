// The mock DSP seeded with the hostile corpus: one patient whose every server-given text — titles,
// contents, authors, types, professionals, organisations, rules, assistants, audit entries — holds
// one hostile string per record, beside one record of ordinary text; and clients signed in to it.
import { staticTokenProvider } from '@dsp-kit/auth';
import {
  blockProfessional,
  buildAuditEvent,
  defaultConsent,
  DOCUMENT_TYPE_SYSTEM,
  DspClient,
  grantAccess,
  maskDocument,
  MATRICULE_SYSTEM,
  PROFESSION_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  sha1Base64,
  type Consent,
  type DocumentReference,
} from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import { fixtures, mockToken, sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { Resource } from '@medplum/fhirtypes';
import { hostileStrings, ordinaryText } from './hostile-strings.js';

export const PATIENT = 'hostile-patient';

/** The texts the records hold: the ordinary one first (index 0), then the corpus. */
export const texts: readonly string[] = [ordinaryText, ...hostileStrings.map((h) => h.text)];

/** What a record's text is called in a failing test's message. */
export function nameOf(index: number): string {
  return index === 0 ? 'ordinary text' : (hostileStrings[index - 1]?.name ?? `#${index}`);
}

export const documentId = (i: number) => `hostile-doc-${i}`;
export const practitionerId = (i: number) => `hostile-pro-${i}`;
/** A PNG document, titled with the first hostile string. */
export const IMAGE_DOCUMENT = 'hostile-image';
/** The médecin référent: the professional of the first hostile string. */
export const REFERENT = 1;
/** A document, and an access to it, dated with text that is no date. */
export const DATED_DOCUMENT = 'hostile-date';
export const DATED_TITLE = 'Document à la date illisible';
export const HOSTILE_DATE = '=1+1<img src=x onerror=alert(1)>';

/**
 * The directory group of record `i`: its professional's first name, so that a search for it
 * finds at most 16 of them (the client asks the directory for 20).
 */
export function directoryGroup(i: number): string {
  return ['Alpha', 'Bravo', 'Charlie', 'Delta'][Math.floor(i / 16)] ?? 'Echo';
}

const encode = (text: string) => new TextEncoder().encode(text);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A day of 2026 per record, so that the lists' order is the records' order. */
function dateOf(i: number): string {
  return new Date(Date.UTC(2026, 0, 1 + i, 9, 30)).toISOString();
}

/** Record `i`'s day, `YYYY-MM-DD` (the same in every time zone from UTC−9 to UTC+14). */
export function dayOf(i: number): string {
  return dateOf(i).slice(0, 10);
}

async function document(
  id: string,
  text: string,
  author: string,
  date: string,
  contentType: string,
  bytes: Uint8Array,
): Promise<[DocumentReference, Resource]> {
  const reference: DocumentReference = {
    resourceType: 'DocumentReference',
    id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
    status: 'current',
    // A type the DSP does not know: the panels then show the server's own text for it.
    type: { coding: [{ system: DOCUMENT_TYPE_SYSTEM, code: `${id}-type`, display: text }], text },
    category: [{ text }],
    subject: { reference: `Patient/${PATIENT}`, display: text },
    date,
    author: [{ reference: author, display: text }],
    description: text,
    securityLabel: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }],
      },
    ],
    content: [
      {
        attachment: {
          contentType,
          language: 'fr',
          url: `Binary/content-${id}`,
          size: bytes.byteLength,
          hash: await sha1Base64(bytes as Uint8Array<ArrayBuffer>),
          title: text,
          creation: date,
        },
      },
    ],
    context: { facilityType: { text } },
  };
  const binary = {
    resourceType: 'Binary',
    id: `content-${id}`,
    contentType,
    data: base64(bytes),
  } as Resource;
  return [reference, binary];
}

/** The patient's Consent: even records' professionals blocked, odd ones granted, and so on. */
function consent(): Consent {
  let c = defaultConsent(PATIENT, '2026-01-01T00:00:00Z');
  texts.forEach((text, i) => {
    const actor = { reference: `Practitioner/${practitionerId(i)}`, display: text };
    c = i % 2 === 0 ? blockProfessional(c, actor) : grantAccess(c, actor, { full: i % 4 === 1 });
    if (i % 2 === 0) c = maskDocument(c, documentId(i));
  });
  // Rules another application wrote, which the panel shows read-only: one per record, naming a
  // professional, a document and a purpose with the record's text.
  const rules = texts.map((text, i) => ({
    type: 'permit' as const,
    actor: [
      {
        role: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' },
          ],
        },
        reference: { reference: `Practitioner/hostile-rule-${i}`, display: text },
      },
    ],
    data: [
      {
        meaning: 'instance' as const,
        reference: { reference: `DocumentReference/${documentId(i)}` },
      },
    ],
    purpose: [{ system: PURPOSE_OF_USE_SYSTEM, code: 'TREAT', display: text }],
  }));
  c.provision = { ...c.provision, provision: [...(c.provision?.provision ?? []), ...rules] };
  return { ...c, id: `consent-${PATIENT}` };
}

/** Every resource of the hostile patient's DSP, beside the fixtures. */
export async function hostileResources(): Promise<Resource[]> {
  const resources: Resource[] = [
    {
      resourceType: 'Patient',
      id: PATIENT,
      identifier: [{ system: MATRICULE_SYSTEM, value: makeMatricule('1980-02-29', 7) }],
      name: [{ family: 'Probe', given: ['Paula'] }],
      gender: 'female',
      birthDate: '1980-02-29',
      generalPractitioner: [
        { reference: `Practitioner/${practitionerId(REFERENT)}`, display: texts[REFERENT] },
      ],
    },
    consent(),
  ];
  for (const [i, text] of texts.entries()) {
    const organization = `hostile-org-${i}`;
    resources.push(
      { resourceType: 'Organization', id: organization, name: text, alias: [text], active: true },
      {
        resourceType: 'Practitioner',
        id: practitionerId(i),
        active: true,
        name: [{ given: [directoryGroup(i)], family: text }],
      },
      {
        resourceType: 'PractitionerRole',
        id: `role-${practitionerId(i)}`,
        active: true,
        practitioner: { reference: `Practitioner/${practitionerId(i)}`, display: text },
        organization: { reference: `Organization/${organization}`, display: text },
        code: [{ coding: [{ system: PROFESSION_SYSTEM, code: 'medecin-generaliste' }] }],
        specialty: [{ text }],
      },
      {
        resourceType: 'RelatedPerson',
        id: `hostile-assistant-${i}`,
        active: true,
        patient: { reference: `Patient/${PATIENT}` },
        identifier: [{ system: MATRICULE_SYSTEM, value: makeMatricule('1990-01-01', 100 + i) }],
        name: [{ given: ['Aide'], family: text }],
      },
      {
        ...buildAuditEvent({
          action: 'read',
          outcome: 'refused',
          recorded: dateOf(i),
          agent: { reference: `Practitioner/${practitionerId(i)}`, display: text },
          profession: 'medecin-generaliste',
          organization: { reference: `Organization/${organization}`, display: text },
          purposeOfUse: ['BTG'],
          reason: text,
          patient: PATIENT,
          document: { id: documentId(i), title: text, typeCode: 'resume-patient' },
          outcomeDescription: text,
        }),
        id: `hostile-audit-${i}`,
      },
      ...(await document(
        documentId(i),
        text,
        `Practitioner/${practitionerId(i)}`,
        dateOf(i),
        'text/plain; charset=utf-8',
        encode(text),
      )),
    );
  }
  resources.push(
    {
      ...buildAuditEvent({
        action: 'read',
        outcome: 'refused',
        recorded: HOSTILE_DATE,
        agent: { reference: 'Practitioner/hostile-dater', display: DATED_TITLE },
        profession: 'medecin-generaliste',
        organization: { reference: 'Organization/hostile-dater-org', display: DATED_TITLE },
        purposeOfUse: ['BTG'],
        reason: DATED_TITLE,
        patient: PATIENT,
        document: { id: DATED_DOCUMENT, title: DATED_TITLE, typeCode: 'resume-patient' },
        outcomeDescription: DATED_TITLE,
      }),
      id: 'hostile-audit-date',
    },
    ...(await document(
      DATED_DOCUMENT,
      DATED_TITLE,
      `Practitioner/${practitionerId(0)}`,
      HOSTILE_DATE,
      'text/plain; charset=utf-8',
      encode(DATED_TITLE),
    )),
  );
  const png = sampleFiles().find((f) => f.contentType === 'image/png');
  if (!png) throw new Error('The mock has no PNG sample');
  resources.push(
    ...(await document(
      IMAGE_DOCUMENT,
      texts[1] ?? '',
      `Practitioner/${practitionerId(1)}`,
      dateOf(texts.length),
      'image/png',
      png.bytes,
    )),
  );
  return resources;
}

/**
 * The panels' font in these tests. Chromium's `system-ui` on Linux lays a 10,000-character word
 * out about 50 times slower than `sans-serif` (about a second per text, against 20 ms), and a
 * record shows the very long string several times: a host's font keeps the run short; nothing
 * checked depends on the font.
 */
export const HOST_FONT = '--dsp-font-family: sans-serif';

let running: Sandbox | undefined;

/** The mock server of this test file: the fixtures and the hostile patient's DSP. */
export function sandbox(): Sandbox {
  if (!running) throw new Error('useHostileMock() was not called in this file');
  return running;
}

/** Starts the seeded mock for the file's tests and stops it after them. */
export function useHostileMock(): void {
  before(async () => {
    running = await startSandbox({
      data: [...fixtures.fixtureResources, ...(await hostileResources())],
    });
  });
  after(() => {
    running?.stop();
    running = undefined;
  });
}

/** A client signed in as `user` (the hostile patient by default). */
export function as(user: string = PATIENT): DspClient {
  return new DspClient({
    baseUrl: sandbox().server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}
