import type { Connection, InferSchemaType, Model, Schema } from 'mongoose';

/**
 * A typed model factory: each connection (the app's, or a test file's) gets its own model,
 * registered once. Types come from the schema (`InferSchemaType`), not a hand-written interface.
 */
export function defineModel<S extends Schema>(name: string, schema: S, collection: string) {
  type Doc = InferSchemaType<S>;
  return (connection: Connection): Model<Doc> =>
    (connection.models[name] as Model<Doc> | undefined) ?? connection.model<Doc>(name, schema, collection);
}
