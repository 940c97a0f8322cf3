import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * The body carries exactly one of these fields. On the class's first listed field, so the 400
 * names the choice once; class-validator has no built-in for "one of".
 */
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
