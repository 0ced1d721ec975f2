// The access-rights panel's confidentiality choice as state: the document and level (N, R, V) the
// patient or an assistant chose, saved with If-Match on the version the panel listed, and what
// the last save said — kept for the record it was chosen on.
import type { DocumentReference, VersionedDocument } from '@dsp-kit/fhir';
import { DspConflictError } from '@dsp-kit/fhir/errors';
import {
  CONFIDENTIALITY_SYSTEM,
  confidentialityCodes,
  label,
  type ConfidentialityCode,
  type DspLanguage,
} from '@dsp-kit/fhir/vocabulary';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { DspDocumentUpdateEvent } from '../document-viewer/document-viewer.events.js';
import { documentTitle, sameKey, type RecordKey } from './access-rights.controller.js';
import type { LevelsMessages } from './document-levels.messages.js';

/** What the choice needs of the panel at each render. */
export interface LevelsContext {
  readonly m: LevelsMessages;
  /** The patient's documents, as the panel listed them. */
  readonly documents: readonly DocumentReference[];
  readonly language: DspLanguage;
  /** A DSP assistant is signed in: who sees R and V is said about the patient. */
  readonly assistant: boolean;
  readonly renderError: (error: unknown, title: string) => TemplateResult;
}

/** One document offered, with its level now (as saved here last, or as listed). */
export interface LevelRow {
  readonly id: string;
  readonly title: string;
  readonly level: ConfidentialityCode;
  /** The ETag of the version shown, when known without asking the server. */
  readonly etag: string | undefined;
}

/** What the section shows of the choice, and what its controls call. */
export interface LevelsView {
  readonly m: LevelsMessages;
  /** Who sees R and V, said to whoever is signed in. */
  readonly help: string;
  readonly rows: readonly LevelRow[];
  readonly documentId: string;
  /** The level the select shows: the one chosen, else the chosen document's own. */
  readonly level: ConfidentialityCode;
  readonly levels: readonly { readonly code: ConfidentialityCode; readonly name: string }[];
  readonly saving: boolean;
  /** What the last save or veto said (a status). */
  readonly said: string;
  /** A change made meanwhile elsewhere, in words: the current level and the choice kept. */
  readonly meanwhile: string | undefined;
  /** Any other refusal or failure, rendered. */
  readonly failure: TemplateResult | undefined;
  readonly onDocument: (documentId: string) => void;
  readonly onLevel: (level: ConfidentialityCode) => void;
  readonly onSave: () => void;
}

/** The confidentiality a document carries; a document with none is normal, as FHIR reads it. */
export function levelOf(document: DocumentReference): ConfidentialityCode {
  const code = (document.securityLabel ?? [])
    .flatMap((l) => l.coding ?? [])
    .find((c) => c.system === CONFIDENTIALITY_SYSTEM)?.code;
  return code === 'R' || code === 'V' ? code : 'N';
}

/** The version a document says it is (`meta.versionId`), as a number to compare; 0 without one. */
function versionOf(document: DocumentReference): number {
  return Number(document.meta?.versionId ?? 0) || 0;
}

