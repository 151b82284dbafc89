//! The shape of the schema the migrations built, read back from the database's own
//! catalogue: every column with its kind of value and whether it may be empty, every index
//! with its columns, and how many checks guard each table.
//!
//! The two dialects of each migration are written by hand side by side; a column that is
//! `NOT NULL` in one and nullable in the other, or an index only one of them has, passes
//! every test on one backend and fails in production on the other. Comparing the shapes
//! read from both catalogues catches that drift, whatever the migration text looks like.
use sqlx::Row;

use crate::{Backend, StorageError, Store};

/// What a schema holds, in an order that does not depend on the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaShape {
    /// Every column, sorted by table and name.
    pub columns: Vec<ColumnShape>,
    /// Every index but the primary keys' (SQLite's integer keys have none), sorted.
    pub indexes: Vec<IndexShape>,
    /// Each table with CHECK constraints, and how many, sorted by table.
    pub checks: Vec<(String, i64)>,
}

/// One column: the kind of value it holds and whether it may be empty.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnShape {
    /// The table it belongs to.
    pub table: String,
    /// Its name.
    pub column: String,
    /// `integer`, `real`, `text` or `bytes`; the dialects name types differently (INTEGER
    /// and BIGINT, REAL and DOUBLE PRECISION, TEXT and DATE), so kinds are compared.
    pub kind: String,
    /// Whether it must hold a value (a primary key always must).
    pub not_null: bool,
}

/// One index, by what it covers rather than by name: SQLite names the indexes behind
/// UNIQUE constraints `sqlite_autoindex_…`, PostgreSQL `…_key`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct IndexShape {
    /// The table indexed.
    pub table: String,
    /// The indexed columns in order; an expression shows as `<expression>`.
    pub columns: Vec<String>,
    /// Whether it refuses a second row with the same values.
    pub unique: bool,
    /// Whether the index has a WHERE clause.
    pub partial: bool,
}

/// The kind of value a declared type holds, the same word for both dialects.
///
/// PostgreSQL keeps days, moments and yes/no in its own types, where SQLite, which has
/// none, keeps the codec's text and 0 or 1 (docs/decisions/0023-postgresql-column-types.md):
/// so `date` and `timestamp with time zone` are twins of text, and `boolean` of integer.
fn kind_of(declared: &str) -> String {
    let t = declared.to_ascii_lowercase();
    let kind = if t.contains("int") || t.contains("bool") {
        "integer"
    } else if t == "date" || t.starts_with("timestamp") {
        "text"
    } else if t.contains("real") || t.contains("double") || t.contains("float") {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "bytes"
    } else if t.contains("char") || t.contains("text") || t.contains("clob") {
        "text"
    } else {
        return t;
    };
    kind.to_string()
}

/// How many CHECK constraints a SQLite table's stored CREATE statement holds. SQLite keeps
/// no catalogue of checks, only the statement (with columns added later appended to it).
fn checks_in(create: &str) -> i64 {
    let upper = create.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    words.iter().filter(|w| **w == "CHECK").count() as i64
}

/// A yes/no column: PostgreSQL answers a boolean, SQLite's catalogue an integer.
fn flag<R: Row>(row: &R, i: usize) -> Result<bool, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> bool: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    row.try_get::<bool, _>(i)
        .or_else(|_| row.try_get::<i64, _>(i).map(|n| n != 0))
}

