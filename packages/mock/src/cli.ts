#!/usr/bin/env node
// dsp-mock-server: the mock DSP server on real HTTP, for curl, other origins and editors' backends.
import { parseArgs } from 'node:util';
import { fixtureResources } from './fixtures.js';
import { generateDataset, seed2017Dataset } from './dataset.js';
import { startHttpServer } from './http-server.js';

const usage = `Usage: dsp-mock-server [--port 8787] [--host 127.0.0.1] [--seed N --patients N --documents N] [--dataset seed2017]

Serves the mock DSP server (FHIR R4, IHE MHD/PCF/BALP) at http://<host>:<port>/fhir with CORS.
Data: the named fixtures, plus a generated dataset when --seed is given, or the agency's 2017
figures with --dataset seed2017. Sign in with "Authorization: Bearer mock:<user-id>", e.g.
mock:paul-weber (doctor), mock:marie-schmit (patient), mock:agence-esante (statistics).`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`dsp-mock-server: --${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return number;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      patients: { type: 'string' },
      documents: { type: 'string' },
      dataset: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(
    `dsp-mock-server: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`,
  );
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.dataset !== undefined && values.dataset !== 'seed2017') {
  console.error(`dsp-mock-server: unknown --dataset "${values.dataset}" (known: seed2017)`);
  process.exit(2);
}
const data = [...fixtureResources];
if (values.dataset === 'seed2017') data.push(...seed2017Dataset());
if (values.seed !== undefined) {
  data.push(
    ...generateDataset({
      seed: integer(values.seed, 'seed', 1),
      patients: integer(values.patients, 'patients', 100),
      documents: integer(values.documents, 'documents', 2000),
    }),
  );
}
const running = await startHttpServer({
  port: integer(values.port, 'port', 8787),
  host: values.host ?? '127.0.0.1',
  data,
});
console.log(`DSP mock server at ${running.url} (${data.length} resources). Ctrl-C to stop.`);
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
