export interface ClaimRetractedData {
  claimId: string;
  articleId: string;
  reason: string;
  recordedBy: string;
}

export interface ClaimRetracted {
  type: 'ClaimRetracted';
  data: ClaimRetractedData;
}
