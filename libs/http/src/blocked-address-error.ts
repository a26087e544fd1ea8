import { isIP } from 'node:net';
import { addressClassLabels, type ForbiddenAddressClass } from './classify-address';

/**
 * Raised by the guarded connector when a destination is refused by the SSRF
 * guard. The message names the host the caller asked for and the class of the
 * address, never the address itself (resolved internal addresses are not the
 * caller's business).
 */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'PARLEY_BLOCKED_ADDRESS';
  readonly addressClass: ForbiddenAddressClass;

  constructor(hostname: string, addressClass: ForbiddenAddressClass) {
    const verb = isIP(hostname) === 0 ? 'resolves to' : 'is';
    super(`${hostname} ${verb} ${addressClassLabels[addressClass]}, which outbound requests may not reach`);
    this.addressClass = addressClass;
  }
}
