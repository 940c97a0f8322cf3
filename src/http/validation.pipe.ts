import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

interface FieldError { field: string; messages: string[] }

const flatten = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });

/**
 * Unknown fields are refused rather than dropped, so a typo is not silently ignored.
 * Shape errors answer 400 with one entry per field.
 */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; '),
        errors: fields,
      });
    },
  });
