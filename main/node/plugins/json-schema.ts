import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { HubError, type ErrorCode } from '../../common/contract/index.js';
import { vetSchemaPatterns } from './schema-vetting.js';

// One Ajv for all plugin schemas; allErrors so a user sees every problem at once.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });

export type JsonValidator = (value: unknown, what: string, code?: ErrorCode) => unknown;

/** Compiles a JSON Schema or throws a message that says what is wrong with it. */
export function compileJsonSchema(schema: Record<string, unknown>, where: string): JsonValidator {
  let validate: ValidateFunction;
  try {
    vetSchemaPatterns(schema, where);
  } catch (err) {
    throw new HubError('BAD_MANIFEST', (err as Error).message);
  }
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    throw new HubError('BAD_MANIFEST', `${where} is not a valid JSON Schema: ${(err as Error).message}`);
  }
  return (value, what, code = 'BAD_REQUEST') => {
    if (validate(value)) return value;
    throw new HubError(code, `invalid ${what}: ${describe(validate.errors ?? [])}`, { errors: validate.errors });
  };
}

function describe(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`).join('; ');
}
