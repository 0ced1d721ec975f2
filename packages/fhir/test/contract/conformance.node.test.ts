// `npm run conformance` against the mock over real HTTP on 127.0.0.1: a read-only run writes
// nothing, a --write run leaves its documents, Consent change and withdrawn assistants on the
// server, a failed check exits 1, and a bad argument or an unreachable server exits 2 with a message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DocumentReference, RelatedPerson } from '@medplum/fhirtypes';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startHttpServer, type RunningHttpServer } from '@dsp-kit/mock/http';
import { contractChecks } from './checks.js';
import { practitionerAuthorOf } from './documents.js';
import { mockIdentities } from './mock-engine.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const { patient } = mockIdentities;
const { practitioners } = fixtures;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run conformance -- <args>` from the repository's root. */
async function conformance(args: readonly string[]): Promise<Run> {
  const child = spawn('npm', ['run', '--silent', 'conformance', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

interface TableRow {
  readonly interaction: string;
  readonly result: string;
  readonly ms: string;
}

/** The printed table's rows, cut at the columns its rule of dashes marks. */
function tableOf(stdout: string): TableRow[] {
  const lines = stdout.split('\n');
  const ruleAt = lines.findIndex((line) => /^-+ {2}-+ {2}-+$/.test(line));
  assert.ok(ruleAt > 0, `No table in:\n${stdout}`);
  const starts = [...(lines[ruleAt] ?? '').matchAll(/-+/g)].map((m) => m.index);
  const rows: TableRow[] = [];
  for (const line of lines.slice(ruleAt + 1)) {
    if (line.trim() === '') break;
    const [a = 0, b = 0, c = 0] = starts;
    rows.push({
      interaction: line.slice(a, b).trim(),
      result: line.slice(b, c).trim(),
      ms: line.slice(c).trim(),
    });
  }
  return rows;
}

const writeChecks = new Set(contractChecks.filter((c) => c.needs.write).map((c) => c.interaction));

describe('npm run conformance', () => {
  let running: RunningHttpServer;
  const professional = ['--token', mockToken(mockIdentities.professional)];
  const holder = ['--patient-token', mockToken(mockIdentities.holder)];
  before(async () => {
    running = await startHttpServer({ port: 0 });
  });
  after(() => running.close());

  /** What the server holds besides its access log: each resource and its version. */
  const holdings = () =>
    running.server.store
      .all()
      .filter((r) => r.resourceType !== 'AuditEvent')
      .map((r) => `${r.resourceType}/${r.id}/${r.meta?.versionId ?? ''}`)
      .sort();

  it('checks a server read-only: a row per interaction, each with its result and time', async () => {
    const before = holdings();
    const run = await conformance([
      '--base-url',
      running.url,
      ...professional,
      ...holder,
      '--patient',
      patient,
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const rows = tableOf(run.stdout);
    assert.deepEqual(
      rows.map((r) => r.interaction),
      contractChecks.map((c) => c.interaction),
    );
    for (const row of rows) {
      assert.match(row.ms, /^\d+$/);
      if (writeChecks.has(row.interaction)) assert.equal(row.result, 'skipped: needs --write');
      else assert.doesNotMatch(row.result, /^failed/, row.interaction);
    }
    const result = (interaction: string) => rows.find((r) => r.interaction === interaction)?.result;
    // The mock's CapabilityStatement is read first, before anything else.
    assert.equal(result('capabilities (GET metadata)'), 'passed');
    for (const interaction of [
      'read Patient',
      'ITI-67 search by patient',
      'read DocumentReference',
      'ITI-68 retrieve content',
      'count batch (_summary=count)',
      'directory search (PractitionerRole)',
      'PCF read Consent',
      'ITI-81 search AuditEvent',
      'assistants search (RelatedPerson)',
    ]) {
      assert.equal(result(interaction), 'passed', interaction);
    }
    const count = (prefix: string) => rows.filter((r) => r.result.startsWith(prefix)).length;
    assert.match(
      run.stdout,
      new RegExp(
        `${rows.length} checks: ${count('passed')} passed, 0 failed, ${count('unsupported')} unsupported, ${count('skipped')} skipped`,
      ),
    );
    assert.match(run.stdout, /Checks: {2}read-only, on Patient\/lucien-wagner/);
    assert.deepEqual(holdings(), before, 'a read-only run changed what the server holds');
  });

  it('with --write leaves its documents, its Consent change and withdrawn assistants', async () => {
    const store = running.server.store;
    const documentsBefore = new Set(store.documentsOf(patient).map((d) => d.id));
    const assistantsBefore = new Set(store.list<RelatedPerson>('RelatedPerson').map((r) => r.id));
    const consentBefore = store.consentOf(patient)?.meta?.versionId;
    const author = mockIdentities.author.reference;
    const run = await conformance([
      '--base-url',
      running.url,
      ...professional,
      ...holder,
      '--patient',
      patient,
      '--write',
      '--author',
      author,
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const row of tableOf(run.stdout)) assert.equal(row.result, 'passed', row.interaction);
    // A provided document, one sent twice but stored once, and one corrected (If-Match).
    const added = store.documentsOf(patient).filter((d) => !documentsBefore.has(d.id));
    assert.equal(added.length, 3);
    assert.deepEqual(
      added.map((d) => d.meta?.versionId),
      ['1', '1', '2'],
    );
    for (const document of added as DocumentReference[]) {
      assert.deepEqual(practitionerAuthorOf(document), { id: practitioners.weber.id });
      const binary = store.get(
        'Binary',
        document.content[0]?.attachment.url?.replace(/^Binary\//, '') ?? '',
      );
      assert.match(
        atob(binary?.resourceType === 'Binary' ? (binary.data ?? '') : ''),
        /^DSP Kit conformance check, /,
      );
    }
    assert.notEqual(store.consentOf(patient)?.meta?.versionId, consentBefore);
    const named = store
      .list<RelatedPerson>('RelatedPerson')
      .filter((r) => !assistantsBefore.has(r.id));
    assert.equal(named.length, 2);
    assert.deepEqual(
      named.map((r) => r.active),
      [false, false],
      'an assistant named by the check kept access',
    );
  });

  it('exits 1 when a check fails, saying why in its row', async () => {
    // Without the patient's token, the doctor asks for the patient's Consent: the DSP refuses.
    const run = await conformance([
      '--base-url',
      running.url,
      ...professional,
      '--patient',
      patient,
    ]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const consent = tableOf(run.stdout).find((r) => r.interaction === 'PCF read Consent');
    assert.match(consent?.result ?? '', /^failed: DspHttpError: HTTP 403: Seuls le patient/);
    assert.match(run.stdout, / [1-9]\d* failed,/);
  });

  it('refuses a bad argument with a message and the usage, exit 2', async () => {
    // Every refusal is tested in options.node.test.ts; this one goes through npm and the CLI.
    const run = await conformance(['--base-url', running.url, '--write']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^conformance: --write needs --patient/);
    assert.match(run.stderr, /Usage: npm run conformance -- --base-url <url>/);
    assert.equal(run.stdout, '');
  });

  it('says so when the server cannot be reached, exit 2', async () => {
    // A port just freed: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const run = await conformance([
      '--base-url',
      `http://127.0.0.1:${port}/fhir`,
      '--patient',
      patient,
    ]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      new RegExp(
        `cannot reach the server: No answer from http://127\\.0\\.0\\.1:${port}/fhir/metadata: .*ECONNREFUSED`,
      ),
    );
    assert.equal(run.stdout, '');
  });
});
