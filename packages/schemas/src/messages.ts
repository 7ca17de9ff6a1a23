import { z } from 'zod';

/**
 * The words a person reads when a value is refused and the schema gave no
 * message of its own, instead of Zod's ("Invalid input: expected string,
 * received null", "Too small: expected string to have >=1 characters").
 * Set once for the process (backoffice and API alike) when the schemas load;
 * a schema's own message still wins.
 */
const KIND: Record<string, string> = {
  string: 'Enter text',
  number: 'Enter a number',
  int: 'Enter a whole number',
  boolean: 'Choose yes or no',
  date: 'Enter a date',
  array: 'Choose from the list',
  object: 'This value is not valid',
};

const FORMAT: Record<string, string> = {
  email: 'Enter a valid email address',
  url: 'Enter a web address starting with https://',
  uuid: 'This is not a valid reference',
  datetime: 'Enter a valid date and time',
  date: 'Enter a valid date',
  time: 'Enter a valid time',
};

function missing(input: unknown): boolean {
  return input === undefined || input === null || input === '';
}

export const friendlyZodError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return missing(issue.input) ? 'Required' : (KIND[issue.expected] ?? 'This value is not valid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Required' : `Use at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? 'Choose at least one' : `Choose at least ${min}`;
      }
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        return issue.inclusive ? `Must be at least ${min}` : `Must be more than ${min}`;
      }
      return undefined;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}`;
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        return issue.inclusive ? `Must be at most ${max}` : `Must be less than ${max}`;
      }
      return undefined;
    }
    case 'invalid_value':
      return 'Choose one of the options';
    case 'invalid_format':
      return FORMAT[issue.format] ?? 'This value is not in the expected format';
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
};

z.config({ customError: friendlyZodError });
