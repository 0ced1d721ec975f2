// The access-rights panel's "other rules": the Consent's provisions it does not understand, said in
// plain words and shown read-only (they are kept, untouched, on every save).
import type { ConsentProvision } from '@medplum/fhirtypes';
import { html, nothing, type TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { Names } from './names.js';
import { partsOf } from './provisions.js';

export interface OtherRulesView {
  readonly m: AccessRightsMessages;
  /** How the panel names professionals and documents. */
  readonly names: Pick<Names, 'nameOf' | 'titleOf'>;
  readonly formatDate: (date: string) => string;
}

/** One rule as a sentence: its kind, then who, what, when and why. */
export function describeRule(rule: ConsentProvision, view: OtherRulesView): string {
  const { m } = view;
  const parts = partsOf(rule);
  const details = [
    parts.actors.length > 0
      ? m.ruleFor(parts.actors.map((a) => view.names.nameOf(a)).join(', '))
      : undefined,
    parts.documents.length > 0
      ? m.ruleDocuments(parts.documents.map((id) => m.quote(view.names.titleOf(id))).join(', '))
      : undefined,
    parts.start ? m.ruleSince(view.formatDate(parts.start)) : undefined,
    parts.end ? m.ruleUntil(view.formatDate(parts.end)) : undefined,
    parts.purposes.length > 0 ? m.rulePurpose(parts.purposes.join(', ')) : undefined,
    parts.more ? m.ruleMore : undefined,
  ].filter((part): part is string => part !== undefined);
  const kind = m.ruleType[parts.type ?? 'other'];
  return details.length > 0 ? `${kind} — ${details.join(' · ')}` : kind;
}

export function renderOtherRules(
  rules: readonly ConsentProvision[],
  view: OtherRulesView,
): TemplateResult | typeof nothing {
  if (rules.length === 0) return nothing;
  const { m } = view;
  return html`<section part="other-rules" aria-labelledby="other-rules">
    <h3 id="other-rules">${m.otherRules}</h3>
    <p class="help">${m.otherRulesHelp}</p>
    <ul aria-label=${m.otherRules}>
      ${rules.map((rule) => html`<li part="row rule">${describeRule(rule, view)}</li>`)}
    </ul>
  </section>`;
}
