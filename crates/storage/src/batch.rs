//! Multi-row inserts with numbered placeholders, for imports of many rows at once.
//!
//! PostgreSQL needs numbered placeholders (`$1…$n`); SQLite takes them too, but sqlx
//! resolves each one by name, and SQLite's name lookup walks a list, so a statement with n
//! numbered parameters costs O(n²) to bind (30,000 parameters took seconds per statement).
//! For SQLite this builder therefore writes anonymous `?` placeholders, bound in order.
//! Rows are split into statements below both backends' parameter limits.
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe};
use time::{Date, OffsetDateTime};

use crate::{Backend, StorageError, codec};

/// Stay under SQLite's default limit of 32,766 bound parameters (PostgreSQL allows 65,535).
const MAX_PARAMS: usize = 30_000;

/// One value to bind. NULLs carry their type so PostgreSQL accepts them in any column.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
    /// A day as the codec writes it, or NULL, for a column PostgreSQL keeps as a `date`
    /// (docs/decisions/0023-postgresql-column-types.md). Cast by `CAST(… AS DATE)`, not
    /// the `date(…)` of single statements: PostgreSQL resolves `date(…)` as a function
    /// name each time, and a statement here holds thousands of them (parsing 9,000 took
    /// 2 to 5 times as long). SQLite takes the bound text as it is, which is what its
    /// `date(…)` would give back.
    Day(Option<String>),
    /// A moment as the codec writes it, for a column PostgreSQL keeps as a `timestamptz`:
    /// written through [`Backend::time_param`].
    Moment(String),
    /// A yes or no for a column PostgreSQL keeps as a `boolean` (0 or 1 on SQLite).
    Flag(bool),
}

impl Cell {
    /// The `n`th placeholder of a statement on `backend` (SQLite numbers its anonymous
    /// `?` in order), as this cell's column takes it.
    fn placeholder(&self, backend: Backend, n: usize) -> String {
        let p = match backend {
            Backend::Sqlite => "?".to_string(),
            Backend::Postgres => format!("${n}"),
        };
        match (self, backend) {
            (Cell::Day(_), Backend::Postgres) => format!("CAST({p} AS DATE)"),
            (Cell::Moment(_), _) => backend.time_param(&p),
            _ => p,
        }
    }
}

impl From<i64> for Cell {
    fn from(v: i64) -> Self {
        Cell::Int(v)
    }
}
impl From<u32> for Cell {
    fn from(v: u32) -> Self {
        Cell::Int(i64::from(v))
    }
}
impl From<bool> for Cell {
    fn from(v: bool) -> Self {
        Cell::Flag(v)
    }
}
impl From<Date> for Cell {
    fn from(v: Date) -> Self {
        Cell::Day(Some(codec::date(v)))
    }
}
impl From<Option<Date>> for Cell {
    fn from(v: Option<Date>) -> Self {
        Cell::Day(v.map(codec::date))
    }
}
impl From<OffsetDateTime> for Cell {
    fn from(v: OffsetDateTime) -> Self {
        Cell::Moment(codec::timestamp(v))
    }
}
impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}
impl From<&str> for Cell {
    fn from(v: &str) -> Self {
        Cell::Text(v.to_string())
    }
}
impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map_or(Cell::NullText, Cell::Text)
    }
}
impl From<Option<i64>> for Cell {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Cell::NullInt, Cell::Int)
    }
}

/// Rows waiting to be inserted into one table.
pub(crate) struct Rows {
    table: &'static str,
    columns: &'static [&'static str],
    cells: Vec<Cell>,
    on_conflict: Option<&'static str>,
}

impl Rows {
    pub(crate) fn new(table: &'static str, columns: &'static [&'static str]) -> Self {
        Rows {
            table,
            columns,
            cells: Vec::new(),
            on_conflict: None,
        }
    }

    /// What to do when a row's key exists (`ON CONFLICT …`, which both backends take);
    /// the rows of one batch must not repeat a key.
    pub(crate) fn on_conflict(mut self, clause: &'static str) -> Self {
        self.on_conflict = Some(clause);
        self
    }

    /// Adds a row; it must have one cell per column.
    pub(crate) fn push<const N: usize>(&mut self, row: [Cell; N]) {
        assert_eq!(N, self.columns.len(), "row width for {}", self.table);
        self.cells.extend(row);
    }

    /// Inserts every row, returning the `returning` columns of each inserted row (in no
    /// guaranteed order: callers match on a key they returned).
    pub(crate) async fn insert(
        self,
        conn: &mut AnyConnection,
        returning: Option<&str>,
    ) -> Result<Vec<AnyRow>, StorageError> {
        let backend = match conn.backend_name() {
            "SQLite" => Backend::Sqlite,
            _ => Backend::Postgres,
        };
        let width = self.columns.len();
        let per_statement = (MAX_PARAMS / width).max(1) * width;
        let mut out = Vec::new();
        for chunk in self.cells.chunks(per_statement) {
            let mut sql = format!(
                "INSERT INTO {} ({}) VALUES ",
                self.table,
                self.columns.join(", ")
            );
            for (r, row) in chunk.chunks(width).enumerate() {
                if r > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for (c, cell) in row.iter().enumerate() {
                    if c > 0 {
                        sql.push_str(", ");
                    }
                    sql.push_str(&cell.placeholder(backend, r * width + c + 1));
                }
                sql.push(')');
            }
            if let Some(clause) = self.on_conflict {
                sql.push_str(" ON CONFLICT ");
                sql.push_str(clause);
            }
            if let Some(cols) = returning {
                sql.push_str(" RETURNING ");
                sql.push_str(cols);
            }
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for cell in chunk {
                q = match cell {
                    Cell::Int(v) => q.bind(*v),
                    Cell::Text(v) => q.bind(v.clone()),
                    Cell::NullInt => q.bind(None::<i64>),
                    Cell::NullText => q.bind(None::<String>),
                    Cell::Day(v) => q.bind(v.clone()),
                    Cell::Moment(v) => q.bind(v.clone()),
                    Cell::Flag(v) => q.bind(*v),
                };
            }
            if returning.is_some() {
                out.extend(q.fetch_all(&mut *conn).await?);
            } else {
                q.execute(&mut *conn).await?;
            }
        }
        Ok(out)
    }
}
