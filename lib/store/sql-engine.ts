export type SqlValue = string | number | null;

export interface Statement {
  sql: string;
  params?: readonly SqlValue[];
}

/**
 * What the store needs of a database, and no more: the same SQL (with `?` placeholders) runs on
 * both engines, so the schema and every query are written once. Writes go in whole transactions,
 * never interactively, so no engine holds a transaction open across an await.
 */
export interface SqlEngine {
  readonly kind: "sqlite" | "postgres";
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /**
   * The same, each row as an array of its columns in the SELECT's order: no object and no key per
   * row, for reads of a million rows (a mirror's window at a restart).
   */
  queryArrays(sql: string, params?: readonly SqlValue[]): Promise<SqlValue[][]>;
  /**
   * A read that may take seconds (a scan of a store of ten million tasks): off the event loop.
   * SQLite's reads otherwise run on the server's own thread; on Postgres this is `query`.
   */
  slowQuery<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs the statements in one transaction, all or nothing; resolves once it is committed. */
  transaction(statements: readonly Statement[]): Promise<void>;
  close(): Promise<void>;
}
