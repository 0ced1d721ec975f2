#!/usr/bin/env node
// `npm run conformance`: the DspClient contract suite against any FHIR R4 server by URL. Reads the
// CapabilityStatement first, runs every check its options allow, prints a table and exits 1 when
// a check failed, 2 on bad arguments or an unreachable server.
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { DspNetworkError } from '../../src/errors.js';
import { contractChecks } from './checks.js';
import { connect, type ContractContext } from './context.js';
import { readOptions, usage, UsageError, type Options } from './options.js';
import { formatTable, runChecks } from './run.js';

function describeServer(ctx: ContractContext): string {
  const { metadata } = ctx;
  if ('unsupported' in metadata)
    return `no CapabilityStatement (${metadata.unsupported}): every check is tried`;
  if ('problem' in metadata) return `no CapabilityStatement: ${metadata.problem}`;
  // Typed as required, but a server's statement may lack it.
  const { software, fhirVersion } = metadata.statement as Partial<CapabilityStatement>;
  const name = software
    ? `${software.name}${software.version ? ` ${software.version}` : ''}`
    : 'unnamed software';
  return `${name}, FHIR ${fhirVersion ?? '(version not stated)'}`;
}

function describeRun(options: Options): string {
  if (options.patient === undefined) return 'read-only, no patient';
  return `${options.write ? 'read and write' : 'read-only'}, on Patient/${options.patient}`;
}

async function main(args: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = readOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`conformance: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  let ctx: ContractContext;
  try {
    ctx = await connect(options);
  } catch (error) {
    if (!(error instanceof DspNetworkError)) throw error;
    console.error(`conformance: cannot reach the server: ${error.message}`);
    return 2;
  }
  console.log(`Server:  ${ctx.baseUrl} (${describeServer(ctx)})`);
  console.log(`Checks:  ${describeRun(options)}\n`);
  const rows = await runChecks(contractChecks, ctx);
  console.log(formatTable(rows));
  return rows.some((row) => row.status === 'failed') ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
