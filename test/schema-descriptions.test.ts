import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { platformSchema } from '../server/src/platform';

type Kind = 'type' | 'field' | 'argument' | 'inputField' | 'enumValue' | 'directive';

/**
 * Every schema element that lacks a description, by schema coordinate (`Type`, `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`). graphql-js's own introspection types and
 * specified scalars are described by graphql-js and left out.
 */
function undescribed(schema: GraphQLSchema): Record<Kind, string[]> {
  const missing: Record<Kind, string[]> = {
    type: [],
    field: [],
    argument: [],
    inputField: [],
    enumValue: [],
    directive: [],
  };
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.type.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.field.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (blank(arg.description)) missing.argument.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (blank(field.description)) missing.inputField.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (blank(value.description)) missing.enumValue.push(`${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (blank(directive.description)) missing.directive.push(`@${directive.name}`);
    for (const arg of directive.args)
      if (blank(arg.description)) missing.directive.push(`@${directive.name}(${arg.name}:)`);
  }
  return missing;
}

const CJK = /[\u4e00-\u9fff]/;

describe('schema documentation', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await platformSchema();
  });

  it('describes every type, field, argument, input field, enum value and directive', () => {
    // The whole list at once, so one run shows every gap by coordinate.
    expect(undescribed(schema)).toEqual({
      type: [],
      field: [],
      argument: [],
      inputField: [],
      enumValue: [],
      directive: [],
    });
  });

  it('gives the Chinese policy term for every domain object and enum', () => {
    // Domain objects are the node types (they have global ids) and the enums: the words partners
    // read in the policy documents and their own 台账. Plumbing types (pages, payloads) need not.
    const lacking = Object.values(schema.getTypeMap())
      .filter((type) => !isIntrospectionType(type))
      .filter(
        (type) =>
          (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) ||
          (isEnumType(type) && !type.name.startsWith('__')),
      )
      .filter((type) => !CJK.test(type.description ?? ''))
      .map((type) => type.name);
    expect(lacking).toEqual([]);
  });

  it('finds an element without a description', () => {
    // The walk itself must be able to fail: a schema with one bare field of each kind.
    const bare = buildSchema(`
      "q" type Query { "f" f(a: Int): Int, g: E }
      "e" enum E { "x" X Y }
      "i" input I { "j" j: Int k: Int }
      directive @d(n: Int) on FIELD
    `);
    expect(undescribed(bare)).toEqual({
      type: [],
      field: ['Query.g'],
      argument: ['Query.f(a:)'],
      inputField: ['I.k'],
      enumValue: ['E.Y'],
      directive: ['@d', '@d(n:)'],
    });
  });
});
