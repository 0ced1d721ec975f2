// The access-rights panel's words in English.
import type { AccessRightsMessages } from './access-rights.messages.js';

const en: AccessRightsMessages = {
  label: 'Access rights to the DSP',
  loading: 'Loading access rights…',
  noPatient: 'No patient selected.',
  failed: 'The access rights could not be loaded.',
  saveFailed: 'The change was not saved.',
  saving: 'Saving…',
  readOnly: 'Only the patient (or their DSP assistant) manages these rights.',
  ownAccessOpen: (count) =>
    count === 1
      ? 'You have access to this DSP: 1 document is visible to you.'
      : `You have access to this DSP: ${count} documents are visible to you.`,
  ownAccessRefused: 'You have no access to this DSP.',
  ownAccessEmergency: 'In an emergency, you may ask for emergency access from the document list.',
  readOnlyDetail:
    'You can neither see nor change them. Your access to this DSP follows the patient’s choices and your profession’s rules; each of your accesses shows in their log.',
  closedBanner: 'This DSP is closed: no professional has access to it.',
  professionals: 'Health professionals',
  referent: 'Referring doctor',
  referentHelp:
    'Declared to the CNS, they see all your documents, masked ones included. They are not changed here: contact the CNS.',
  noReferent: 'No referring doctor is declared to the CNS.',
  listLabel: 'Professionals with a particular right',
  noProfessionals: 'You have neither blocked nor explicitly allowed any professional.',
  status: {
    none: 'Default rules',
    blocked: 'Blocked',
    granted: 'Explicit access',
    full: 'Full access (masked documents included)',
  },
  block: 'Block',
  unblock: 'Unblock',
  grant: 'Allow',
  grantFull: 'Give full access',
  revoke: 'Withdraw access',
  extend: 'Extend to restricted documents',
  limit: 'Limit to normal documents',
  extendedMark: 'extended (restricted documents included)',
  grantLevel: 'Level of new grants',
  levelNormal: 'Normal: normal documents (N)',
  levelExtended: 'Extended: normal and restricted documents (N and R)',
  levelHelp:
    'Extended access also covers your restricted documents (R). This choice applies to “Allow” and “Give full access”; an existing grant is changed on its row.',
  veryRestrictedHelp:
    'No grant opens your very restricted documents (V): only their author, you and, under the DSP’s rules, your referring doctor see them.',
  grantedExtended: 'Extended access: restricted documents included.',
  search: 'Search the directory',
  searchName: 'Name',
  searchProfession: 'Profession',
  anyProfession: 'Any',
  searchButton: 'Search',
  searching: 'Searching…',
  noResults: 'No professional found.',
  results: (count) => (count === 1 ? '1 professional found' : `${count} professionals found`),
  searchFailed: 'The directory search failed.',
  documents: 'Masked documents',
  documentsHelp:
    'A masked document is invisible to professionals, except its author, your referring doctor and those you give full access.',
  noMasked: 'No document is masked.',
  chooseDocument: 'Document to mask',
  chooseNone: 'Choose a document',
  mask: 'Mask',
  unmask: 'Unmask',
  untitled: 'Untitled document',
  emergency: 'Emergency access',
  emergencyHelp:
    'In an emergency, a professional may open your DSP without your prior consent (“break the glass”) by stating a reason. This access lasts 24 hours, is recorded and shown to you in the log.',
  emergencyAllow: 'Allow emergency access',
  emergencyRefuse: 'Refuse emergency access',
  emergencyRefuseHelp:
    'If you refuse, an emergency team will not be able to read your documents, even if you cannot speak.',
  openClose: 'DSP open or closed',
  openState: 'Your DSP is open.',
  closedState: 'Your DSP is closed.',
  closeHelp:
    'Closing the DSP takes access away from every professional, your referring doctor and emergencies included. Your documents and choices are kept; reopening restores everything.',
  reopenHelp: 'Reopening restores your blocks, grants and masked documents as they were.',
  closeButton: 'Close the DSP',
  reopenButton: 'Reopen the DSP',
  closeDialog: 'Close your DSP?',
  confirmWord: 'CLOSE',
  confirmLabel: (word) => `Type ${word} to confirm`,
  confirmWrong: (word) => `The word typed is not ${word}: nothing was closed.`,
  confirmClose: 'Confirm closing',
  cancel: 'Cancel',
  assistant: 'DSP assistant',
  assistantHelp:
    'A DSP assistant has the same rights as you: they may read your DSP and manage these rights on your behalf.',
  assistants: 'Your DSP assistants',
  noAssistant: 'You have no DSP assistant.',
  assistantsLoading: 'Loading DSP assistants…',
  assistantsFailed: 'The DSP assistants could not be loaded.',
  removeAssistant: 'Remove',
  addAssistant: 'Name an assistant',
  addAssistantHelp:
    'The assistant signs in with their own identity. Only the patient names an assistant; an assistant may withdraw themselves.',
  assistantGiven: 'First name',
  assistantFamily: 'Family name',
  assistantMatricule: 'Matricule (13 digits)',
  addAssistantButton: 'Name as assistant',
  addAssistantFailed: 'The assistant was not named.',
  assistantAlready: (who) => `${who} is already your DSP assistant.`,
  assistantsOfPatient: 'The patient’s DSP assistants',
  you: '(you)',
  delegateNote:
    'You are a DSP assistant of this patient. Only the patient names or withdraws other assistants; you may withdraw yourself.',
  withdrawSelf: 'Withdraw myself',
  withdrawSelfTitle: 'Withdraw as DSP assistant?',
  withdrawSelfHelp:
    'You will no longer have access to this DSP or its access rights, and you cannot undo this: only the patient can name you again.',
  withdrawSelfConfirm: 'Yes, withdraw me',
  selfWithdrawn: 'You are no longer a DSP assistant of this patient.',
  selfWithdrawnDetail:
    'You no longer have access to this DSP. Only the patient can name you again.',
  invalidUser: (value) =>
    `“${value}” does not name the signed-in user: expected Patient/…, RelatedPerson/… or Practitioner/… (or the URL of one of these resources).`,
  fieldRequired: {
    given: 'Enter the assistant’s first name.',
    family: 'Enter the assistant’s family name.',
    matricule: 'Enter the assistant’s matricule (13 digits).',
  },
  tooLong: (max) => `At most ${max} characters.`,
  matriculeProblem: {
    format: 'A matricule has digits only.',
    length: (digits) => `A matricule has 13 digits; this one has ${digits}.`,
    date: 'The first eight digits are not a birth date (YYYYMMDD).',
    luhn: 'The 12th digit (a check digit) does not match: check the matricule.',
    verhoeff: 'The 13th digit (a check digit) does not match: check the matricule.',
    self: 'This is the patient’s own matricule: a patient cannot be their own assistant.',
  },
  pending: 'Not saved yet:',
  pendingHelp: 'Your change is kept here. Try again once the connection is back, or discard it.',
  discard: 'Discard this change',
  notSaved: 'not saved',
  blockReferentTitle: 'Block your referring doctor?',
  blockReferentHelp: (who) =>
    `${who} is your referring doctor, declared to the CNS. Once blocked, they will see no document of your DSP, not even to coordinate your care; they stay your referring doctor at the CNS. You can unblock them at any time.`,
  blockReferentConfirm: 'Block anyway',
  invalidActor: (id) =>
    `“${id}” is not a professional’s identifier (Practitioner/… or PractitionerRole/…).`,
  otherRules: 'Other rules',
  otherRulesHelp:
    'These rules were set elsewhere, for example by another application. They stay in force: this panel shows them, does not change them, and keeps them on every save.',
  ruleType: { permit: 'Permit', deny: 'Deny', other: 'Rule' },
  ruleFor: (who) => `for ${who}`,
  ruleDocuments: (titles) => `documents: ${titles}`,
  ruleSince: (date) => `from ${date}`,
  ruleUntil: (date) => `until ${date}`,
  rulePurpose: (purposes) => `purpose: ${purposes}`,
  ruleMore: 'with further conditions',
  quote: (title) => `“${title}”`,
  changes: {
    block: (who) => `${who} is blocked.`,
    unblock: (who) => `${who} is no longer blocked.`,
    grant: (who) => `${who} has explicit access.`,
    'grant-full': (who) => `${who} has full access.`,
    extend: (who) => `${who} also sees your restricted documents (extended access).`,
    limit: (who) => `${who} no longer sees your restricted documents (normal access).`,
    revoke: (who) => `${who} no longer has a particular access.`,
    mask: (title) => `“${title}” is masked.`,
    unmask: (title) => `“${title}” is no longer masked.`,
    'break-glass-allowed': () => 'Emergency access is allowed.',
    'break-glass-refused': () => 'Emergency access is refused.',
    close: () => 'The DSP is closed.',
    reopen: () => 'The DSP is open again; your choices are restored.',
    'add-assistant': (who) => `${who} is now your DSP assistant.`,
    'remove-assistant': (who) => `${who} is no longer your DSP assistant.`,
  },
  meanwhile: 'Changed meanwhile elsewhere (another device or your assistant):',
  reapplied: 'Your change was applied on top.',
  alreadyDone: 'Your change had already been made.',
  undo: 'Undo this change',
  undone: 'Change undone.',
  dismiss: 'Dismiss the message',
  toAssistant: {
    levelHelp:
      'Extended access also covers the patient’s restricted documents (R). This choice applies to “Allow” and “Give full access”; an existing grant is changed on its row.',
    veryRestrictedHelp:
      'No grant opens the patient’s very restricted documents (V): only their author, the patient and, under the DSP’s rules, their referring doctor see them.',
    extended: (who) => `${who} also sees the patient’s restricted documents (extended access).`,
    limited: (who) => `${who} no longer sees the patient’s restricted documents (normal access).`,
    referentHelp:
      'Declared to the CNS, they see all the patient’s documents, masked ones included. They are not changed here: the patient contacts the CNS.',
    noProfessionals: 'No professional is blocked or explicitly allowed.',
    documentsHelp:
      'A masked document is invisible to professionals, except its author, the patient’s referring doctor and those given full access.',
    emergencyHelp:
      'In an emergency, a professional may open this DSP without the patient’s prior consent (“break the glass”) by stating a reason. This access lasts 24 hours, is recorded and shown in the log.',
    emergencyRefuseHelp:
      'If emergency access is refused, an emergency team will not be able to read the patient’s documents, even if the patient cannot speak.',
    openState: (patient) => (patient ? `${patient}’s DSP is open.` : 'This DSP is open.'),
    closedState: (patient) => (patient ? `${patient}’s DSP is closed.` : 'This DSP is closed.'),
    closeHelp:
      'Closing the DSP takes access away from every professional, the referring doctor and emergencies included. The patient’s documents and choices are kept; reopening restores everything.',
    reopenHelp:
      'Reopening restores the patient’s blocks, grants and masked documents as they were.',
    closeDialog: (patient) => (patient ? `Close ${patient}’s DSP?` : 'Close this DSP?'),
    blockReferentTitle: (patient) =>
      patient ? `Block ${patient}’s referring doctor?` : 'Block the patient’s referring doctor?',
    blockReferentHelp: (who) =>
      `${who} is the patient’s referring doctor, declared to the CNS. Once blocked, they will see no document of this DSP, not even to coordinate the patient’s care; they stay the patient’s referring doctor at the CNS. You can unblock them at any time.`,
    reopened: 'The DSP is open again; the patient’s choices are restored.',
    meanwhile: 'Changed meanwhile elsewhere (another device, the patient or another assistant):',
  },
};

export default en;
