/**
 * The content type of answers a controller returns as JSON it assembled itself (text joined from
 * texts kept per claim, or the kept bytes of answer-cache.ts): with it set, Fastify sends the string
 * or buffer as is instead of as text/plain or an octet stream.
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
