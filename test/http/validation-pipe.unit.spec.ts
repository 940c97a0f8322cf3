// Query strings seen before are answered with the instance validated then; refused ones never are.
import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { validationPipe } from '../../src/http/validation.pipe.js';
import { ClaimsQueryDto } from '../../src/read-routes/claims-query.dto.js';
import { ConflictsQueryDto } from '../../src/read-routes/read-queries.dto.js';

describe('the validation pipe with query strings it has seen', () => {
  const query = (metatype: abstract new (...args: never[]) => unknown) => ({ type: 'query' as const, metatype: metatype as never, data: undefined });

  it('answers a repeated query with the same validated, transformed and frozen instance, per DTO class', async () => {
    const pipe = validationPipe();
    const first = (await pipe.transform({ actor: 'israel', limit: '20' }, query(ClaimsQueryDto))) as ClaimsQueryDto;
    expect(first).toBeInstanceOf(ClaimsQueryDto);
    expect(first.limit).toBe(20);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await pipe.transform({ actor: 'israel', limit: '20' }, query(ClaimsQueryDto))).toBe(first);
    expect(await pipe.transform({ actor: 'israel', limit: '21' }, query(ClaimsQueryDto))).not.toBe(first);
    const other = await pipe.transform({ limit: '20' }, query(ConflictsQueryDto));
    expect(other).toBeInstanceOf(ConflictsQueryDto);
  });

  it('refuses a bad query every time it comes', async () => {
    const pipe = validationPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({ actor: "x' OR 1=1", colour: 'red' }, query(ClaimsQueryDto))).rejects.toBeInstanceOf(BadRequestException);
    }
  });
});