impl Store {
    /// The shape of the application schema as this database's catalogue describes it.
    pub async fn schema_shape(&self) -> Result<SchemaShape, StorageError> {
        let (columns, indexes, checks) = match self.backend {
            Backend::Sqlite => (
                "SELECT m.name, p.name, p.type, p.\"notnull\" OR p.pk > 0 \
                   FROM sqlite_master m, pragma_table_info(m.name) p \
                  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                "SELECT m.name, il.name, il.\"unique\", il.partial, COALESCE(ii.name, '<expression>') \
                   FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii \
                  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND il.origin <> 'pk' \
                  ORDER BY m.name, il.name, ii.seqno",
                "SELECT name, sql FROM sqlite_master \
                  WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            ),
            Backend::Postgres => (
                "SELECT c.table_name::text, c.column_name::text, c.data_type::text, \
                        c.is_nullable = 'NO' \
                   FROM information_schema.columns c WHERE c.table_schema = current_schema()",
                "SELECT t.relname::text, i.relname::text, ix.indisunique, ix.indpred IS NOT NULL, \
                        COALESCE(a.attname::text, '<expression>') \
                   FROM pg_index ix \
                   JOIN pg_class i ON i.oid = ix.indexrelid \
                   JOIN pg_class t ON t.oid = ix.indrelid \
                   JOIN pg_namespace n ON n.oid = t.relnamespace \
                  CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
                                            AND k.attnum > 0 \
                  WHERE n.nspname = current_schema() AND NOT ix.indisprimary \
                  ORDER BY t.relname, i.relname, k.ord",
                // A boolean column holds yes or no by its type, where its SQLite twin
                // needs `CHECK (x IN (0, 1))`: it counts as that check.
                "SELECT t.relname::text, \
                        (SELECT COUNT(*) FROM pg_constraint c \
                          WHERE c.conrelid = t.oid AND c.contype = 'c') \
                      + (SELECT COUNT(*) FROM pg_attribute a \
                          WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped \
                            AND a.atttypid = 'boolean'::regtype) \
                   FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace \
                  WHERE t.relkind = 'r' AND n.nspname = current_schema()",
            ),
        };
        let mut shape = SchemaShape {
            columns: Vec::new(),
            indexes: Vec::new(),
            checks: Vec::new(),
        };
        for r in sqlx::query(columns).fetch_all(&self.pool).await? {
            shape.columns.push(ColumnShape {
                table: r.try_get(0)?,
                column: r.try_get(1)?,
                kind: kind_of(&r.try_get::<String, _>(2)?),
                not_null: flag(&r, 3)?,
            });
        }
        let mut current: Option<(String, String)> = None;
        for r in sqlx::query(indexes).fetch_all(&self.pool).await? {
            let key: (String, String) = (r.try_get(0)?, r.try_get(1)?);
            let column: String = r.try_get(4)?;
            if current.as_ref() == Some(&key) {
                if let Some(last) = shape.indexes.last_mut() {
                    last.columns.push(column);
                }
                continue;
            }
            shape.indexes.push(IndexShape {
                table: key.0.clone(),
                columns: vec![column],
                unique: flag(&r, 2)?,
                partial: flag(&r, 3)?,
            });
            current = Some(key);
        }
        for r in sqlx::query(checks).fetch_all(&self.pool).await? {
            let table: String = r.try_get(0)?;
            let n = match self.backend {
                Backend::Sqlite => checks_in(&r.try_get::<String, _>(1)?),
                Backend::Postgres => r.try_get(1)?,
            };
            if n > 0 {
                shape.checks.push((table, n));
            }
        }
        shape.columns.sort();
        shape.indexes.sort();
        shape.checks.sort();
        Ok(shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_dialects_names_for_a_type_are_one_kind() {
        for (sqlite, postgres) in [
            ("INTEGER", "bigint"),
            ("BIGINT", "integer"),
            ("REAL", "double precision"),
            ("TEXT", "text"),
            ("BLOB", "bytea"),
            ("TEXT", "date"),
            ("TEXT", "timestamp with time zone"),
            ("BIGINT", "boolean"),
        ] {
            assert_eq!(kind_of(sqlite), kind_of(postgres), "{sqlite} / {postgres}");
        }
        assert_ne!(kind_of("TEXT"), kind_of("BIGINT"));
    }

    #[test]
    fn checks_are_counted_as_words_not_inside_names() {
        let sql = "CREATE TABLE t (a INTEGER CHECK (a > 0), checked_on TEXT, \
                   b TEXT NOT NULL check(b IN ('x')))";
        assert_eq!(checks_in(sql), 2);
    }
}
