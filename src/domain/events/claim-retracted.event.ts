import { claimRefShape } from './claim-fields.schema.js';
import { obj, str, type Infer } from './schema.js';

export const claimRetractedSchema = obj({ ...claimRefShape, reason: str });
export type ClaimRetractedData = Infer<typeof claimRetractedSchema>;

export interface ClaimRetracted {
  type: 'ClaimRetracted';
  data: ClaimRetractedData;
}
