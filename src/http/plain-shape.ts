import { BadRequestException } from '@nestjs/common';

/** Far deeper than any request shape here (a correction's party refs are 5 levels down). */
export const MAX_DEPTH = 32;

/**
 * Names every object inherits. class-validator's whitelist looks fields up in a plain object,
 * where these are found on the prototype, so `{"toString": 1}` passed as a known field.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Refuses, before class-transformer and class-validator see it, what they handle badly: nesting
 * deep enough to overflow their recursion (a 500), and fields named like Object.prototype's
 * members. Walks with its own stack, so any depth is safe here.
 */
export const checkPlainShape = (value: unknown): void => {
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_DEPTH) throw new BadRequestException(`the request nests more than ${MAX_DEPTH} levels deep; no request here needs more than a few`);
    for (const key of Object.keys(node)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(node) && INHERITED.has(key)) throw unknownField(field, key);
      stack.push({ node: (node as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
};

/** Worded like the whitelist's own refusal of any other unknown field. */
const unknownField = (field: string, key: string): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${field}: property ${key} should not exist`,
    errors: [{ field, messages: [`property ${key} should not exist`] }],
  });
