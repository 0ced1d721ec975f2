// The mock DSP server as a contract engine, in process (its `handle` is the clients' fetch): the
// contract is checked as Dr Paul Weber, référent of Lucien Wagner, who holds his own record.
import { createDspServer, fixtures, mockToken, type DspServer } from '@dsp-kit/mock';
import { connect, type ContractContext } from './context.js';

/** Never dialled: the clients' fetch is the server's `handle`. */
export const MOCK_BASE = 'http://127.0.0.1:8787/fhir';

/** The identities a contract run uses on the mock: the rules let each do what its side needs. */
const { patients, practitioners, users } = fixtures;

export const mockIdentities = {
  /** A doctor who may read and add to the patient's record: he signs the submissions. */
  professional: users.weber,
  /** The patient himself: his Consent, his assistants (Claire), his access log. */
  holder: users.lucien,
  patient: patients.lucien.id,
  author: { reference: `Practitioner/${practitioners.weber.id}`, display: 'Dr Paul Weber' },
} as const;

/** Something between the clients and the server, e.g. a fault a test puts in. */
export type Wrap = (handle: DspServer['handle'], server: DspServer) => DspServer['handle'];

export async function mockContext(
  wrap: Wrap = (handle) => handle,
): Promise<{ server: DspServer; ctx: ContractContext }> {
  const server = createDspServer({ baseUrl: MOCK_BASE });
  const handle = wrap((request) => server.handle(request), server);
  const ctx = await connect({
    baseUrl: MOCK_BASE,
    fetch: (input, init) => handle(new Request(input, init)),
    token: mockToken(mockIdentities.professional),
    holderToken: mockToken(mockIdentities.holder),
    patient: mockIdentities.patient,
    author: mockIdentities.author,
    write: true,
  });
  return { server, ctx };
}
