// What a patient's DSP already holds, by content: the SHA-1 of each document's attachments, read
// once per client and patient, so the uploader can say a file is there already. FHIR has no search
// by attachment hash: the index is built from the patient's most recent documents, within a bound.

import type { DocumentReference, DspClient } from '@dsp-kit/fhir';

/** A document of the DSP whose content matched. */
export interface KnownDocument {
  readonly id: string | undefined;
  readonly title: string | undefined;
  /** Its `masterIdentifier`: a file's own earlier send, found again, is no duplicate. */
  readonly masterIdentifier: string | undefined;
}

/** How many of the patient's most recent documents are looked at (100 a page). */
export const KNOWN_CONTENT_LIMIT = 2_000;

type Index = Map<string, KnownDocument>;
const indexes = new WeakMap<DspClient, Map<string, Promise<Index>>>();

async function readIndex(client: DspClient, patient: string): Promise<Index> {
  const index: Index = new Map();
  let page = await client.searchDocuments({ patient, _count: 100 });
  let seen = 0;
  for (;;) {
    for (const document of page.entries) addDocument(index, document);
    seen += page.entries.length;
    if (seen >= KNOWN_CONTENT_LIMIT || !page.hasNext) return index;
    const next = await page.next();
    if (!next) return index;
    page = next;
  }
}

function addDocument(index: Index, document: DocumentReference): void {
  for (const { attachment } of document.content) {
    if (attachment.hash && !index.has(attachment.hash)) {
      index.set(attachment.hash, {
        id: document.id,
        title: attachment.title ?? document.description,
        masterIdentifier: document.masterIdentifier?.value,
      });
    }
  }
}

function indexOf(client: DspClient, patient: string): Promise<Index> {
  let byPatient = indexes.get(client);
  if (!byPatient) {
    byPatient = new Map();
    indexes.set(client, byPatient);
  }
  let index = byPatient.get(patient);
  if (!index) {
    const patients = byPatient;
    index = readIndex(client, patient).catch((error: unknown) => {
      // Not known is not a problem: offline or refused, the check is skipped and tried next time.
      patients.delete(patient);
      throw error;
    });
    byPatient.set(patient, index);
  }
  return index;
}

/**
 * The document of `patient`'s DSP with this content (`hash`, SHA-1 in base64), if there is one
 * among their most recent; undefined when none is, or when the DSP cannot be read now.
 */
export async function findInDsp(
  client: DspClient,
  patient: string,
  hash: string,
): Promise<KnownDocument | undefined> {
  try {
    return (await indexOf(client, patient)).get(hash);
  } catch {
    return undefined;
  }
}

/** Records a document just sent, so the same content added again is known to be there. */
export function rememberInDsp(
  client: DspClient,
  patient: string,
  hash: string,
  document: KnownDocument,
): void {
  void indexes
    .get(client)
    ?.get(patient)
    ?.then((index) => {
      if (!index.has(hash)) index.set(hash, document);
    })
    .catch(() => undefined);
}
