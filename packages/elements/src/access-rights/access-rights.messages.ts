// The access-rights panel's words: its sections, what each choice means, and what changed.
import { catalog } from '../i18n/catalog.js';
import type { DspAccessChange } from './access-rights.events.js';
import type { ActorStatus } from './edits.js';

type Changes = Record<DspAccessChange, (subject: string) => string>;
type Statuses = Record<ActorStatus, string>;

const fr = {
  label: 'Droits d’accès au DSP',
  loading: 'Chargement des droits d’accès…',
  noPatient: 'Aucun patient sélectionné.',
  failed: 'Les droits d’accès n’ont pas pu être chargés.',
  saveFailed: 'La modification n’a pas été enregistrée.',
  saving: 'Enregistrement…',
  readOnly: 'Seul le patient (ou son assistant DSP) gère ces droits.',
  ownAccessOpen: (count: number) =>
    count === 1
      ? 'Vous avez accès à ce DSP : 1 document vous est visible.'
      : `Vous avez accès à ce DSP : ${count} documents vous sont visibles.`,
  ownAccessRefused: 'Vous n’avez pas accès à ce DSP.',
  ownAccessEmergency:
    'En cas d’urgence, vous pouvez demander un accès en urgence depuis la liste des documents.',
  readOnlyDetail:
    'Vous ne pouvez ni les consulter ni les modifier. Votre accès à ce DSP suit les choix du patient et les règles de votre profession ; chacun de vos accès figure dans son journal.',
  closedBanner: 'Ce DSP est fermé : aucun professionnel n’y a accès.',
  professionals: 'Professionnels de santé',
  referent: 'Médecin référent',
  referentHelp:
    'Déclaré à la CNS, il voit tous vos documents, même masqués. Il ne se change pas ici : adressez-vous à la CNS.',
  noReferent: 'Aucun médecin référent n’est déclaré à la CNS.',
  listLabel: 'Professionnels avec un droit particulier',
  noProfessionals: 'Vous n’avez bloqué ni autorisé aucun professionnel en particulier.',
  status: {
    none: 'Règles par défaut',
    blocked: 'Bloqué',
    granted: 'Accès explicite',
    full: 'Accès complet (documents masqués compris)',
  } satisfies Statuses,
  block: 'Bloquer',
  unblock: 'Débloquer',
  grant: 'Autoriser',
  grantFull: 'Donner l’accès complet',
  revoke: 'Retirer l’accès',
  extend: 'Étendre aux documents restreints',
  limit: 'Limiter aux documents normaux',
  extendedMark: 'étendu (documents restreints compris)',
  grantLevel: 'Niveau des nouvelles autorisations',
  levelNormal: 'Normal : documents normaux (N)',
  levelExtended: 'Étendu : documents normaux et restreints (N et R)',
  levelHelp:
    'Un accès étendu couvre aussi vos documents restreints (R). Ce choix vaut pour « Autoriser » et « Donner l’accès complet » ; une autorisation existante se change sur sa ligne.',
  veryRestrictedHelp:
    'Vos documents très restreints (V) ne s’ouvrent par aucune autorisation : seuls leur auteur, vous et, selon les règles du DSP, votre médecin référent les voient.',
  grantedExtended: 'Accès étendu : documents restreints compris.',
  search: 'Rechercher dans l’annuaire',
  searchName: 'Nom',
  searchProfession: 'Profession',
  anyProfession: 'Toutes',
  searchButton: 'Rechercher',
  searching: 'Recherche…',
  noResults: 'Aucun professionnel trouvé.',
  results: (count: number) =>
    count === 1 ? '1 professionnel trouvé' : `${count} professionnels trouvés`,
  searchFailed: 'La recherche dans l’annuaire a échoué.',
  documents: 'Documents masqués',
  documentsHelp:
    'Un document masqué est invisible pour les professionnels, sauf son auteur, votre médecin référent et ceux à qui vous donnez l’accès complet.',
  noMasked: 'Aucun document n’est masqué.',
  chooseDocument: 'Document à masquer',
  chooseNone: 'Choisir un document',
  mask: 'Masquer',
  unmask: 'Démasquer',
  untitled: 'Document sans titre',
  emergency: 'Accès en urgence',
  emergencyHelp:
    'En urgence, un professionnel peut ouvrir votre DSP sans votre accord préalable (« bris de glace ») en indiquant un motif. Cet accès dure 24 heures, il est tracé et vous est signalé dans le journal.',
  emergencyAllow: 'Autoriser l’accès en urgence',
  emergencyRefuse: 'Refuser l’accès en urgence',
  emergencyRefuseHelp:
    'Si vous refusez, une équipe d’urgence ne pourra pas lire vos documents, même si vous ne pouvez pas parler.',
  openClose: 'Ouverture du DSP',
  openState: 'Votre DSP est ouvert.',
  closedState: 'Votre DSP est fermé.',
  closeHelp:
    'Fermer le DSP retire l’accès à tous les professionnels, médecin référent et urgences compris. Vos documents et vos choix sont conservés ; la réouverture rétablit tout.',
  reopenHelp:
    'La réouverture rétablit vos blocages, autorisations et masquages tels qu’ils étaient.',
  closeButton: 'Fermer le DSP',
  reopenButton: 'Rouvrir le DSP',
  closeDialog: 'Fermer votre DSP ?',
  confirmWord: 'FERMER',
  confirmLabel: (word: string) => `Tapez ${word} pour confirmer`,
  confirmWrong: (word: string) => `Le mot tapé n’est pas ${word} : rien n’a été fermé.`,
  confirmClose: 'Confirmer la fermeture',
  cancel: 'Annuler',
  assistant: 'Assistant DSP',
  assistantHelp:
    'Un assistant DSP a les mêmes droits que vous : il peut consulter votre DSP et gérer ces droits en votre nom.',
  assistants: 'Vos assistants DSP',
  noAssistant: 'Vous n’avez pas d’assistant DSP.',
  assistantsLoading: 'Chargement des assistants DSP…',
  assistantsFailed: 'Les assistants DSP n’ont pas pu être chargés.',
  removeAssistant: 'Retirer',
  addAssistant: 'Désigner un assistant',
  addAssistantHelp:
    'L’assistant se connecte avec sa propre identité. Seul le patient désigne un assistant ; un assistant peut se retirer lui-même.',
  assistantGiven: 'Prénom',
  assistantFamily: 'Nom',
  assistantMatricule: 'Matricule (13 chiffres)',
  addAssistantButton: 'Désigner comme assistant',
  addAssistantFailed: 'L’assistant n’a pas été désigné.',
  assistantAlready: (who: string) => `${who} est déjà votre assistant DSP.`,
  assistantsOfPatient: 'Les assistants DSP du patient',
  you: '(vous)',
  delegateNote:
    'Vous êtes assistant DSP de ce patient. Seul le patient désigne ou retire d’autres assistants ; vous pouvez vous retirer vous-même.',
  withdrawSelf: 'Me retirer',
  withdrawSelfTitle: 'Vous retirer comme assistant DSP ?',
  withdrawSelfHelp:
    'Vous n’aurez plus accès à ce DSP ni à ses droits d’accès, et vous ne pourrez pas annuler ce retrait : seul le patient pourra vous désigner de nouveau.',
  withdrawSelfConfirm: 'Oui, me retirer',
  selfWithdrawn: 'Vous n’êtes plus assistant DSP de ce patient.',
  selfWithdrawnDetail:
    'Vous n’avez plus accès à ce DSP. Seul le patient peut vous désigner de nouveau.',
  invalidUser: (value: string) =>
    `« ${value} » ne désigne pas l’utilisateur connecté : attendu Patient/…, RelatedPerson/… ou Practitioner/… (ou l’URL d’une de ces ressources).`,
  fieldRequired: {
    given: 'Indiquez le prénom de l’assistant.',
    family: 'Indiquez le nom de l’assistant.',
    matricule: 'Indiquez le matricule de l’assistant (13 chiffres).',
  },
  tooLong: (max: number) => `${max} caractères au plus.`,
  matriculeProblem: {
    format: 'Un matricule ne contient que des chiffres.',
    length: (digits: number) => `Un matricule a 13 chiffres ; celui-ci en a ${digits}.`,
    date: 'Les huit premiers chiffres ne forment pas une date de naissance (AAAAMMJJ).',
    luhn: 'Le 12e chiffre (contrôle) ne correspond pas : vérifiez le matricule.',
    verhoeff: 'Le 13e chiffre (contrôle) ne correspond pas : vérifiez le matricule.',
    self: 'C’est le matricule du patient : un patient ne peut pas être son propre assistant.',
  },
  pending: 'Pas encore enregistré :',
  pendingHelp:
    'Votre modification est gardée ici. Réessayez quand la connexion revient, ou abandonnez-la.',
  discard: 'Abandonner cette modification',
  notSaved: 'non enregistré',
  blockReferentTitle: 'Bloquer votre médecin référent ?',
  blockReferentHelp: (who: string) =>
    `${who} est votre médecin référent, déclaré à la CNS. Bloqué, il ne verra plus aucun document de votre DSP, même pour coordonner vos soins ; il reste votre médecin référent auprès de la CNS. Vous pourrez le débloquer à tout moment.`,
  blockReferentConfirm: 'Bloquer quand même',
  invalidActor: (id: string) =>
    `« ${id} » n’est pas un identifiant de professionnel (Practitioner/… ou PractitionerRole/…).`,
  otherRules: 'Autres règles',
  otherRulesHelp:
    'Ces règles ont été posées ailleurs, par exemple par une autre application. Elles restent en vigueur : ce panneau les montre sans les modifier et les conserve à chaque enregistrement.',
  ruleType: { permit: 'Autorisation', deny: 'Refus', other: 'Règle' },
  ruleFor: (who: string) => `pour ${who}`,
  ruleDocuments: (titles: string) => `documents : ${titles}`,
  ruleSince: (date: string) => `à partir du ${date}`,
  ruleUntil: (date: string) => `jusqu’au ${date}`,
  rulePurpose: (purposes: string) => `motif : ${purposes}`,
  ruleMore: 'avec d’autres conditions',
  quote: (title: string) => `« ${title} »`,
  changes: {
    block: (who) => `${who} est bloqué.`,
    unblock: (who) => `${who} n’est plus bloqué.`,
    grant: (who) => `${who} a un accès explicite.`,
    'grant-full': (who) => `${who} a l’accès complet.`,
    extend: (who) => `${who} voit aussi vos documents restreints (accès étendu).`,
    limit: (who) => `${who} ne voit plus vos documents restreints (accès normal).`,
    revoke: (who) => `${who} n’a plus d’accès particulier.`,
    mask: (title) => `« ${title} » est masqué.`,
    unmask: (title) => `« ${title} » n’est plus masqué.`,
    'break-glass-allowed': () => 'L’accès en urgence est autorisé.',
    'break-glass-refused': () => 'L’accès en urgence est refusé.',
    close: () => 'Le DSP est fermé.',
    reopen: () => 'Le DSP est rouvert ; vos choix sont rétablis.',
    'add-assistant': (who) => `${who} est maintenant votre assistant DSP.`,
    'remove-assistant': (who) => `${who} n’est plus votre assistant DSP.`,
  } satisfies Changes,
  meanwhile: 'Modifié entre-temps ailleurs (autre appareil ou assistant) :',
  reapplied: 'Votre modification a été appliquée en plus.',
  alreadyDone: 'Votre modification était déjà faite.',
  undo: 'Annuler cette modification',
  undone: 'Modification annulée.',
  dismiss: 'Masquer le message',
  /**
   * What a DSP assistant reads instead of the sentences above that speak to the patient as the
   * owner of the DSP: the same, said about the patient (`patient`: their name, when known).
   */
  toAssistant: {
    levelHelp:
      'Un accès étendu couvre aussi les documents restreints (R) du patient. Ce choix vaut pour « Autoriser » et « Donner l’accès complet » ; une autorisation existante se change sur sa ligne.',
    veryRestrictedHelp:
      'Les documents très restreints (V) du patient ne s’ouvrent par aucune autorisation : seuls leur auteur, le patient et, selon les règles du DSP, son médecin référent les voient.',
    extended: (who: string) =>
      `${who} voit aussi les documents restreints du patient (accès étendu).`,
    limited: (who: string) =>
      `${who} ne voit plus les documents restreints du patient (accès normal).`,
    referentHelp:
      'Déclaré à la CNS, il voit tous les documents du patient, même masqués. Il ne se change pas ici : le patient s’adresse à la CNS.',
    noProfessionals: 'Aucun professionnel n’est bloqué ni autorisé en particulier.',
    documentsHelp:
      'Un document masqué est invisible pour les professionnels, sauf son auteur, le médecin référent du patient et ceux qui ont l’accès complet.',
    emergencyHelp:
      'En urgence, un professionnel peut ouvrir ce DSP sans l’accord préalable du patient (« bris de glace ») en indiquant un motif. Cet accès dure 24 heures, il est tracé et signalé dans le journal.',
    emergencyRefuseHelp:
      'En cas de refus, une équipe d’urgence ne pourra pas lire les documents du patient, même s’il ne peut pas parler.',
    openState: (patient?: string) =>
      patient ? `Le DSP de ${patient} est ouvert.` : 'Ce DSP est ouvert.',
    closedState: (patient?: string) =>
      patient ? `Le DSP de ${patient} est fermé.` : 'Ce DSP est fermé.',
    closeHelp:
      'Fermer le DSP retire l’accès à tous les professionnels, médecin référent et urgences compris. Les documents et les choix du patient sont conservés ; la réouverture rétablit tout.',
    reopenHelp:
      'La réouverture rétablit les blocages, autorisations et masquages du patient tels qu’ils étaient.',
    closeDialog: (patient?: string) =>
      patient ? `Fermer le DSP de ${patient} ?` : 'Fermer ce DSP ?',
    blockReferentTitle: (patient?: string) =>
      patient
        ? `Bloquer le médecin référent de ${patient} ?`
        : 'Bloquer le médecin référent du patient ?',
    blockReferentHelp: (who: string) =>
      `${who} est le médecin référent du patient, déclaré à la CNS. Bloqué, il ne verra plus aucun document de ce DSP, même pour coordonner les soins du patient ; il reste son médecin référent auprès de la CNS. Vous pourrez le débloquer à tout moment.`,
    reopened: 'Le DSP est rouvert ; les choix du patient sont rétablis.',
    meanwhile: 'Modifié entre-temps ailleurs (autre appareil, le patient ou un autre assistant) :',
  },
};

export type AccessRightsMessages = typeof fr;

export const accessRightsMessages = catalog(fr, {
  de: () => import('./access-rights.messages.de.js'),
  en: () => import('./access-rights.messages.en.js'),
  lb: () => import('./access-rights.messages.lb.js'),
});
