import { ClaimFieldsDto } from '../claim.dto.js';

/** `claimId` and `recordedBy` are the server's to set, so they are refused here. */
export class RecordClaimDto extends ClaimFieldsDto {}
