/**
 * Compares what a sentence asserts about a state's relation to an instrument with the registry.
 * Takes the asserted status and the registry's status (for Indonesia; `unknown` for other states);
 * returns whether they contradict. Ratified/party against not-party/signatory contradicts, as does
 * not-ratified/not-party against party, and signatory against not-party. Anything with `unknown` or
 * `not-applicable` (declarations, national law) cannot contradict.
 */
import type { AssertedStatus, IndonesiaStatus } from '../instruments/registry.js';

export function contradicts(asserted: AssertedStatus, registry: IndonesiaStatus): boolean {
  switch (asserted) {
    case 'ratified':
    case 'party':
      return registry === 'not-party' || registry === 'signatory';
    case 'not-ratified':
    case 'not-party':
      return registry === 'party';
    case 'signatory':
      return registry === 'not-party';
  }
}
