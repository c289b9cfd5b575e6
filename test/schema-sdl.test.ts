import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
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
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues())
      if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

/** Every description of ours: the schema's own, and those of types, fields, arguments, values. */
function descriptions(): string[] {
  const found = [schema.description];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    found.push(type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        found.push(field.description);
        for (const arg of 'args' in field ? field.args : []) found.push(arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) found.push(value.description);
  }
  return found.filter((text): text is string => Boolean(text));
}

const objectsAndInterfaces = () =>
  Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType | GraphQLInterfaceType =>
      (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'),
  );

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

  it('opens with a description of the schema, for the start page of the Docs pane', () => {
    const printed = printedSchema();
    expect(printed.startsWith(`"""\nA knowledge graph of news about the Sahel`)).toBe(true);
    expect(printed).toContain('"""\nschema {\n  query: Query\n}');
    for (const start of [
      '`search(query:)`',
      '`entity(slug:)`',
      '`node(id:)`',
      '`first`',
      '`after`',
    ])
      expect(schema.description).toContain(start);
    expect(schema.description).toMatch(/provenance/i);
  });

  it('writes "an" before a vowel ("An armed group", not "A armed group"), in words, not generated', () => {
    // "u" is left out: "a unit" is right.
    expect(descriptions().filter((text) => /\b[Aa] [AEIOaeio]/.test(text))).toEqual([]);
    const kinds = schema.getType('EntityKind');
    if (!isEnumType(kinds)) throw new Error('EntityKind is not an enum');
    expect(kinds.getValue('ARMED_GROUP')?.description).toBe(
      schema.getType('ArmedGroup')?.description,
    );
    expect(kinds.getValue('EVENT')?.description).toMatch(/^Something that happened/);
  });

  it('names Edge only a Relay edge, with a cursor and a node; the neighbourhood has links', () => {
    const edges = objectsAndInterfaces().filter((type) => type.name.endsWith('Edge'));
    expect(edges.length).toBeGreaterThan(5);
    for (const edge of edges)
      expect(Object.keys(edge.getFields())).toEqual(expect.arrayContaining(['cursor', 'node']));
    expect(schema.getType('GraphEdge')).toBeUndefined();
    const neighborhood = schema.getType('Neighborhood') as GraphQLObjectType;
    expect(String(neighborhood.getFields().links?.type)).toBe('[NeighborhoodLink!]!');
    expect(neighborhood.getFields().edges).toBeUndefined();
  });

  it('pages every connection forwards only: first and after, no last or before', () => {
    const connectionFields = objectsAndInterfaces()
      .flatMap((type) => Object.values(type.getFields()))
      .filter((field) => /Connection!?$/.test(String(field.type)));
    expect(connectionFields.length).toBeGreaterThan(5);
    for (const field of connectionFields) {
      const args = field.args.map((arg) => arg.name);
      expect(args).toEqual(expect.arrayContaining(['first', 'after']));
      expect(args).not.toContain('last');
      expect(args).not.toContain('before');
    }
  });
});
