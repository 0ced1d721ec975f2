// @dsp-kit/mock: a DSP server for msw. Environment-neutral; see ./browser, ./node and the
// `dsp-mock-server` CLI to run it.
export * as fixtures from './fixtures.js';
export { mockToken } from './fixtures.js';
export { createDspServer } from './server.js';
export type { DspServer, DspServerOptions } from './server.js';
export { createHandlers } from './handlers.js';
export { DspStore } from './store.js';
export { scenarios } from './scenarios.js';
export type { Scenario, ScenarioName } from './scenarios.js';
export { Policy, defaultProfessionMatrix, refusalText } from './policy.js';
export type { PolicyOptions, ProfessionMatrix, Refusal } from './policy.js';
export { AGENCY_USER, callerOf, identifyMockToken } from './identity.js';
export type { Caller, Identify } from './identity.js';
export { ALLOWED_CONTENT_TYPES, DEFAULT_MAX_SIZE } from './transaction.js';
export { generateDataset, seed2017Dataset, snapshotBound, SEED_2017_DATES } from './dataset.js';
export type { DatasetOptions } from './dataset.js';
export { seed2017 } from './data/seed-2017.js';
export type { Seed2017Row, Seed2017Table } from './data/seed-2017.js';
export { sampleFiles, writePdf } from './sample-files.js';
export type { SampleFile } from './sample-files.js';
