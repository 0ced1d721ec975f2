// How the access-rights panel names what it shows: a professional (as the directory, the change or
// the Consent names them), their profession and place, a document, and a change in words.
import { professionByCode, professionLabel, type DspLanguage } from '@dsp-kit/fhir/vocabulary';
import type { Reference } from '@medplum/fhirtypes';
import { documentTitle, type AccessRightsController } from './access-rights.controller.js';
import type { AccessRightsMessages } from './access-rights.messages.js';
import { changeOf, type AccessEdit } from './edits.js';

export class Names {
  constructor(
    private readonly rights: AccessRightsController,
    private readonly words: () => AccessRightsMessages,
    private readonly language: () => DspLanguage,
  ) {}

  nameOf(actor: Reference): string {
    const reference = actor.reference ?? '';
    return (
      this.rights.people.get(reference)?.name ??
      actor.display ??
      this.#knownDisplay(reference) ??
      reference
    );
  }

  /** The display the Consent itself carries for a professional. */
  #knownDisplay(reference: string): string | undefined {
    const s = this.rights.summary;
    if (!s) return undefined;
    return [...s.blocked, ...s.granted.map((g) => g.actor)].find(
      (a) => a.reference === reference && a.display,
    )?.display;
  }

  /** Profession and place, as one line (empty when unknown). */
  roleOf(reference: string): string {
    const person = this.rights.people.get(reference);
    const profession = person?.profession ? professionByCode(person.profession) : undefined;
    return [
      profession ? professionLabel(profession, this.language(), person?.gender) : undefined,
      person?.organization,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  titleOf(documentId: string): string {
    const document = this.rights.documents.find((d) => d.id === documentId);
    return (document ? documentTitle(document) : undefined) ?? this.words().untitled;
  }

  /** A change said in words, against what the Consent said before it. */
  describe(edit: AccessEdit, before: Parameters<typeof changeOf>[1]): string {
    const change = changeOf(edit, before);
    const m = this.words();
    if (edit.target === 'actor') {
      const said = m.changes[change](
        this.nameOf({
          reference: edit.actorId,
          ...(edit.display ? { display: edit.display } : {}),
        }),
      );
      // A new grant says its level when it is extended (a normal one reads as it always did).
      const extendedGrant = (change === 'grant' || change === 'grant-full') && edit.extended;
      return extendedGrant ? `${said} ${m.grantedExtended}` : said;
    }
    if (edit.target === 'document') return m.changes[change](this.titleOf(edit.documentId));
    return m.changes[change]('');
  }
}