export class DocumentLevels {
  documentId = '';
  /** The level chosen, until it is saved or another document is chosen. */
  level: ConfidentialityCode | undefined;
  saving = false;
  said = '';
  /** The last save's failure; `meanwhile` when the document had changed since it was listed. */
  failure: { readonly error: unknown; readonly meanwhile: boolean } | undefined;
  /** The versions saved (or found current) here, newer than the panel's list until it reloads. */
  readonly #known = new Map<string, VersionedDocument>();
  #for: RecordKey = [undefined, undefined];

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly record: () => RecordKey,
  ) {}

  view(context: LevelsContext): LevelsView {
    this.#follow();
    const { m, language } = context;
    const levels = confidentialityCodes.map((c) => ({
      code: c.code,
      name: label(c.labels, language),
    }));
    const nameOf = (code: ConfidentialityCode) => levels.find((l) => l.code === code)?.name ?? code;
    const rows = context.documents.flatMap((listed) => (listed.id ? [this.#row(listed, m)] : []));
    const chosen = rows.find((r) => r.id === this.documentId);
    const level = this.level ?? chosen?.level ?? 'N';
    const failure = this.failure;
    return {
      m,
      help: context.assistant ? m.levelsHelpAssistant : m.levelsHelp,
      rows,
      documentId: chosen ? chosen.id : '',
      level,
      levels,
      saving: this.saving,
      said: this.said,
      meanwhile:
        failure?.meanwhile && chosen
          ? m.levelMeanwhile(nameOf(chosen.level), nameOf(level))
          : undefined,
      failure:
        failure && !failure.meanwhile
          ? context.renderError(failure.error, m.levelFailed)
          : undefined,
      onDocument: (documentId) => {
        this.documentId = documentId;
        this.level = undefined;
        this.#clear();
      },
      onLevel: (chosenLevel) => {
        this.level = chosenLevel;
        this.host.requestUpdate();
      },
      onSave: () => {
        // What is chosen now, not at the last render: a save may come before the next one.
        const row = rows.find((r) => r.id === this.documentId);
        if (!row || this.saving) return;
        const wanted = this.level ?? row.level;
        // The level it has already: nothing to send (an update changing nothing is no change).
        if (wanted === row.level) {
          this.said = m.levelSaved(row.title, nameOf(wanted));
          this.failure = undefined;
          this.host.requestUpdate();
        } else void this.#save(row, wanted, m, nameOf);
      },
    };
  }

  /**
   * A document as last known here or as listed, whichever is newer, with the ETag of that version:
   * the server's, or the listed version's (`W/"<versionId>"`, as FHIR servers send it).
   */
  #row(listed: DocumentReference, m: LevelsMessages): LevelRow {
    const known = this.#known.get(listed.id ?? '');
    const newer = known && versionOf(known.document) >= versionOf(listed);
    const document = newer ? known.document : listed;
    const version = listed.meta?.versionId;
    return {
      id: listed.id ?? '',
      title: documentTitle(document) ?? m.untitled,
      level: levelOf(document),
      etag: newer ? known.etag : version ? `W/"${version}"` : undefined,
    };
  }

  /** Another record: nothing chosen or known on the last one stays. */
  #follow(): void {
    const record = this.record();
    if (sameKey(record, this.#for)) return;
    this.#for = record;
    this.#known.clear();
    this.documentId = '';
    this.level = undefined;
    this.saving = false;
    this.said = '';
    this.failure = undefined;
  }

  #clear(): void {
    this.said = '';
    this.failure = undefined;
    this.host.requestUpdate();
  }

  async #save(
    row: LevelRow,
    level: ConfidentialityCode,
    m: LevelsMessages,
    nameOf: (code: ConfidentialityCode) => string,
  ): Promise<void> {
    const [client] = this.record();
    if (!client) return;
    this.#clear();
    const asked = new DspDocumentUpdateEvent({ documentId: row.id, change: 'confidentiality' });
    if (!this.host.dispatchEvent(asked)) {
      this.said = m.levelVetoed;
      this.host.requestUpdate();
      return;
    }
    const record = this.record();
    this.saving = true;
    this.said = m.levelSaving;
    try {
      // The version the user saw, so that a change made since is reported, never overwritten.
      const etag = row.etag ?? (await client.readDocumentVersioned(row.id)).etag;
      const saved = await client.setConfidentiality(row.id, level, etag);
      if (!sameKey(record, this.record())) return;
      this.#known.set(row.id, saved);
      if (this.documentId === row.id) this.level = undefined;
      this.said = m.levelSaved(row.title, nameOf(levelOf(saved.document)));
    } catch (error) {
      if (!sameKey(record, this.record())) return;
      this.said = '';
      // As the consent edits: the server's version shown, nothing overwritten, the level chosen
      // kept, and the next save made on the current version.
      const current = error instanceof DspConflictError ? error : undefined;
      const meanwhile =
        current?.current?.resourceType === 'DocumentReference' && current.etag !== undefined;
      if (meanwhile) this.#known.set(row.id, { document: current.current, etag: current.etag });
      this.failure = { error, meanwhile };
    } finally {
      if (sameKey(record, this.record())) {
        this.saving = false;
        this.host.requestUpdate();
      }
    }
  }
}
