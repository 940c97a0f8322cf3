import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * A field that is one of several ways to give the article (text or html): when none is given the
 * 400 says what to send, once, instead of every string check failing on the missing value.
 * `ValidateIf` on the field decides when it is checked at all.
 */
export const ArticleBodyField = (max: number, missing: string) => (target: object, property: string) =>
  registerDecorator({
    name: 'articleBody',
    target: target.constructor,
    propertyName: property,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value !== '' && value.length <= max,
      defaultMessage: ({ value }: ValidationArguments) =>
        value === undefined || value === null ? missing
        : typeof value !== 'string' ? `${property} must be a string`
        : value === '' ? `${property} should not be empty`
        : `${property} must be at most ${max} characters`,
    },
  });

/** The body carries exactly one of these fields. */
export const ExactlyOneOf = (fields: string[], message: string) => (target: object, property: string) =>
  registerDecorator({
    name: 'exactlyOneOf',
    target: target.constructor,
    propertyName: property,
    options: { message },
    validator: {
      validate: (_: unknown, args: ValidationArguments) =>
        fields.filter((f) => (args.object as Record<string, unknown>)[f] !== undefined).length === 1,
    },
  });
