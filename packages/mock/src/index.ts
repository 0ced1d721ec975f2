// @dsp-kit/mock: a DSP server for msw. Environment-neutral; see ./browser and ./node to start it.
export * as fixtures from './fixtures.js';
export { createDspServer } from './server.js';
export type { DspServer, DspServerOptions } from './server.js';
export { DspStore } from './store.js';
export { scenarios } from './scenarios.js';
export type { Scenario, ScenarioName } from './scenarios.js';
