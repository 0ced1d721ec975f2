// The words of the viewer's document actions, in English.
import type { ActionsMessages } from './document-actions.messages.js';

const en: ActionsMessages = {
  label: 'Document actions',
  replace: 'Replace with a new version',
  withdraw: 'Withdraw',
  correct: 'Correct',
  confidentiality: 'Confidentiality',
  confidentialitySaved: (level) => `Confidentiality saved: ${level}.`,
  confidentialityFailed: 'The confidentiality was not changed.',
  vetoed: 'The application declined this action.',
  readOnly: 'This version was replaced or withdrawn: it can be read, not changed.',
  versions: (count) => (count === 1 ? '1 earlier version' : `${count} earlier versions`),
  versionsLoading: 'Looking for earlier versions…',
  versionsFailed: 'The earlier versions could not be loaded.',
  untitled: 'Untitled document',
  replacedOn: (date, by) => (by ? `replaced on ${date} by ${by}` : `replaced on ${date}`),
  withdrawDialog: {
    title: 'Withdraw this document',
    explain:
      'The document will be marked “entered in error” and leave every list. The access log records who withdrew it, when and why.',
    reason: 'Reason for the withdrawal (required)',
    reasonMissing: 'Give the reason for the withdrawal.',
    confirm: 'Withdraw the document',
  },
  pending: (seconds) => `The document will be withdrawn in ${seconds} seconds.`,
  undo: 'Undo the withdrawal',
  undone: 'Withdrawal undone: the document stays in the DSP.',
  withdrawFailed: 'The document was not withdrawn.',
  cancel: 'Cancel',
  correctDialog: {
    title: 'Correct the document',
    save: 'Save the correction',
    reapply: 'Apply my changes to the current version',
    conflict:
      'This document was changed meanwhile. Nothing was overwritten, and what you typed is kept.',
    current: 'What the current version says:',
    nothingChanged: 'Nothing to save.',
    loading: 'Reading the document…',
    failed: 'The correction was not saved.',
    readFailed: 'The document could not be read.',
    hiddenHelp: 'For example until you have explained it to the patient.',
    fields: {
      title: 'Title',
      typeCode: 'Document type',
      date: 'Date of the act',
      confidentiality: 'Confidentiality',
      hiddenFromPatient: 'Hidden from the patient',
    },
    problems: {
      title: 'Give a title.',
      typeCode: 'Choose a DSP document type.',
      date: 'Give a valid date that is not in the future.',
    },
    yes: 'yes',
    no: 'no',
  },
  corrected: 'Correction saved.',
  replaceDialog: {
    title: 'Replace with a new version',
    explain: (title) =>
      `The new document will replace “${title}”, which stays readable as an earlier version.`,
    close: 'Close',
  },
  replaced: 'New version saved.',
};

export default en;
