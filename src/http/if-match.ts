import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';

/**
 * Claim writes carry the stream revision the client last saw, as ETags do: `3`, `"3"` or `W/"3"`.
 * Without one a client could overwrite a change it never saw, so it is required (428).
 */
export const parseIfMatch = (header: string | undefined): bigint => {
  if (header === undefined || header.trim() === '') {
    throw new HttpException(
      { statusCode: 428, error: 'Precondition Required', message: 'send the stream revision you last read in an If-Match header (e.g. If-Match: "3")' },
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  const m = /^\s*(?:W\/)?"?(\d{1,19})"?\s*$/.exec(header);
  if (!m) throw new BadRequestException(`If-Match must be a stream revision such as "3", not ${JSON.stringify(header.slice(0, 40))}`);
  return BigInt(m[1]);
};

/** A write that may be sent without If-Match (a withdrawal) is decided on whatever revision is loaded; one sent is read as any other. */
export const parseOptionalIfMatch = (header: string | undefined): bigint | null => (header === undefined ? null : parseIfMatch(header));

export const etagOf = (revision: bigint): string => `"${revision}"`;
