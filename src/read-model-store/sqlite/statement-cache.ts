import type Database from 'better-sqlite3';

/** Finds build their SQL from the query's shape; each shape is prepared once (bounded). */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): Database.Statement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    if (this.statements.size >= this.max) this.statements.delete(this.statements.keys().next().value!);
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    return statement;
  }
}
