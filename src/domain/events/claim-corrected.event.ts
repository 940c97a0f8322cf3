import { claimFieldsShape, claimRefShape, claimTypeSchema } from './claim-fields.schema.js';
import { obj, partial, str, type Infer } from './schema.js';

/** Only the fields an analyst changed; `type` may be corrected too. */
export const claimCorrectionSchema = partial({ ...claimFieldsShape, type: claimTypeSchema });
export type ClaimCorrection = Infer<typeof claimCorrectionSchema>;

export const claimCorrectedSchema = obj({ ...claimRefShape, changes: claimCorrectionSchema, reason: str });
export type ClaimCorrectedData = Infer<typeof claimCorrectedSchema>;

export interface ClaimCorrected {
  type: 'ClaimCorrected';
  data: ClaimCorrectedData;
}
