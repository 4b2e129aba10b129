// The TypeScript type of a stored document, inferred once from its schema's fields (mongoose's InferRawDocType),
// so a model declares its shape in one place: `type X = StoredDocument<typeof xFields, typeof xOptions>`.
import {
  Schema,
  type InferRawDocType,
  type ResolveSchemaOptions,
  type SchemaDefinition,
  type SchemaOptions,
} from 'mongoose';

/**
 * A schema's fields, kept with their literal types (enum lists, `required: true`, defaults) for inference. At
 * run time it is the object itself.
 */
export function schemaFields<Fields extends SchemaDefinition>(fields: Fields): Fields {
  return fields;
}

/** A schema's options, kept literal (`timestamps: true`, `_id: false`) for inference. */
export function schemaOptions<const Options extends object>(options: Options): Options {
  return options;
}

/**
 * A path whose stored value is `T` where mongoose alone would infer something looser (a Mixed path's `any`, an
 * enum built at run time). Only the type changes: the path definition is returned as it is.
 */
export function typed<T>() {
  return <const Path extends object>(path: Path): Path & { __rawDocTypeHint: T } =>
    path as Path & { __rawDocTypeHint: T };
}

/**
 * A sub-document's schema (a path's `type`), its document type inferred from its fields like a model's. The one
 * cast: TypeScript cannot check fields against a type still generic in them, and the type is computed from these
 * very fields.
 */
export function subSchema<Fields extends SchemaDefinition, const Options extends SchemaOptions>(
  fields: Fields,
  options: Options,
): Schema<StoredDocument<Fields, Options>> {
  return new Schema(fields, options) as unknown as Schema<StoredDocument<Fields, Options>>;
}

/**
 * The document as read back (lean) and written, with `_id` unless the options say `_id: false`, and timestamps
 * when the options ask for them.
 */
export type StoredDocument<Fields, Options = object> = InferRawDocType<
  StoredFields<Fields>,
  ResolveSchemaOptions<Options>
>;

// mongoose infers an optional path as `T | null | undefined` and a nested object as optional. The app never
// stores null in an optional path (it unsets it), so an optional path here is `T | undefined`. A path whose
// default is null always holds a value, `T | null`, as mongoose writes a default at creation (and types every
// other default so). A nested object is there whenever one of its paths is
// required or has a default (mongoose writes it); otherwise it may be absent. These types rewrite the fields
// so mongoose's inference says so; nothing of it exists at run time.

type StoredFields<Fields> = { [K in keyof Fields]: StoredPath<Fields[K]> };

type StoredPath<Path> = Path extends Schema
  ? NotNull<{ type: Path }>
  : Path extends readonly unknown[]
    ? { type: StoredArray<Path> }
    : Path extends { type: infer Type }
      ? Path extends { default: null }
        ? Omit<Path, 'default'> & { required: true; __rawDocTypeHint: ValueOf<Omit<Path, 'default'>> | null }
        : Omit<Path, 'type'> & {
            type: Type extends readonly unknown[] ? StoredArray<Type> : Type;
            allowNull: false;
          }
      : Path extends abstract new (...args: never[]) => unknown
        ? NotNull<{ type: Path }>
        : Path extends object
          ? {
              type: Schema<InferRawDocType<StoredFields<Path>, ResolveSchemaOptions<NestedOptions<Path>>>>;
              allowNull: false;
            } & NestedRequired<Path>
          : Path;

type NotNull<Path> = Path & { allowNull: false };

// The value of a path as if it were required: the part of a null-default path's type besides null.
type ValueOf<Path> =
  InferRawDocType<{ value: Path & { required: true } }, ResolveSchemaOptions<{ _id: false }>> extends {
    value: infer Value;
  }
    ? Value
    : never;

type StoredArray<Items extends readonly unknown[]> = Items extends readonly (infer Item)[]
  ? StoredItem<Item>[]
  : never;

type StoredItem<Item> = Item extends Schema
  ? Item
  : Item extends { type: unknown }
    ? Item
    : Item extends abstract new (...args: never[]) => unknown
      ? Item
      : Item extends object
        ? Schema<InferRawDocType<StoredFields<Omit<Item, '_id'>>, ResolveSchemaOptions<SubOptions<Item>>>>
        : Item;

// An array item written inline with `_id: false` has no _id; one without gets one, as mongoose gives it.
type SubOptions<Item> = Item extends { _id: false } ? { _id: false } : object;

// A nested object is stored whenever one of its paths always holds a value (required, or with a default).
type NestedRequired<Nested> = true extends { [K in keyof Nested]: HoldsValue<Nested[K]> }[keyof Nested]
  ? { required: true }
  : object;

type HoldsValue<Path> = Path extends { required: true }
  ? true
  : Path extends { default: undefined | null }
    ? false
    : Path extends { default: unknown }
      ? true
      : Path extends readonly unknown[] | { type: readonly unknown[] }
        ? true
        : false;

// Depends on the path only so that TypeScript resolves the nested type lazily (it would see a cycle otherwise).
type NestedOptions<Path> = Path extends object ? { _id: false } : never;
