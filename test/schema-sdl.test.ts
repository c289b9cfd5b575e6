import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { printedSchema, SCHEMA_FILE } from '../src/schema/printed.js';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Every type, field, argument and enum value of ours that has no description. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (!arg.description && !['first', 'after', 'last', 'before'].includes(arg.name)) {
          missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues())
      if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema/schema.graphql', () => {
  it('is the SDL of the current schema (run `npm run schema:print` after changing types)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('describes every type, field, argument and enum value, for the GraphiQL docs pane', () => {
    const types = Object.values(schema.getTypeMap()).filter(
      (type) => !type.name.startsWith('__') && !(isScalarType(type) && BUILT_IN.has(type.name)),
    );
    expect(types.flatMap(undocumented)).toEqual([]);
  });
});
