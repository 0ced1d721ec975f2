// The access-rights panel's words for a DSP assistant: the patient's own, with every sentence that
// speaks to the patient as the owner of the DSP ("your DSP") said about the patient instead.
import type { AccessRightsMessages } from './access-rights.messages.js';

/**
 * The words the panel speaks to whoever is signed in: to a DSP assistant, `m` with the sentences
 * addressed to the patient replaced by those of `m.toAssistant` (`patient`: the patient's name,
 * when the panel has it); to anyone else, `m` itself.
 */
export function wordsFor(
  m: AccessRightsMessages,
  assistant: boolean,
  patient: string | undefined,
): AccessRightsMessages {
  if (!assistant) return m;
  const to = m.toAssistant;
  return {
    ...m,
    referentHelp: to.referentHelp,
    noProfessionals: to.noProfessionals,
    documentsHelp: to.documentsHelp,
    emergencyHelp: to.emergencyHelp,
    emergencyRefuseHelp: to.emergencyRefuseHelp,
    openState: to.openState(patient),
    closedState: to.closedState(patient),
    closeHelp: to.closeHelp,
    reopenHelp: to.reopenHelp,
    closeDialog: to.closeDialog(patient),
    blockReferentTitle: to.blockReferentTitle(patient),
    blockReferentHelp: to.blockReferentHelp,
    meanwhile: to.meanwhile,
    levelHelp: to.levelHelp,
    veryRestrictedHelp: to.veryRestrictedHelp,
    changes: { ...m.changes, reopen: () => to.reopened, extend: to.extended, limit: to.limited },
  };
}

/**
 * `wordsFor`, remembering its last answer: the same words (the same object) while the catalog,
 * the viewer and the patient stay, so the panel does not make them anew at each render.
 */
export function rememberedWords(): (
  m: AccessRightsMessages,
  assistant: boolean,
  patient: string | undefined,
) => AccessRightsMessages {
  let said:
    | {
        m: AccessRightsMessages;
        assistant: boolean;
        patient: string | undefined;
        words: AccessRightsMessages;
      }
    | undefined;
  return (m, assistant, patient) => {
    if (said?.m === m && said.assistant === assistant && said.patient === patient)
      return said.words;
    const words = wordsFor(m, assistant, patient);
    said = { m, assistant, patient, words };
    return words;
  };
}
