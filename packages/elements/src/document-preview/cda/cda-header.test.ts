// readCdaHeader and parseCda on real documents (ANS's CI-SIS test contents) and the hand-made
// showcase, in Chromium's XML parser: the values expected are read from the XML files themselves.
import { expect } from '@open-wc/testing';
import { readCdaHeader } from './cda-header.js';
import { CdaParseError, parseCda } from './cda-parse.js';
import { cdaKit } from './cda-kit.js';
import { install } from './cda-runtime.js';

install(cdaKit);

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`../../../test/cda/fixtures/${name}`, import.meta.url));
  return response.text();
}

function problemOf(text: string): string | undefined {
  try {
    parseCda(text);
    return undefined;
  } catch (error) {
    expect(error).to.be.instanceOf(CdaParseError);
    return (error as CdaParseError).problem;
  }
}

describe('readCdaHeader', () => {
  it('reads an ANS lab report’s header (BIO-CR-BIO_2023.01_Electrophorese.xml)', async () => {
    const header = readCdaHeader(parseCda(await fixture('lab-report.xml')));
    expect(header.title).to.equal("Compte rendu d'examens biologiques");
    expect(header.type).to.deep.include({ code: '11502-2', codeSystem: '2.16.840.1.113883.6.1' });
    expect(header.dspType?.code, 'LOINC 11502-2 in the DSP vocabulary').to.equal(
      'resultat-biologie',
    );
    expect(header.effectiveTime).to.equal('2023-01-04T16:05:27+01:00');
    expect(header.confidentiality?.code).to.equal('N');
    expect(header.language).to.equal('fr-FR');
    // Birth names (BR) and used names (CL) side by side: the unqualified given name, first family.
    expect(header.patient?.name).to.equal('DOMINIQUE MARIE-LOUISE PAT-TROIS');
    expect(header.patient?.birthDate).to.equal('1979-03-28');
    expect(header.patient?.sex).to.equal('F');
    expect(header.patient?.identifiers).to.deep.equal([
      { root: '1.2.250.1.213.1.4.10', extension: '279035121518989', matricule: false },
      { root: '1.2.3.4.567.8.9.10', extension: '1234567890121', matricule: false },
    ]);
    expect(header.authors[0]).to.deep.include({
      person: 'M Marcel CAMPARINI DR',
      time: '2023-01-04T16:05:27+01:00',
      role: 'Médecin - Biologie médicale (SM)',
    });
    expect(header.custodian).to.equal('Laboratoire des charmes');
    expect(header.legalAuthenticator).to.deep.include({
      person: 'M Marcel CAMPARINI DR',
      time: '2023-01-04T16:05:27+01:00',
    });
  });

  it('reads every part of the showcase header, the matricule as such', async () => {
    const header = readCdaHeader(parseCda(await fixture('narrative-showcase.xml')));
    expect(header.patient?.identifiers.map((id) => [id.extension, id.matricule])).to.deep.equal([
      ['1985071512345', true],
      ['285076912345678', false],
    ]);
    // A deployment names the national OID of the matricule.
    const national = readCdaHeader(parseCda(await fixture('narrative-showcase.xml')), {
      matriculeRoots: ['1.2.250.1.213.1.4.10'],
    });
    expect(national.patient?.identifiers.map((id) => id.matricule)).to.deep.equal([false, true]);
    expect(header.confidentiality?.code).to.equal('R');
    expect(header.authors[0]).to.deep.equal({
      person: 'Dr Paul Weber',
      organization: 'Laboratoire du Centre',
      time: '2024-01-15T14:00:00+01:00',
      role: 'Biologiste',
    });
    expect(header.informants[0]?.person).to.equal('Jean Schmit');
    expect(header.participants[0]).to.deep.include({ person: 'Luc Klein', role: 'REF' });
    expect(header.serviceEvents[0]).to.deep.include({
      period: { start: '2024-01-14', end: '2024-01-15' },
    });
    expect(header.serviceEvents[0]?.code?.code).to.equal('26436-6');
    expect(header.encounter).to.deep.include({
      location: 'Centre Hospitalier de Luxembourg',
      period: { start: '2024-01-14', end: '2024-01-15' },
    });
    expect(header.relatedDocuments).to.deep.equal([
      { typeCode: 'RPLC', id: { root: '1.2.3.4.5', extension: 'showcase-0', matricule: false } },
    ]);
    expect(header.legalAuthenticator).to.deep.include({
      person: 'Anne Muller',
      time: '2024-01-15T15:00:00+01:00',
    });
  });

  it('reads a level-1 document’s header (IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml)', async () => {
    const header = readCdaHeader(parseCda(await fixture('level1-pdf.xml')));
    expect(header.title).to.equal(
      'CR d’imagerie médicale - Scanner Tête + Cou + Thorax avec injection',
    );
    expect(header.type?.code).to.equal('18748-4');
    expect(header.dspType, 'LOINC 18748-4 in the DSP vocabulary').not.to.be.undefined;
  });
});

describe('parseCda', () => {
  it('refuses each hostile or broken fixture with its own problem', async () => {
    expect(problemOf(await fixture('xxe.xml'))).to.equal('doctype');
    expect(problemOf(await fixture('entity-bomb.xml'))).to.equal('doctype');
    expect(problemOf(await fixture('malformed.xml'))).to.equal('malformed');
    expect(problemOf(await fixture('wrong-root.xml'))).to.equal('not-cda');
    expect(problemOf(await fixture('wrong-namespace.xml'))).to.equal('wrong-namespace');
    expect(problemOf(await fixture('hostile-everywhere.xml'))).to.equal(undefined);
  });

  it('refuses 10,000-deep nesting, and a little over the limit, as too deep', () => {
    const deep = (n: number) =>
      `<ClinicalDocument xmlns="urn:hl7-org:v3">${'<a>'.repeat(n)}${'</a>'.repeat(n)}</ClinicalDocument>`;
    expect(problemOf(deep(10_000))).to.equal('too-deep');
    expect(problemOf(deep(250))).to.equal('too-deep');
    expect(problemOf(deep(100))).to.equal(undefined);
  });
});
