// A large level-3 CDA made from a template, for the long-table tests and the bench: Marie's
// header, a paragraph linking to the table's last row, then one table of `rows` results, the
// first hundred with coded entries (every tenth flagged high), each row with an `ID`.

/** The `ID` of row `i` (0-based) of the large document's table. */
export const rowId = (i: number): string => `r${i}`;

function row(i: number): string {
  return `<tr ID="${rowId(i)}"><th>Analyse ${i + 1}</th><td>${(i % 97) + 3},${i % 10}</td></tr>`;
}

function entry(i: number): string {
  const flag =
    i % 10 === 0 ? '<interpretationCode code="H" codeSystem="2.16.840.1.113883.5.83"/>' : '';
  return `<entry><observation classCode="OBS" moodCode="EVN"><code code="1920-8" codeSystem="2.16.840.1.113883.6.1"><originalText><reference value="#${rowId(i)}"/></originalText></code><value xsi:type="PQ" value="${(i % 97) + 3}" unit="U/L"/>${flag}</observation></entry>`;
}

/** The document's text: `rows` rows in one `tbody` (20,000 make about 1 MB). */
export function largeCda(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(row(i));
  const entries: string[] = [];
  for (let i = 0; i < Math.min(rows, 100); i++) entries.push(entry(i));
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <id root="1.2.3.4.5" extension="large-1"/>
  <code code="11502-2" codeSystem="2.16.840.1.113883.6.1" displayName="Laboratory report"/>
  <title>Suivi biologique sur dix ans</title>
  <effectiveTime value="20240115143000+0100"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
  <languageCode code="fr-LU"/>
  <recordTarget><patientRole>
    <id root="https://dsp-kit.org/fhir/NamingSystem/matricule" extension="1985071512345"/>
    <patient><name><given>Marie</given><family>Schmit</family></name><birthTime value="19850715"/></patient>
  </patientRole></recordTarget>
  <author><time value="20240115140000+0100"/><assignedAuthor><id root="1.2.3" extension="weber"/>
    <assignedPerson><name><prefix>Dr</prefix><given>Paul</given><family>Weber</family></name></assignedPerson>
    <representedOrganization><name>Laboratoire du Centre</name></representedOrganization>
  </assignedAuthor></author>
  <custodian><assignedCustodian><representedCustodianOrganization><id root="1.2.3.9"/><name>Agence eSanté</name></representedCustodianOrganization></assignedCustodian></custodian>
  <component><structuredBody><component><section>
    <code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/>
    <title>Résultats</title>
    <text>
      <paragraph>Voir la <linkHtml href="#${rowId(rows - 1)}">dernière analyse</linkHtml>.</paragraph>
      <table ID="results">
        <caption>Toutes les analyses</caption>
        <thead><tr><th>Analyse</th><th>Résultat (U/L)</th></tr></thead>
        <tbody>${body.join('\n')}</tbody>
      </table>
    </text>
    ${entries.join('\n')}
  </section></component></structuredBody></component>
</ClinicalDocument>
`;
}
